import { getSchema, mergeAttributes, type AnyExtension } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from '~/rich-text/document.ts';
import { safeHref } from '~/utils/links.ts';

/**
 * Links as stored keep their real address; as shown, a link to another site goes through /leave (issue 7:
 * Plenum's pages point only to Plenum until the reader decides to leave; see app/utils/links.ts).
 */
const SafeLink = Link.extend({
  renderHTML({ HTMLAttributes }) {
    const attrs = { ...HTMLAttributes, href: safeHref(String(HTMLAttributes.href ?? '')) };
    return ['a', mergeAttributes(this.options.HTMLAttributes, attrs), 0];
  },
});

/**
 * The editor's schema, shared by the browser editor and the server (seeding, rendering, server-side edits):
 * exactly the nodes and marks that app/rich-text/document.ts accepts.
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
    link: false,
  }),
  SafeLink.configure({
    openOnClick: false,
    autolink: true,
    protocols: ['http', 'https', 'mailto'],
    // Exactly the addresses the server stores: a pasted tel: or relative link stays text, and is never a change
    // the server refuses (app/modules/live-text/schema-check.ts).
    isAllowedUri: (url) => isSafeHref(url),
  }),
];

/** The ProseMirror schema built from those extensions. */
export const documentSchema = getSchema(documentExtensions);

/** The name of the Y.XmlFragment that holds a document's text (Tiptap's Collaboration default). */
export const FRAGMENT = 'default';
