import { afterAll, describe, expect, it } from 'vitest';
import { templatePGlite } from '../../tests/setup/database.ts';
import { openDatabase, type OpenedDatabase } from './open.ts';
import { countQueriesOf, currentQueryTally } from './query-count.ts';

const opened: OpenedDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function open(countQueries: boolean) {
  // The run's migrated template: creating an empty embedded database (initdb) cost several times as much CPU.
  const database = await openDatabase({ pglite: await templatePGlite(), countQueries });
  opened.push(database);
  await database.prisma.$executeRawUnsafe('CREATE TABLE t (n int)');
  return database.prisma;
}

describe('counting SQL statements', () => {
  it('counts raw queries and the statements of a transaction (not BEGIN and COMMIT), per async context', async () => {
    const prisma = await open(true);
    const first = await countQueriesOf(async (tally) => {
      await prisma.$queryRaw`SELECT 1`;
      await prisma.$executeRaw`INSERT INTO t VALUES (1)`;
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO t VALUES (2)`;
        await tx.$queryRaw`SELECT count(*) FROM t`;
      });
      return tally.statements;
    });
    expect(first).toBe(4);
    // Two requests at once each count their own statements.
    const [a, b] = await Promise.all([
      countQueriesOf(async (tally) => {
        for (let i = 0; i < 3; i++) await prisma.$queryRaw`SELECT ${i}::int`;
        return tally.statements;
      }),
      countQueriesOf(async (tally) => {
        await prisma.$queryRaw`SELECT 1`;
        return tally.statements;
      }),
    ]);
    expect([a, b]).toEqual([3, 1]);
    // Outside a request nothing is tallied.
    await prisma.$queryRaw`SELECT 1`;
    expect(currentQueryTally()).toBeUndefined();
  });

  it('leaves the adapter alone when counting is off', async () => {
    const prisma = await open(false);
    const counted = await countQueriesOf(async (tally) => {
      await prisma.$queryRaw`SELECT 1`;
      return tally.statements;
    });
    expect(counted).toBe(0);
  });
});
