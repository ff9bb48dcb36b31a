import * as Y from 'yjs';
import { encodeDocAsUpdate } from '~/editor/ydoc.ts';
import { parseDoc } from '~/modules/documents/rich-text.ts';
import { db } from '~/utils/db.server.ts';

/**
 * Durable storage of live documents (one concern): a document is its snapshot plus the updates stored after
 * it. Updates are stored before the server relays them; compaction folds them into the snapshot.
 */

// Prisma's Bytes wants a plain ArrayBuffer-backed array; Yjs hands out views that may not be.
const bytes = (u: Uint8Array) => new Uint8Array(u);

/** A document name the server knows how to seed: "section:<id>". */
export function parseDocumentName(name: string): { kind: 'section'; id: string } | null {
  const match = /^section:([a-z2-7]{16})$/.exec(name);
  return match ? { kind: 'section', id: match[1]! } : null;
}

/**
 * Loads a document: snapshot plus later updates. A document never stored before is seeded once, here on the
 * server, from the section's text, inside a transaction so two processes cannot seed it twice.
 */
export async function loadDocument(name: string): Promise<{ doc: Y.Doc; updateCount: number; lastSeq: bigint }> {
  let stored = await db().collabDocument.findUnique({ where: { name } });
  if (!stored) {
    const target = parseDocumentName(name);
    if (!target) throw new Error(`Unknown document ${name}`);
    const section = await db().section.findUniqueOrThrow({ where: { id: target.id }, select: { content: true } });
    const snapshot = encodeDocAsUpdate(parseDoc(section.content));
    await db().collabDocument.createMany({ data: [{ name, snapshot: bytes(snapshot) }], skipDuplicates: true });
    stored = await db().collabDocument.findUniqueOrThrow({ where: { name } });
  }
  const updates = await db().collabUpdate.findMany({
    where: { docName: name, id: { gt: stored.snapshotSeq } },
    orderBy: { id: 'asc' },
    select: { id: true, data: true },
  });
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, stored.snapshot);
  for (const u of updates) Y.applyUpdate(doc, u.data);
  return { doc, updateCount: updates.length, lastSeq: updates.at(-1)?.id ?? stored.snapshotSeq };
}

/** Stores updates of one document in one transaction; resolves once they are committed. */
export async function storeUpdates(name: string, updates: Uint8Array[]): Promise<bigint> {
  if (!updates.length) return 0n;
  const rows = await db().$transaction(
    updates.map((data) =>
      db().collabUpdate.create({ data: { docName: name, data: bytes(data) }, select: { id: true } }),
    ),
  );
  return rows.at(-1)!.id;
}

/**
 * Folds every stored update up to `upToSeq` into a new snapshot of `doc`'s state, then deletes them, in one
 * transaction. `doc` must already contain those updates (it is the live document).
 */
export async function compactDocument(name: string, doc: Y.Doc, upToSeq: bigint): Promise<void> {
  const snapshot = Y.encodeStateAsUpdate(doc);
  await db().$transaction([
    db().collabDocument.update({ where: { name }, data: { snapshot: bytes(snapshot), snapshotSeq: upToSeq } }),
    db().collabUpdate.deleteMany({ where: { docName: name, id: { lte: upToSeq } } }),
  ]);
}
