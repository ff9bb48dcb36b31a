import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { parseDoc, type DocNode } from '~/modules/documents/rich-text.ts';
import { documentSchema, FRAGMENT } from './extensions.ts';

/** Writes a document's JSON into an empty Y.Doc (seeding, on the server only). */
export function fillYDoc(ydoc: Y.Doc, doc: DocNode): void {
  prosemirrorJSONToYXmlFragment(documentSchema, doc, ydoc.getXmlFragment(FRAGMENT));
}

/** A new Y.Doc holding `doc`, encoded as one update. */
export function encodeDocAsUpdate(doc: DocNode): Uint8Array {
  const ydoc = new Y.Doc();
  fillYDoc(ydoc, doc);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/** The live text of a Y.Doc as validated document JSON (what pages render). */
export function yDocToDoc(ydoc: Y.Doc): DocNode {
  const json = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(FRAGMENT));
  return parseDoc(json.content?.length ? json : { type: 'doc', content: [] });
}

/**
 * Changes a Y.Doc's text into `doc` with the smallest edit y-prosemirror finds (unchanged paragraphs keep their
 * identity, so editors' carets and undo history around them survive): how the server writes into live text.
 */
export function replaceYDoc(ydoc: Y.Doc, doc: DocNode): void {
  updateYFragment(ydoc, ydoc.getXmlFragment(FRAGMENT), documentSchema.nodeFromJSON(doc), {
    mapping: new Map(),
    isOMark: new Map(),
  });
}
