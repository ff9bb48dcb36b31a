import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The editor's schema, shared by the browser editor and the server (seeding, rendering, server-side edits):
 * exactly the nodes and marks that app/modules/documents/rich-text.ts accepts.
 */
export const documentExtensions: AnyExtension[] = [
  StarterKit.configure({
    undoRedo: false, // Collaboration brings its own undo, limited to one's own changes.
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
  }),
];

/** The ProseMirror schema built from those extensions. */
export const documentSchema = getSchema(documentExtensions);

/** The name of the Y.XmlFragment that holds a document's text (Tiptap's Collaboration default). */
export const FRAGMENT = 'default';
