import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { RichText } from '~/rich-text/render.tsx';
import { useContentLang } from '~/utils/content-lang.tsx';
import type { DocNode } from '~/rich-text/document.ts';
import { useT } from '~/utils/i18n.tsx';
import { useRefreshPage } from '~/utils/page-refresh.ts';
import { documentExtensions } from '~/rich-text/extensions.ts';
import { CLOSE, parseLiveDocumentName, parseWriteEndedReason } from '~/modules/live-text/names.ts';
import { unsavedText } from '~/modules/live-text/unsaved.ts';
import { colourIndex, PALETTE_SIZE } from '~/modules/live-text/presence.ts';
import { usePresence, useStatus, useWordCount } from './session-hooks.ts';
import { yDocToDoc } from '~/modules/live-text/ydoc.ts';
import { LINK_SHORTCUT, Toolbar, TOOLBAR_SHORTCUT } from './toolbar.tsx';
import { WriteEndedNotice, type WriteEndedState } from './write-ended.tsx';

/** Who is typing, as the carets and the presence list show them. */
export interface EditorUser {
  id: string;
  name: string;
}

/**
 * A section's live text. The server renders its current text; in the browser it becomes the live document:
 * an editor for those who may write, a live read-only view for the others. Nothing is ever given to the
 * editor as initial content: the text comes from the Y.Doc, seeded on the server.
 */
export function LiveSection(props: {
  documentName: string;
  canWrite: boolean;
  user: EditorUser | null;
  text: DocNode;
  /** Called with the live text as it changes (a few times a second at most): an amendment's diff follows it. */
  onText?: (text: DocNode) => void;
}) {
  const t = useT();
  const onText = useRef(props.onText);
  onText.current = props.onText;
  const refreshPage = useRefreshPage();
  const [live, setLive] = useState<{ ydoc: Y.Doc; provider: WebsocketProvider; generation: number } | null>(null);
  const [synced, setSynced] = useState(false);
  const [removed, setRemoved] = useState(false);
  const [refused, setRefused] = useState(false);
  // Once the right to write ended (issue 17): why, and what was not stored. The editor stays read-only until the
  // page's rights say it may write again.
  const [ended, setEnded] = useState<WriteEndedState | null>(null);
  const [blocked, setBlocked] = useState(false);
  // A new connection, with a new document, after the right to write ended: the text shown is then the server's.
  const [generation, setGeneration] = useState(0);
  // The document typed into before the right ended, kept until the server's state says what it did not store.
  const typedInto = useRef<Y.Doc | null>(null);
  // Whether this editor ever let its member type: a reader's editor has nothing to lose, and says nothing.
  const couldWrite = useRef(props.canWrite);
  if (props.canWrite) couldWrite.current = true;
  useEffect(() => {
    const ydoc = new Y.Doc();
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
    const provider = new WebsocketProvider(url, props.documentName, ydoc);
    // After a change of rights, the page's rights are fetched again at once (quick feedback), and once more when
    // the socket is back: the new socket's rights were decided at its upgrade, which may come after a second
    // change (a lock, then an unlock) that the first fetch did not see.
    let refetchOnSync = false;
    // This document holds what the server stored: what the one typed into has beyond it was not stored. Counted
    // again as changes arrive, should a change sent before the right ended be stored after this one synced.
    const countUnsaved = () => {
      const before = typedInto.current;
      if (!provider.synced || !before || before === ydoc) return;
      const unsaved = unsavedText(before, Y.encodeStateVector(ydoc));
      setEnded((e) => (e && e.unsaved !== unsaved ? { ...e, unsaved } : e));
    };
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      setSynced(true);
      countUnsaved();
      if (refetchOnSync) {
        refetchOnSync = false;
        refreshPage();
      }
    };
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE.gone) {
        provider.shouldConnect = false;
        setRemoved(true);
      } else if (event?.code === CLOSE.refused) {
        provider.shouldConnect = false;
        setRefused(true);
      } else if (event?.code === CLOSE.writeEnded || event?.code === CLOSE.readOnly) {
        // The server no longer stores what this editor sends. Stop typing at once; reconnect with a new document
        // (the server's text, read-only); keep this one to find what it did not store (issue 17).
        provider.shouldConnect = false;
        typedInto.current ??= ydoc;
        setBlocked(true);
        if (couldWrite.current) {
          const why = parseWriteEndedReason(event.reason);
          setEnded({ reason: why.reason, since: why.since ?? new Date(), unsaved: null });
        }
        setGeneration((g) => g + 1);
        refreshPage();
      } else if (event?.code === CLOSE.rightsChanged || event?.code === CLOSE.forbidden) {
        // The phase, a role, the drafters, a lock or the openness changed. The socket reconnects by itself after
        // CLOSE.rightsChanged; after CLOSE.forbidden the page itself is refused (a login).
        refetchOnSync = event.code === CLOSE.rightsChanged;
        refreshPage();
      }
    };
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      countUnsaved();
      if (!onText.current || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        onText.current?.(yDocToDoc(ydoc));
      }, 200);
    };
    ydoc.on('update', onUpdate);
    setLive({ ydoc, provider, generation });
    return () => {
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      ydoc.off('update', onUpdate);
      clearTimeout(timer);
      provider.destroy();
      if (typedInto.current !== ydoc) ydoc.destroy();
      setSynced(false);
    };
  }, [props.documentName, generation, refreshPage]);
  useEffect(() => () => typedInto.current?.destroy(), []);

  // The right to write came (back): an invitation accepted, drafting reopened (issue 17). The socket's rights were
  // decided when it opened, so it reconnects to be allowed to write, and the editor is made anew with its caret.
  const wasWriting = useRef(props.canWrite);
  useEffect(() => {
    const before = wasWriting.current;
    wasWriting.current = props.canWrite;
    if (before || !props.canWrite) return;
    setBlocked(false);
    // What was not stored stays offered; a new loss counts from the text written from now on.
    setEnded((e) => (e?.unsaved ? e : null));
    if (typedInto.current !== live?.ydoc) typedInto.current?.destroy();
    typedInto.current = null;
    if (live) {
      live.provider.disconnect();
      live.provider.connect();
    }
  }, [props.canWrite, live]);

  const canWrite = props.canWrite && !blocked;
  // A reader's editor sends nothing: what it may rewrite by itself (a shape its schema repairs) is not a change.
  useEffect(() => {
    if (!live || canWrite) return;
    const { ydoc, provider } = live;
    ydoc.off('update', provider._updateHandler);
    return () => {
      ydoc.on('update', provider._updateHandler);
    };
  }, [live, canWrite]);

  if (removed) {
    return (
      <p className="notice notice-warning" role="alert" data-testid="section-removed">
        {t('editor.removed')}
      </p>
    );
  }
  return (
    <>
      {refused ? (
        <p className="notice notice-warning" role="alert" data-testid="change-refused">
          {t('editor.refused')}
        </p>
      ) : null}
      {ended ? (
        <WriteEndedNotice ended={ended} documentKind={parseLiveDocumentName(props.documentName)?.kind ?? 'section'} />
      ) : null}
      {live ? (
        <LiveEditor
          // Made anew for each document (a new one after the right ended) and when the right to write changes.
          key={`${live.generation}:${canWrite}`}
          ydoc={live.ydoc}
          provider={live.provider}
          canWrite={canWrite}
          user={props.user}
          hidden={!synced}
        />
      ) : null}
      {synced ? null : <RichText doc={props.text} />}
    </>
  );
}

