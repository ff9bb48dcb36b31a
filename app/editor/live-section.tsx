import { lazy, Suspense, useEffect, useState } from 'react';
import type { DocNode } from '~/rich-text/document.ts';
import { RichText } from '~/rich-text/render.tsx';
import type { EditorUser } from './live-section-client.tsx';

export type { EditorUser };

// Tiptap, ProseMirror, Yjs and the socket are two thirds of a section page's JavaScript (issue 19): a chunk of
// their own, asked for once the page is interactive, so that they are never on the way to the first paint nor to
// hydration. See docs/decisions/0034-signed-in-pages.md.
const LiveSectionClient = lazy(() =>
  import('./live-section-client.tsx').then((module) => ({ default: module.LiveSection })),
);

/**
 * A section's live text (the editor for those who may write, a live view for the others: live-section-client.tsx).
 * The server renders the text; the browser shows the same text until the editor's code has arrived, then the
 * live document takes over as before.
 */
export function LiveSection(props: {
  documentName: string;
  canWrite: boolean;
  user: EditorUser | null;
  text: DocNode;
  /** Called with the live text as it changes (a few times a second at most): an amendment's diff follows it. */
  onText?: (text: DocNode) => void;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const text = <RichText doc={props.text} />;
  if (!hydrated) return text;
  return (
    <Suspense fallback={text}>
      <LiveSectionClient {...props} />
    </Suspense>
  );
}
