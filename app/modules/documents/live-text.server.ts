import * as Y from 'yjs';
import { yDocToDoc } from '~/editor/ydoc.ts';
import { db } from '~/utils/db.server.ts';
import { maybeLiveDocuments } from '~/utils/live-documents.server.ts';
import { parseDoc, type DocNode } from './rich-text.ts';

/**
 * The current text of a live document, as stored: its snapshot plus the updates after it (every update is
 * stored before anyone sees it, so this is what editors see). A document never opened yet is its seed text.
 */
export async function readLiveText(name: string, seed: unknown): Promise<DocNode> {
  const stored = await db().collabDocument.findUnique({ where: { name } });
  if (!stored) return parseDoc(seed);
  const updates = await db().collabUpdate.findMany({
    where: { docName: name, id: { gt: stored.snapshotSeq } },
    orderBy: { id: 'asc' },
    select: { data: true },
  });
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, stored.snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
    return yDocToDoc(doc);
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
