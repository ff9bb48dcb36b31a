import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What the live editor shows around the text: the connection state, who else is here, and the word count. */

type Status = 'connecting' | 'connected' | 'disconnected';

/** The connection state, and whether local changes wait for the server. */
export function useStatus(provider: WebsocketProvider, ydoc: Y.Doc) {
  const [state, setState] = useState<Status>(provider.wsconnected ? 'connected' : 'connecting');
  const [unsynced, setUnsynced] = useState(false);
  useEffect(() => {
    // The socket may have connected before this effect ran: start from its state, then follow its events.
    setState(provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'disconnected');
    // y-websocket reports each new attempt as "connecting" and a failed attempt not at all: once a connection
    // was lost, every attempt until the next success is still "offline, reconnecting" for the person typing.
    let lost = false;
    const onStatus = ({ status }: { status: Status }) => {
      if (status === 'disconnected') lost = true;
      if (status === 'connected') lost = false;
      setState(status === 'connecting' && lost ? 'disconnected' : status);
    };
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && !provider.wsconnected) setUnsynced(true);
    };
    const onSync = (isSynced: boolean) => isSynced && setUnsynced(false);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    ydoc.on('update', onUpdate);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      ydoc.off('update', onUpdate);
    };
  }, [provider, ydoc]);
  return { state, unsynced };
}

/** The names of the others who are editing this section now. */
export function usePresence(provider: WebsocketProvider): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    const update = () => {
      const others = [...awareness.getStates().entries()]
        .filter(([id, state]) => id !== awareness.clientID && state.user?.name)
        .map(([, state]) => String(state.user.name));
      setNames([...new Set(others)].sort());
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [provider]);
  return names;
}

export function useWordCount(editor: Editor | null): number {
  const [words, setWords] = useState(0);
  useEffect(() => {
    if (!editor) return;
    const count = () =>
      setWords(
        editor.state.doc.textBetween(0, editor.state.doc.content.size, ' ').split(/\s+/u).filter(Boolean).length,
      );
    count();
    editor.on('update', count);
    return () => {
      editor.off('update', count);
    };
  }, [editor]);
  return words;
}
