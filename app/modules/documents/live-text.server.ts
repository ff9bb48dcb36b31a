import * as Y from 'yjs';
import { encodeDocAsUpdate, replaceYDoc, yDocToDoc } from '~/editor/ydoc.ts';
import { db } from '~/utils/db.server.ts';
import { maybeLiveDocuments } from '~/utils/live-documents.server.ts';
import { parseDoc, type DocNode } from './rich-text.ts';

/**
 * The current text of a live document, as stored: its snapshot plus the updates after it (every update is
 * stored before anyone sees it, so this is what editors see). A document never opened yet is its seed text.
 */
export async function readLiveText(name: string, seed: unknown): Promise<DocNode> {
  // One statement: a compaction committing between two reads could otherwise hide the updates it folded in.
  const rows = await readStored(name);
  if (!rows.length) return parseDoc(seed);
  const doc = new Y.Doc();
  try {
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return yDocToDoc(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * A document's stored rows in one round trip: its snapshot first, then the updates stored after it, in order.
 * Empty when the document was never stored.
 */
export async function readStored(name: string): Promise<{ data: Uint8Array }[]> {
  return db().$queryRaw<{ data: Uint8Array }[]>`
    SELECT data FROM (
      SELECT 0 AS kind, 0::bigint AS seq, d.snapshot AS data FROM "CollabDocument" d WHERE d.name = ${name}
      UNION ALL
      SELECT 1, u.id, u.data FROM "CollabUpdate" u JOIN "CollabDocument" d ON d.name = u."docName"
      WHERE u."docName" = ${name} AND u.id > d."snapshotSeq"
    ) stored ORDER BY kind, seq`;
}

/**
 * Writes `next` into a live document, so that everyone editing or reading it sees the change arrive: through the
 * sync server when one runs in this process (it stores, then relays, also to other instances), else (command
 * line, module tests) as one stored update that editors load like any other.
 */
export async function writeLiveText(name: string, seed: unknown, next: DocNode): Promise<void> {
  const live = maybeLiveDocuments();
  if (live) {
    await live.changeDocument(name, (ydoc) => replaceYDoc(ydoc, next));
    return;
  }
  let rows = await readStored(name);
  if (!rows.length) {
    const snapshot = new Uint8Array(encodeDocAsUpdate(parseDoc(seed)));
    await db().collabDocument.createMany({ data: [{ name, snapshot }], skipDuplicates: true });
    rows = await readStored(name);
  }
  const doc = new Y.Doc();
  try {
    for (const row of rows) Y.applyUpdate(doc, row.data);
    const before = Y.encodeStateVector(doc);
    replaceYDoc(doc, next);
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
