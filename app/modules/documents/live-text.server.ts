import * as Y from 'yjs';
import { checkUpdate } from '~/editor/schema-check.ts';
import { deleteItems, encodeDocAsUpdate, readYDoc, replaceYDoc, rewriteYDoc, type ItemRange } from '~/editor/ydoc.ts';
import { database, db } from '~/utils/db.server.ts';
import { maybeLiveDocuments } from '~/utils/live-documents.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { repairDoc, type Repaired } from './repair.ts';
import { parseDoc, type DocNode } from './rich-text.ts';

/**
 * Stored rich text (a column of JSON) as a document. Text is checked before it is stored, so this is parseDoc;
 * but a reader never fails on what it finds (issue 15): anything invalid is read as the valid document closest
 * to it (repair.ts), and what was left out is logged with `where` it was found.
 */
export function readStoredDoc(value: unknown, where: string): DocNode {
  try {
    return parseDoc(value);
  } catch {
    const { doc, problems } = repairDoc(value);
    logger.warn('stored text is not valid: read what is', { where, problems });
    return doc;
  }
}

/**
 * The current text of a live document, as stored: its snapshot plus the updates after it (every update is
 * stored before anyone sees it, so this is what editors see). A document never opened yet is its seed text.
 */
export async function readLiveText(name: string, seed: unknown): Promise<DocNode> {
  return (await readLiveTextChecked(name, seed)).doc;
}

/**
 * readLiveText, with what had to be left out of the stored text to read it (issue 15: text stored before the sync
 * server checked changes against the schema; logged, and shown to moderators, who may restore the section).
 */
export async function readLiveTextChecked(name: string, seed: unknown): Promise<Repaired> {
  // One statement: a compaction committing between two reads could otherwise hide the updates it folded in.
  const rows = await readStored(name);
  if (!rows.length) {
    const read = repairDoc(seed);
    if (read.problems.length)
      logger.warn('stored text is not valid: read what is', { where: name, problems: read.problems });
    return read;
  }
  const doc = new Y.Doc();
  try {
    for (const row of rows) applyStored(doc, row.data, name);
    const read = readYDoc(doc);
    if (read.problems.length)
      logger.warn('live text is not valid: read what is', { document: name, problems: read.problems });
    return read;
  } finally {
    doc.destroy();
  }
}

/** Applies a stored row; one Yjs cannot apply (stored by an older version) is logged and left out. */
function applyStored(doc: Y.Doc, data: Uint8Array, name: string) {
  try {
    Y.applyUpdate(doc, data);
  } catch (error) {
    logger.warn('live text: a stored change cannot be applied, left out', { document: name, error });
  }
}

/**
 * The last valid text of a live document (issue 15): its stored changes replayed in order through today's schema
 * check (app/editor/schema-check.ts), then everything the refused ones brought taken out again, as if they had
 * been refused when they came; valid changes made after them (typing beside a forged element, say) stay. What a
 * snapshot holds outside the schema (folded in before) is read as the valid text closest to it. `refused` counts
 * the changes taken out.
 */
export async function lastValidText(name: string, seed: unknown): Promise<Repaired & { refused: number }> {
  const rows = await readStored(name);
  if (!rows.length) return { ...repairDoc(seed), refused: 0 };
  const doc = new Y.Doc();
  const brought: ItemRange[] = [];
  let refused = 0;
  try {
    applyStored(doc, rows[0]!.data, name);
    for (const row of rows.slice(1)) {
      let decoded;
      try {
        decoded = Y.decodeUpdate(row.data);
        checkUpdate(doc, decoded);
      } catch {
        refused++;
        for (const struct of decoded?.structs ?? []) {
          if (struct instanceof Y.Item) brought.push({ ...struct.id, length: struct.length });
        }
      }
      applyStored(doc, row.data, name);
    }
    deleteItems(doc, brought);
    return { ...readYDoc(doc), refused };
  } finally {
    doc.destroy();
  }
}

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
  const [row] = await database().query<{ snapshot: string; updates: string[] }>(STORED_SQL, [name]);
  if (!row) return [];
  return [row.snapshot, ...row.updates].map((hex) => ({ data: fromHex(hex) }));
}

/**
 * Writes `next` into a live document, so that everyone editing or reading it sees the change arrive: through the
 * sync server when one runs in this process (it stores, then relays, also to other instances), else (command
 * line, module tests) as one stored update that editors load like any other. With `rewrite`, the old text is
 * deleted whole rather than edited into the new one (restoring a text that held content outside the schema).
 */
export async function writeLiveText(
  name: string,
  seed: unknown,
  next: DocNode,
  options: { rewrite?: boolean } = {},
): Promise<void> {
  const write = options.rewrite ? rewriteYDoc : replaceYDoc;
  const live = maybeLiveDocuments();
  if (live) {
    await live.changeDocument(name, (ydoc) => write(ydoc, next));
    return;
  }
  let rows = await readStored(name);
  if (!rows.length) {
    const snapshot = new Uint8Array(encodeDocAsUpdate(readStoredDoc(seed, name)));
    await db().collabDocument.createMany({ data: [{ name, snapshot }], skipDuplicates: true });
    rows = await readStored(name);
  }
  const doc = new Y.Doc();
  try {
    for (const row of rows) applyStored(doc, row.data, name);
    const before = Y.encodeStateVector(doc);
    write(doc, next);
    const update = new Uint8Array(Y.encodeStateAsUpdate(doc, before));
    await db().$executeRaw`INSERT INTO "CollabUpdate" ("docName", "data") VALUES (${name}, ${update})`;
  } finally {
    doc.destroy();
  }
}

/** The live document's name for a section. */
export function sectionDocumentName(sectionId: string): string {
  return `section:${sectionId}`;
}

/** Who is editing each of these sections now, by section id (for the table of contents). */
export async function sectionsBeingEdited(sectionIds: string[]): Promise<Record<string, string[]>> {
  const live = maybeLiveDocuments();
  if (!live) return {};
  const byDocument = await live.editing(sectionIds.map(sectionDocumentName));
  return Object.fromEntries(
    sectionIds
      .filter((id) => byDocument[sectionDocumentName(id)])
      .map((id) => [id, byDocument[sectionDocumentName(id)]!]),
  );
}
