import { prosemirrorJSONToYXmlFragment, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { repairDoc, type Repaired } from '~/rich-text/repair.ts';
import { MAX_DEPTH, type DocNode } from '~/rich-text/document.ts';
import { documentSchema, FRAGMENT } from '~/rich-text/extensions.ts';

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

/**
 * Rewrites a Y.Doc's text as `doc` from scratch: everything in it is deleted, then `doc` written (a moderator's
 * restoration of a section whose stored text held content outside the schema: unlike replaceYDoc, nothing of the
 * old content can survive; carets of open editors move to the start).
 */
export function rewriteYDoc(ydoc: Y.Doc, doc: DocNode): void {
  const fragment = ydoc.getXmlFragment(FRAGMENT);
  ydoc.transact(() => {
    fragment.delete(0, fragment.length);
    fillYDoc(ydoc, doc);
  });
}

/** A range of a client's clock: the items one update brought. */
export interface ItemRange {
  client: number;
  clock: number;
  length: number;
}

/**
 * Deletes from a Y.Doc every item in `ranges` (what refused changes brought in: an element and all inside it, a
 * mark, an attribute, some text), splitting items that reach past a range so that nothing else goes. Items the
 * document does not have (never integrated) are skipped.
 */
export function deleteItems(ydoc: Y.Doc, ranges: ItemRange[]): void {
  ydoc.transact((transaction) => {
    for (const { client, clock, length } of ranges) {
      const end = clock + length;
      const state = Y.getState(ydoc.store, client);
      if (clock >= state) continue;
      Y.getItemCleanStart(transaction, Y.createID(client, clock));
      if (end < state) Y.getItemCleanStart(transaction, Y.createID(client, end));
      const structs = ydoc.store.clients.get(client)!;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i];
        if (struct instanceof Y.Item && !struct.deleted) struct.delete(transaction);
      }
    }
  });
}

/** The live text of a Y.Doc as a valid document (what pages render); see readYDoc for what was left out. */
export function yDocToDoc(ydoc: Y.Doc): DocNode {
  return readYDoc(ydoc).doc;
}

/**
 * The live text of a Y.Doc, whatever it holds: the valid document closest to it, and what had to be left out
 * (issue 15: a reader never fails on stored text; repair.ts). The sync server refuses updates outside the
 * schema (schema-check.ts), so on text written since, the list is empty.
 */
export function readYDoc(ydoc: Y.Doc): Repaired {
  return repairDoc(yFragmentToJSON(ydoc.getXmlFragment(FRAGMENT)));
}

/** y-prosemirror names a mark that may overlap itself "<name>--<hash>". */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** The plain text under a Y type, however deep (iterative). */
function textUnder(type: Y.XmlElement | Y.XmlText): string {
  const parts: string[] = [];
  const stack: unknown[] = [type];
  while (stack.length) {
    const item = stack.pop();
    if (item instanceof Y.XmlText) {
      for (const op of item.toDelta() as { insert: unknown }[])
        if (typeof op.insert === 'string') parts.push(op.insert);
    } else if (item instanceof Y.XmlElement) {
      const content = item.toArray();
      for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
    }
  }
  return parts.join(' ');
}

/**
 * A Y.XmlFragment as ProseMirror-shaped JSON, as it is (repairDoc then makes it valid). Like y-prosemirror's
 * own conversion, but it never throws and never recurses deeper than the schema allows: past that depth an
 * element is given as its text.
 */
function yFragmentToJSON(fragment: Y.XmlFragment): unknown {
  const inline = (text: Y.XmlText) =>
    (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((op) =>
      typeof op.insert === 'string'
        ? {
            type: 'text',
            text: op.insert,
            ...(op.attributes
              ? {
                  marks: Object.entries(op.attributes).map(([key, attrs]) => ({
                    type: HASHED_MARK.exec(key)?.[1] ?? key,
                    attrs,
                  })),
                }
              : {}),
          }
        : { type: 'embed' },
    );
  const nodes = (parent: Y.XmlFragment | Y.XmlElement, depth: number): unknown[] =>
    parent.toArray().flatMap((child): unknown[] => {
      if (child instanceof Y.XmlText) return inline(child);
      if (!(child instanceof Y.XmlElement)) return [{ type: 'unknown' }];
      if (depth > MAX_DEPTH + 2) return [{ type: child.nodeName, content: [{ type: 'text', text: textUnder(child) }] }];
      return [{ type: child.nodeName, attrs: child.getAttributes(), content: nodes(child, depth + 1) }];
    });
  return { type: 'doc', content: nodes(fragment, 1) };
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
