import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { templatePGlite } from '../../tests/setup/database.ts';
import { setDatabase } from './db.server.ts';
import { forgetKeptReads, keptRead, setKeptReadTime } from './kept-reads.server.ts';

let database: OpenedDatabase;
beforeAll(async () => {
  database = await openDatabase({ pglite: await templatePGlite() });
  setDatabase(database);
  await database.prisma.member.create({
    data: { id: 'k1', email: 'k1@example.org', displayName: 'Avant', passwordHash: 'x' },
  });
});
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});
const verifying = process.env.PLENUM_VERIFY_KEPT_READS;
beforeEach(() => {
  setKeptReadTime(2000);
  forgetKeptReads();
  // As in production: a read found is not read again (the module tests' verify mode does, see the last test).
  process.env.PLENUM_VERIFY_KEPT_READS = '0';
});
afterAll(() => {
  if (verifying === undefined) delete process.env.PLENUM_VERIFY_KEPT_READS;
  else process.env.PLENUM_VERIFY_KEPT_READS = verifying;
});

/** The member's name, read through `keptRead` as the tables `tables`; counts the reads that reached the database. */
function nameReader(tables: string[]) {
  let reads = 0;
  const read = () =>
    keptRead('name:k1', tables, async () => {
      reads++;
      return (await database.prisma.member.findUniqueOrThrow({ where: { id: 'k1' } })).displayName;
    });
  return { read, reads: () => reads };
}

describe('keptRead (ADR 0048)', () => {
  it('reads once for every caller while its tables are not written, and again after a write to one', async () => {
    const { read, reads } = nameReader(['Member']);
    expect(await Promise.all([read(), read(), read()])).toEqual(['Avant', 'Avant', 'Avant']);
    expect(await read()).toBe('Avant');
    expect(reads()).toBe(1);
    // A write to another table leaves it kept.
    await database.prisma.loginFailure.create({ data: { scope: 'login', key: 'k' } });
    expect(await read()).toBe('Avant');
    expect(reads()).toBe(1);
    // A write to its table: the next caller reads again, and sees the change.
    await database.prisma.member.update({ where: { id: 'k1' }, data: { displayName: 'Après' } });
    expect(await read()).toBe('Après');
    expect(reads()).toBe(2);
  });

  it('gives a caller that comes after a write nothing read before it, even a read still under way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = keptRead('slow', ['Member'], async () => {
      const name = (await database.prisma.member.findUniqueOrThrow({ where: { id: 'k1' } })).displayName;
      await gate;
      return name;
    });
    const name = (await database.prisma.member.findUniqueOrThrow({ where: { id: 'k1' } })).displayName;
    await database.prisma.member.update({ where: { id: 'k1' }, data: { displayName: `${name}, changé` } });
    const after = keptRead('slow', ['Member'], async () => {
      return (await database.prisma.member.findUniqueOrThrow({ where: { id: 'k1' } })).displayName;
    });
    release();
    expect(await slow).toBe(name);
    expect(await after).toBe(`${name}, changé`);
  });

  it('is trusted for the page cache’s time at most, keeps no refusal, and refuses tables written outside Prisma', async () => {
    setKeptReadTime(50);
    const { read, reads } = nameReader(['Member']);
    await read();
    await read();
    expect(reads()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await read();
    expect(reads()).toBe(2);
    setKeptReadTime(0);
    await read();
    await read();
    expect(reads()).toBe(4);

    setKeptReadTime(2000);
    let attempts = 0;
    const failing = () =>
      keptRead('failing', ['Member'], async () => {
        attempts++;
        if (attempts === 1) throw new Error('the database did not answer');
        return 'ok';
      });
    await expect(failing()).rejects.toThrow('the database did not answer');
    expect(await failing()).toBe('ok');
    expect(() => keptRead('live', ['CollabUpdate'], async () => 0)).toThrow(/written outside Prisma/);
  });

  it('keeps reads per database: another one opened in the same process finds none of the first’s', async () => {
    const { read } = nameReader(['Member']);
    const first = await read();
    const other = await openDatabase({ pglite: await templatePGlite() });
    try {
      await other.prisma.member.create({
        data: { id: 'k1', email: 'k1@example.org', displayName: 'Ailleurs', passwordHash: 'x' },
      });
      setDatabase(other);
      const elsewhere = await keptRead('name:k1', ['Member'], async () => {
        return (await other.prisma.member.findUniqueOrThrow({ where: { id: 'k1' } })).displayName;
      });
      expect(elsewhere).toBe('Ailleurs');
      expect(first).not.toBe('Ailleurs');
    } finally {
      setDatabase(database);
      await other.close();
    }
  });

  it('in verify mode, fails a read found stale, and a caller that changes what it was given', async () => {
    process.env.PLENUM_VERIFY_KEPT_READS = '1';
    const { read } = nameReader(['Member']);
    const name = await read();
    // Written behind Prisma's back: no stamp moves, and only the verify mode can tell.
    await database.sql.query(`UPDATE "Member" SET "displayName" = 'Par derrière' WHERE id = 'k1'`);
    await expect(read()).rejects.toThrow(/differs from a fresh read of Member/);
    forgetKeptReads();
    const kept = await keptRead('object', ['Member'], async () => ({ name, list: [1, 2] }));
    expect(() => {
      (kept as { name: string }).name = 'changé';
    }).toThrow(TypeError);
    expect(() => (kept.list as number[]).push(3)).toThrow(TypeError);
  });
});
