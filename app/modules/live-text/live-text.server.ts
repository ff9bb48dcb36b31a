import * as Y from 'yjs';
import type { DocNode } from '~/rich-text/document.ts';
import { repairDoc, type Repaired } from '~/rich-text/repair.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { db } from '~/utils/db.server.ts';
import { maybeLiveDocuments } from '~/utils/live-documents.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { liveDocumentName } from './names.ts';
import { checkUpdate } from './schema-check.ts';
import { readStored } from './storage.server.ts';
import { deleteItems, encodeDocAsUpdate, readYDoc, replaceYDoc, rewriteYDoc, type ItemRange } from './ydoc.ts';

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
 * check (app/modules/live-text/schema-check.ts), then everything the refused ones brought taken out again, as if they had
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

/** Who is editing each of these sections now, by section id (for the table of contents). */
export async function sectionsBeingEdited(sectionIds: string[]): Promise<Record<string, string[]>> {
  const live = maybeLiveDocuments();
  if (!live) return {};
  const byDocument = await live.editing(sectionIds.map((id) => liveDocumentName.section(id)));
  return Object.fromEntries(
    sectionIds
      .filter((id) => byDocument[liveDocumentName.section(id)])
      .map((id) => [id, byDocument[liveDocumentName.section(id)]!]),
  );
}
