import * as Y from 'yjs';
import { parseLiveDocumentName, type LiveDocumentTarget } from './names.ts';
import { encodeDocAsUpdate } from './ydoc.ts';
import type { AmendmentKind } from '~/generated/prisma/enums.ts';
import { type DocNode } from '~/rich-text/document.ts';
import { database, db } from '~/utils/db.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { metrics } from '~/utils/metrics.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';

/**
 * Durable storage of live documents (one concern): a document is its snapshot plus the updates stored after
 * it. Updates are stored before the server relays them; compaction folds them into the snapshot.
 */

/**
 * A document's stored rows in one statement (a compaction committing between two reads could otherwise hide the
 * updates it folded in): its snapshot, then the updates stored after it, in order. The bytes travel as hex
 * text: PGlite decodes a bytea column ten times slower than Node decodes hex, and a cold load is mostly this
 * read (bench:collab).
 */
const STORED_SQL = `
  SELECT encode(d.snapshot, 'hex') AS snapshot,
    ARRAY(SELECT encode(u.data, 'hex') FROM "CollabUpdate" u
          WHERE u."docName" = d.name AND u.id > d."snapshotSeq" ORDER BY u.id) AS updates
  FROM "CollabDocument" d WHERE d.name = $1`;

/** Hex to a plain Uint8Array: Yjs reads a Buffer more slowly (every slice of it is a Buffer too). */
function fromHex(hex: string): Uint8Array {
  const bytes = Buffer.from(hex, 'hex');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The stored rows of document `name`, snapshot first (empty when it was never stored). Raw SQL, outside Prisma
 * (counted all the same): the sync server loads documents with it too.
 */
export async function readStored(name: string): Promise<{ data: Uint8Array }[]> {
  const [row] = await database().live.query<{ snapshot: string; updates: string[] }>(STORED_SQL, [name]);
  if (!row) return [];
  return [row.snapshot, ...row.updates].map((hex) => ({ data: fromHex(hex) }));
}

// Prisma's Bytes wants a plain ArrayBuffer-backed array; Yjs hands out views that may not be.
const bytes = (u: Uint8Array) => new Uint8Array(u);

/** The text an amendment's live document starts from: the section's text to change, or nothing for a new one. */
export function amendmentSeed(amendment: { kind: AmendmentKind; baseText: unknown }): DocNode {
  return amendment.kind === 'CHANGE'
    ? readStoredDoc(amendment.baseText, 'amendment.baseText')
    : { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * The text a document starts from: its section's text, an amendment's seed (its base, or nothing), or for an
 * update, the text the amendment is rewritten against.
 */
async function seedOf(target: LiveDocumentTarget): Promise<DocNode> {
  if (target.kind === 'amendment') {
    const amendment = await db().amendment.findUniqueOrThrow({
      where: { id: target.id },
      select: { kind: true, baseText: true, rebaseTo: true },
    });
    return target.revision ? readStoredDoc(amendment.rebaseTo, 'amendment.rebaseTo') : amendmentSeed(amendment);
  }
  const section = await db().section.findUniqueOrThrow({ where: { id: target.id }, select: { content: true } });
  return readStoredDoc(section.content, 'section.content');
}

/**
 * Loads a document: snapshot plus later updates. A document never stored before is seeded once, here on the
 * server, from the section's text, inside a transaction so two processes cannot seed it twice.
 */
export async function loadDocument(name: string): Promise<{ doc: Y.Doc; updateCount: number; storedBytes: number }> {
  let rows = await readStored(name);
  if (!rows.length) {
    const target = parseLiveDocumentName(name);
    if (!target) throw new Error(`Unknown document ${name}`);
    const snapshot = encodeDocAsUpdate(await seedOf(target));
    await db().collabDocument.createMany({ data: [{ name, snapshot: bytes(snapshot) }], skipDuplicates: true });
    rows = await readStored(name);
  }
  const doc = new Y.Doc({ gc: true });
  let storedBytes = 0;
  for (const row of rows) {
    try {
      Y.applyUpdate(doc, row.data);
    } catch (error) {
      // Stored by a version without the schema check (issue 15): the document loads without it.
      logger.warn('collaboration: a stored change cannot be applied, left out', { document: name, error });
    }
    storedBytes += row.data.byteLength;
  }
  // What is stored bounds the document's encoded size: no need to encode it again to know (cold loads are hot).
  return { doc, updateCount: rows.length - 1, storedBytes };
}

/** Stores updates of one document at once; resolves once they are committed. */
export async function storeUpdates(name: string, updates: Uint8Array[]): Promise<void> {
  if (!updates.length) return;
  const db = database();
  const end = metrics().storeLatency.startTimer();
  let stored: number;
  if (db.engine === 'pglite') stored = await db.live.execute(embeddedStoreStatement(name, updates));
  else {
    const { sql, params } = storeStatement(name, updates);
    stored = (await db.live.query<{ id: unknown }>(sql, params)).length;
  }
  end();
  if (stored !== updates.length) throw new Error(`document ${name} is not stored (removed?)`);
  metrics().updatesStored.inc(stored);
}

/**
 * Notes that members wrote into sections' live texts now (issue 17: a version's changelog names who edited a
 * section directly, if the program publishes drafters' names): one row per document, member, UTC day and the
 * program's phase, its last write moved forward. Only section documents: amendments have their authors. Any
 * number of writes in one statement (the collaboration server gathers a second's worth: writer-notes.ts).
 */
export async function noteWriters(writes: Array<{ name: string; memberId: string }>): Promise<void> {
  const rows = new Map<string, { name: string; memberId: string; sectionId: string }>();
  for (const { name, memberId } of writes) {
    const target = parseLiveDocumentName(name);
    // One row per document and member: ON CONFLICT may not touch the same row twice in a statement.
    if (target?.kind === 'section') rows.set(`${name} ${memberId}`, { name, memberId, sectionId: target.id });
  }
  if (!rows.size) return;
  const all = [...rows.values()];
  await database().live.query(
    `INSERT INTO "LiveTextWriter" ("docName", "memberId", "day", "phase", "firstAt", "lastAt")
     SELECT w.name, w.member, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'), p.phase, now() AT TIME ZONE 'UTC',
       now() AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::text[], $3::text[]) AS w(name, member, section)
       JOIN "Section" s ON s.id = w.section JOIN "Chapter" c ON c.id = s."chapterId"
       JOIN "Program" p ON p.id = c."programId"
     ON CONFLICT ("docName", "memberId", "day", "phase") DO UPDATE SET "lastAt" = EXCLUDED."lastAt"`,
    [all.map((w) => w.name), all.map((w) => w.memberId), all.map((w) => w.sectionId)],
  );
}

const hexOf = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex');

/**
 * The statement that stores updates on PostgreSQL. Outside Prisma, bytes as hex text: it runs for every burst of
 * keystrokes, and Prisma's work per statement cost several times the insert itself (bench:collab). It holds a
 * KEY SHARE lock on the document's row from before the ids are handed out until it commits, which a
 * compaction's FOR UPDATE waits for: without it another process could fold update 101 while 100 is still being
 * written, and 100 would then lie under the snapshot, never read again. (The foreign key's own check takes
 * that lock too, but only once the rows are inserted: too late.)
 */
export function storeStatement(name: string, updates: Uint8Array[]): { sql: string; params: unknown[] } {
  const sql = `INSERT INTO "CollabUpdate" ("docName", "data")
    SELECT d.name, decode(u.hex, 'hex')
    FROM "CollabDocument" d, unnest($2::text[]) WITH ORDINALITY AS u(hex, n)
    WHERE d.name = $1
    ORDER BY u.n
    FOR KEY SHARE OF d
    RETURNING id`;
  return { sql, params: [name, updates.map(hexOf)] };
}

/**
 * The statement that stores updates on the embedded database: one plain multi-row INSERT, its values written
 * into the text and sent by the simple protocol. PGlite parses, plans and runs a parameterised statement in
 * its own steps, on the server's thread: 0.3 ms an insert, against 0.08 ms for this (ADR 0009). Safe to write
 * inline because nothing else is: the name is checked against the only shape document names have, the bytes
 * are hex digits. The foreign key refuses an update of a document that was removed meanwhile. No lock is
 * needed: one process runs one statement at a time, so no compaction can run between two of its steps.
 */
export function embeddedStoreStatement(name: string, updates: Uint8Array[]): string {
  if (!parseLiveDocumentName(name)) throw new Error(`Unknown document ${name}`);
  const rows = updates.map((update) => `('${name}', '\\x${hexOf(update)}')`);
  return `INSERT INTO "CollabUpdate" ("docName", "data") VALUES ${rows.join(', ')}`;
}

/**
 * Folds the stored updates into a new snapshot and deletes them, in one transaction. Built from what is
 * stored, not from a live document: with several processes, a live copy may not have received every update
 * another process stored, and folding it would lose them.
 */
export async function compactDocument(name: string): Promise<void> {
  await db().$transaction(async (tx) => {
    // One compaction of a document at a time, whichever process runs it. Bytes travel as hex (see readStored).
    const [stored] = await tx.$queryRaw<{ snapshot: string; snapshotSeq: bigint }[]>`
      SELECT encode(snapshot, 'hex') AS snapshot, "snapshotSeq" FROM "CollabDocument" WHERE name = ${name} FOR UPDATE`;
    if (!stored) return;
    const updates = await tx.$queryRaw<{ id: bigint; data: string }[]>`
      SELECT id, encode(data, 'hex') AS data FROM "CollabUpdate"
      WHERE "docName" = ${name} AND id > ${stored.snapshotSeq} ORDER BY id`;
    if (!updates.length) return;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, Buffer.from(stored.snapshot, 'hex'));
      for (const u of updates) {
        try {
          Y.applyUpdate(doc, Buffer.from(u.data, 'hex'));
        } catch (error) {
          logger.warn('collaboration: a stored change cannot be applied, not folded in', { document: name, error });
        }
      }
      const upToSeq = updates.at(-1)!.id;
      const snapshot = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex');
      await tx.$executeRaw`
        UPDATE "CollabDocument"
        SET snapshot = decode(${snapshot}, 'hex'), "snapshotSeq" = ${upToSeq}, "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE name = ${name}`;
      await tx.$executeRaw`DELETE FROM "CollabUpdate" WHERE "docName" = ${name} AND id <= ${upToSeq}`;
    } finally {
      doc.destroy();
    }
  });
}