function LiveEditor(props: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  canWrite: boolean;
  user: EditorUser | null;
  hidden: boolean;
}) {
  const t = useT();
  const { ydoc, provider, canWrite, user } = props;
  const id = useId();
  // The text is in the program's language (ADR 0038): screen readers and spelling switch to it. Its name is
  // the page's words, so it is given by an element in the page's language rather than by aria-label.
  const lang = useContentLang();
  const editorAttributes = useMemo(
    () => ({
      id: `${id}-text`,
      class: 'rich-text live-text',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': `${id}-label`,
      ...(lang ? { lang } : {}),
      ...(canWrite ? { 'aria-describedby': `${id}-keys` } : {}),
    }),
    [id, canWrite, lang],
  );
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkRequest, setLinkRequest] = useState(0);
  const editor = useEditor({
    immediatelyRender: false,
    // Tiptap would inject a <style> element, which the CSP refuses: its rules are in app.css instead.
    injectCSS: false,
    editable: canWrite,
    extensions: [
      ...documentExtensions,
      Collaboration.configure({ document: ydoc }),
      ...(canWrite && user
        ? [
            CollaborationCaret.configure({
              provider,
              user: { name: user.name, colour: colourIndex(user.id) },
              // Classes, not inline styles: the CSP allows no inline style attribute.
              render: (u: Record<string, unknown>) => {
                const caret = document.createElement('span');
                caret.className = `collab-caret colour-${Number(u.colour) % PALETTE_SIZE}`;
                const label = document.createElement('span');
                label.className = 'collab-caret-label';
                label.textContent = String(u.name ?? '');
                caret.append(label);
                return caret;
              },
              selectionRender: (u: Record<string, unknown>) => ({
                class: `collab-selection colour-${Number(u.colour) % PALETTE_SIZE}`,
              }),
            }),
          ]
        : []),
    ],
    editorProps: {
      attributes: { ...editorAttributes, 'aria-readonly': String(!canWrite) },
      handleKeyDown: (view, event) => {
        if (!view.editable) return false;
        if (event.altKey && event.key === 'F10') {
          toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          setLinkRequest((n) => n + 1);
          return true;
        }
        return false;
      },
    },
  });

  useEffect(() => {
    // Rights can change while the page is open (the server says so and the page fetches them again).
    if (!editor || editor.isEditable === canWrite) return;
    editor.setOptions({ editorProps: { attributes: { ...editorAttributes, 'aria-readonly': String(!canWrite) } } });
    editor.setEditable(canWrite);
  }, [editor, canWrite, editorAttributes]);
  const status = useStatus(provider, ydoc);
  const people = usePresence(provider);
  const words = useWordCount(editor);

  return (
    <div className="live-section" hidden={props.hidden} data-testid="live-section">
      <span id={`${id}-label`} hidden>
        {t('editor.label')}
      </span>
      <div className="live-bar">
        <p className={`live-status status-${status.state}`} role="status" data-testid="connection-status">
          {status.state === 'connected'
            ? t(canWrite ? 'editor.status.connected' : 'editor.status.connectedReading')
            : status.unsynced
              ? t('editor.status.offlineUnsynced')
              : status.state === 'connecting'
                ? t('editor.status.connecting')
                : t('editor.status.offline')}
        </p>
        {canWrite ? null : <p className="badge">{t('editor.readOnly')}</p>}
        <p className="live-people" data-testid="presence" aria-live="polite">
          {people.length ? t('editor.here', { names: people.join(', ') }) : null}
        </p>
        <p className="live-words">{t('editor.words', { n: words })}</p>
      </div>
      {canWrite && editor ? (
        <div ref={toolbarRef}>
          <Toolbar editor={editor} linkRequest={linkRequest} controls={`${id}-text`} />
          <p id={`${id}-keys`} className="field-hint">
            {t('editor.keys', {
              toolbar: TOOLBAR_SHORTCUT,
              link: LINK_SHORTCUT.replace('Control', 'Ctrl'),
            })}
          </p>
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
