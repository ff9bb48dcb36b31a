import type { Editor } from '@tiptap/react';
import { useEffect, useId, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '~/i18n/index.ts';
import { useT } from '~/utils/i18n.tsx';

interface Tool {
  label: MessageKey;
  text: string;
  /** What assistive technology announces as the tool's shortcut (aria-keyshortcuts). */
  keys?: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
}

const TOOLS: Tool[] = [
  {
    label: 'editor.bold',
    text: 'B',
    keys: 'Control+B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    label: 'editor.italic',
    text: 'I',
    keys: 'Control+I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    label: 'editor.heading',
    text: 'H',
    keys: 'Control+Alt+3',
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading'),
  },
  {
    label: 'editor.bulletList',
    text: '•',
    keys: 'Control+Shift+8',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    label: 'editor.orderedList',
    text: '1.',
    keys: 'Control+Shift+7',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    label: 'editor.quote',
    text: '❝',
    keys: 'Control+Shift+B',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
];

/** The shortcut from the text to the toolbar (as in most office suites and rich-text editors). */
export const TOOLBAR_SHORTCUT = 'Alt+F10';
/** The shortcut that opens the link form. */
export const LINK_SHORTCUT = 'Control+K';

/**
 * The formatting toolbar, after the WAI-ARIA toolbar pattern: one Tab stop, arrow keys (and Home, End) move
 * between buttons, Escape goes back to the text. Each button has a name, a pressed state and its shortcut.
 * The link button opens a small form in the page (not a browser prompt), which says why an address is refused.
 */
export function Toolbar(props: { editor: Editor; linkRequest: number; controls: string }) {
  const { editor, linkRequest } = props;
  const t = useT();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [focused, setFocused] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => {
    editor.on('transaction', rerender);
    return () => {
      editor.off('transaction', rerender);
    };
  }, [editor]);
  // Control+K in the text asks for the link form.
  useEffect(() => {
    if (linkRequest > 0) setLinkOpen(true);
  }, [linkRequest]);

  const count = TOOLS.length + 3; // the tools, then link, undo and redo
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowRight'
        ? (focused + 1) % count
        : event.key === 'ArrowLeft'
          ? (focused - 1 + count) % count
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
    buttons.current[next]?.focus();
  };
  const button = (index: number, props: { label: string; keys?: string; pressed?: boolean; onClick: () => void }) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current[index] = el;
    },
    type: 'button' as const,
    tabIndex: index === focused ? 0 : -1,
    title: props.keys ? `${props.label} (${props.keys.replace('Control', 'Ctrl')})` : props.label,
    'aria-keyshortcuts': props.keys,
    'aria-pressed': props.pressed,
    onFocus: () => setFocused(index),
    onClick: props.onClick,
  });

  return (
    <>
      <div
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-controls={props.controls}
        className="toolbar"
        onKeyDown={move}
      >
        {TOOLS.map((tool, i) => (
          <button
            key={tool.label}
            {...button(i, {
              label: t(tool.label),
              keys: tool.keys,
              pressed: tool.active ? tool.active(editor) : undefined,
              onClick: () => tool.run(editor),
            })}
          >
            <Icon text={tool.text} label={t(tool.label)} />
          </button>
        ))}
        <button
          {...button(TOOLS.length, {
            label: t('editor.link'),
            keys: LINK_SHORTCUT,
            pressed: editor.isActive('link'),
            onClick: () => setLinkOpen((open) => !open),
          })}
          aria-expanded={linkOpen}
        >
          {t('editor.link')}
        </button>
        <button
          {...button(TOOLS.length + 1, {
            label: t('editor.undo'),
            keys: 'Control+Z',
            onClick: () => editor.commands.undo(),
          })}
        >
          <Icon text="↶" label={t('editor.undo')} />
        </button>
        <button
          {...button(TOOLS.length + 2, {
            label: t('editor.redo'),
            keys: 'Control+Shift+Z',
            onClick: () => editor.commands.redo(),
          })}
        >
          <Icon text="↷" label={t('editor.redo')} />
        </button>
      </div>
      {linkOpen ? <LinkForm editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </>
  );
}

/**
 * A button's face and its name: the short face ("B", "1.") is hidden from screen readers, which read the
 * name; no aria-label, so the name is the content (WCAG 2.5.3, label in name).
 */
function Icon({ text, label }: { text: string; label: string }) {
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** Sets, changes or removes the link on the selected text; the address must be http(s) or mailto. */
function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current || 'https://');
  const [error, setError] = useState<MessageKey | null>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const value = href.trim();
    if (!SAFE_LINK.test(value)) {
      setError('editor.linkInvalid');
      input.current?.focus();
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    // With nothing selected, the address itself becomes the linked text.
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    } else chain.setLink({ href: value }).run();
    onClose();
  };
  return (
    <div
      className="link-form"
      role="group"
      aria-label={t('editor.link')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-href`}>{t('editor.linkAddress')}</label>
      <input
        ref={input}
        id={`${id}-href`}
        type="url"
        inputMode="url"
        value={href}
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="button" className="button-small" onClick={apply}>
        {t('editor.linkApply')}
      </button>
      {current ? (
        <button
          type="button"
          className="button-small button-secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          {t('editor.linkRemove')}
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={close}>
        {t('editor.linkCancel')}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-errors" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
