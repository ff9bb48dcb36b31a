import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactDocument, loadDocument, storeUpdates } from '~/modules/live-text/storage.server.ts';
import { setDatabase } from '~/utils/db.server.ts';
import { templatePGlite } from '../../tests/setup/database.ts';
import { openDatabase, type OpenedDatabase } from './open.ts';
import {
  noteWriteElsewhere,
  onWrite,
  tablesStamp,
  writeGeneration,
  writesShown,
  writtenTables,
} from './write-generation.ts';

let database: OpenedDatabase;
beforeAll(async () => {
  database = await openDatabase({ pglite: await templatePGlite() });
  setDatabase(database);
});
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

/** Whether `write` moved the write generation. */
async function moves(write: () => Promise<unknown>): Promise<boolean> {
  const before = writeGeneration();
  await write();
  return writeGeneration() !== before;
}

describe('the write generation (ADR 0047)', () => {
  it('moves on a write a kept page may show, not on one to a table no kept page reads', async () => {
    const prisma = database.prisma;
    const member = { id: 'm1', email: 'm1@example.org', displayName: 'Un membre', passwordHash: 'x' };
    expect(await moves(() => prisma.member.create({ data: member }))).toBe(true);
    const expiresAt = new Date(Date.now() + 3600_000);
    // A session, its use and its end: nothing any page shows.
    expect(await moves(() => prisma.session.create({ data: { id: 's1', memberId: 'm1', expiresAt } }))).toBe(false);
    expect(await moves(() => prisma.session.update({ where: { id: 's1' }, data: { lastUsedAt: new Date() } }))).toBe(
      false,
    );
    expect(await moves(() => prisma.loginFailure.create({ data: { scope: 'login', key: 'k' } }))).toBe(false);
    expect(await moves(() => prisma.session.deleteMany({ where: { id: 's1' } }))).toBe(false);
    // A transaction that also writes a shown table moves it; one that writes unshown tables alone does not.
    expect(
      await moves(() =>
        prisma.$transaction(async (tx) => {
          await tx.session.create({ data: { id: 's2', memberId: 'm1', expiresAt } });
          await tx.member.update({ where: { id: 'm1' }, data: { displayName: 'Un autre nom' } });
        }),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        prisma.$transaction(async (tx) => {
          await tx.session.create({ data: { id: 's3', memberId: 'm1', expiresAt } });
          await tx.loginFailure.create({ data: { scope: 'login', key: 'k' } });
        }),
      ),
    ).toBe(false);
    // A write of nothing moves nothing; a read made as a WITH (the moderation queue's lists) neither.
    expect(await moves(() => prisma.member.updateMany({ where: { id: 'none' }, data: { area: 'x' } }))).toBe(false);
    expect(await moves(() => prisma.$queryRaw`WITH m AS (SELECT id FROM "Member") SELECT id FROM m`)).toBe(false);
    // A WITH that writes a shown table among unshown ones moves it.
    expect(
      await moves(
        () => prisma.$queryRaw`WITH s AS (
          INSERT INTO "Session" (id, "memberId", "expiresAt") VALUES ('s4', 'm1', now() + interval '1 hour')
          RETURNING 1
        ), m AS (UPDATE "Member" SET area = 'Lyon' WHERE id = 'm1' RETURNING 1)
        SELECT (SELECT count(*) FROM s)::int AS s, (SELECT count(*) FROM m)::int AS m`,
      ),
    ).toBe(true);
  });

  it('reads each table a statement writes, and counts as shown a write whose table it cannot name', () => {
    // The ballot's one statement (app/modules/voting/ballots.server.ts): a lock, then the roll, turnout and seal.
    const ballot = `WITH round AS (SELECT id FROM "VotingRound" WHERE id = $1 FOR SHARE),
      roll AS (INSERT INTO "VoterRoll" (id) SELECT $2 ON CONFLICT ("roundId", "memberId") DO NOTHING RETURNING 1),
      turnout AS (INSERT INTO "TurnoutCount" ("roundId") SELECT $1
        ON CONFLICT ("roundId", hour, shard) DO UPDATE SET voters = "TurnoutCount".voters + 1 RETURNING 1),
      ballot AS (INSERT INTO "Ballot" (id) SELECT $3 RETURNING 1)
      SELECT (SELECT count(*) FROM ballot)::int AS stored`;
    expect(writesShown(ballot)).toBe(false);
    expect(writesShown(ballot.replace('"Ballot"', '"Amendment"'))).toBe(true);
    // Prisma's own statements name the schema.
    expect(writesShown('UPDATE "public"."Session" SET "lastUsedAt" = $1 WHERE id = $2')).toBe(false);
    expect(writesShown('DELETE FROM "public"."AmendmentSupport" WHERE id = $1')).toBe(false);
    expect(writesShown('DELETE FROM "public"."Follow" WHERE id = $1')).toBe(true);
    // Reads, locks included.
    expect(writesShown('SELECT * FROM "Member" FOR UPDATE')).toBe(false);
    expect(writesShown('WITH x AS (SELECT 1 FROM "Round" FOR NO KEY UPDATE) SELECT * FROM x')).toBe(false);
    // Writes whose table is not written as Plenum writes it: shown, to be safe.
    expect(writesShown('TRUNCATE "Ballot"')).toBe(true);
    expect(writesShown('WITH x AS (DELETE FROM ballot RETURNING 1) SELECT * FROM x')).toBe(true);
    expect(writesShown('UPDATE ballot SET sealed = NULL')).toBe(true);
  });

  it('counts writes per table, for reads kept while their own tables are not written (ADR 0048)', async () => {
    const prisma = database.prisma;
    const told: (readonly string[] | null)[] = [];
    const stop = onWrite((tables) => told.push(tables));
    try {
      const stampOf = (tables: string[]) => tablesStamp(tables);
      const program = stampOf(['Program', 'Chapter']);
      const member = stampOf(['Member']);
      const sessions = stampOf(['Session']);
      await prisma.member.create({
        data: { id: 'm9', email: 'm9@example.org', displayName: 'Neuf', passwordHash: 'x' },
      });
      // Only the tables written move: a member's row, not the program's.
      expect(stampOf(['Member'])).not.toBe(member);
      expect(stampOf(['Program', 'Chapter'])).toBe(program);
      // An unshown write (a session) moves its own table's count, and is told to the other processes too.
      await prisma.session.create({ data: { id: 's9', memberId: 'm9', expiresAt: new Date(Date.now() + 60_000) } });
      expect(stampOf(['Session'])).not.toBe(sessions);
      expect(stampOf(['Program', 'Chapter'])).toBe(program);
      expect(told).toEqual(expect.arrayContaining([['Member'], ['Session']]));
      // A transaction's tables move again at its commit, together.
      const beforeCommit = stampOf(['Member', 'Session']);
      await prisma.$transaction(async (tx) => {
        await tx.member.update({ where: { id: 'm9' }, data: { displayName: 'Neuf bis' } });
        await tx.session.update({ where: { id: 's9' }, data: { lastUsedAt: new Date() } });
      });
      expect(stampOf(['Member', 'Session'])).toBe(beforeCommit + 4);
      expect(told.at(-1)).toEqual(expect.arrayContaining(['Member', 'Session']));
      // Another process's write of a table; one of unknown tables moves every table's stamp.
      noteWriteElsewhere(['Chapter']);
      expect(stampOf(['Program', 'Chapter'])).toBe(program + 1);
      const member2 = stampOf(['Member']);
      noteWriteElsewhere(null);
      expect(stampOf(['Member'])).toBe(member2 + 1);
      expect(stampOf(['Program'])).not.toBe(program);
      // What a statement writes, read from its text.
      expect(writtenTables('SELECT 1')).toEqual([]);
      expect(writtenTables('UPDATE "public"."Program" SET title = $1')).toEqual(['Program']);
      expect(writtenTables('TRUNCATE "Program"')).toBeNull();
    } finally {
      stop();
    }
  });

  it('moves not for the live text stored, seeded or compacted, but for a change of its section', async () => {
    const prisma = database.prisma;
    await prisma.program.create({ data: { id: 'p1', slug: 'p1', title: 'Programme', summary: 'Résumé' } });
    await prisma.chapter.create({ data: { id: 'c1', programId: 'p1', position: 1, title: 'Chapitre' } });
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texte.' }] }] };
    await prisma.section.create({
      data: { id: 'bbbbbbbbbbbbbbbb', chapterId: 'c1', position: 1, title: 'S', content },
    });
    const name = 'section:bbbbbbbbbbbbbbbb';
    // The first opening stores the document, seeded from the section's text: the same text the page showed.
    let doc!: Y.Doc;
    expect(await moves(async () => ({ doc } = await loadDocument(name)))).toBe(false);
    // Typing, then folding what was typed into a snapshot (after an editor closes): the page may show the text as
    // it was up to the cache's time before, and the editor brings it up to date.
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    expect(await moves(() => storeUpdates(name, [Y.encodeStateAsUpdate(doc, before)]))).toBe(false);
    expect(await moves(() => compactDocument(name))).toBe(false);
    expect((await loadDocument(name)).updateCount).toBe(0);
    // A change of the section itself (a merge, a restore) moves it.
    expect(await moves(() => prisma.section.update({ where: { id: 'bbbbbbbbbbbbbbbb' }, data: { title: 'T' } }))).toBe(
      true,
    );
    doc.destroy();
  });
});
