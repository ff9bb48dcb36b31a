import type * as Y from 'yjs';

/** What modules may do with live documents (the collaboration server implements it). */
export interface LiveDocuments {
  /** Changes a live document so that everyone editing it sees the change at once; resolves once stored. */
  changeDocument(name: string, edit: (doc: Y.Doc) => void): Promise<void>;
  /** Ends a document for good (its section was removed): its editors are disconnected and it is unloaded. */
  discardDocument(name: string): Promise<void>;
  /** Who is editing each of these documents right now (documents nobody edits are left out). */
  editing(names: string[]): Promise<Record<string, string[]>>;
}

const KEY = Symbol.for('plenum.liveDocuments');
type Holder = { [KEY]?: LiveDocuments };

/** Installs the collaboration server as the way modules change live text (set once by the server). */
export function setLiveDocuments(handle: LiveDocuments | undefined) {
  (globalThis as Holder)[KEY] = handle;
}

/** The live documents if a collaboration server runs in this process (pages can do without). */
export function maybeLiveDocuments(): LiveDocuments | undefined {
  return (globalThis as Holder)[KEY];
}
