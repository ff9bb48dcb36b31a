import { afterAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../setup/database.ts';

// PostgreSQL only (vitest.config.ts): the embedded database has no prepared statements of its own to look at.
describe('statements sent to PostgreSQL (ADR 0050)', () => {
  const clones: Awaited<ReturnType<typeof cloneTestDatabase>>[] = [];
  afterAll(async () => {
    for (const clone of clones) {
      await clone.database.close();
      await clone.drop();
    }
  });

  it('prepares Prisma’s statements and the raw ones, and their answers are right', async () => {
    const clone = await cloneTestDatabase();
    clones.push(clone);
    const { prisma, query, live } = clone.database;
    for (let i = 0; i < 3; i++) {
      expect(await prisma.member.count({ where: { email: `nobody${i}@example.org` } })).toBe(0);
      expect(await query<{ n: number }>('SELECT $1::int + 1 AS n', [i])).toEqual([{ n: i + 1 }]);
      expect(await live.query<{ n: number }>('SELECT $1::int * 2 AS n', [i])).toEqual([{ n: i * 2 }]);
    }
    // The connection answering this has its statements prepared under Plenum's names, this one among them.
    const prepared = await prisma.$queryRaw<{ name: string; statement: string }[]>`
      SELECT name, statement FROM pg_prepared_statements`;
    expect(prepared.some((p) => /^plenum_\d+$/.test(p.name) && p.statement.includes('pg_prepared_statements'))).toBe(
      true,
    );
    const raw = await query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE statement = $1', [
      'SELECT name FROM pg_prepared_statements WHERE statement = $1',
    ]);
    expect(raw.map((r) => r.name)).toEqual([expect.stringMatching(/^plenum_\d+$/)]);
  });
});
