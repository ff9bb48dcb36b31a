import type { Editor } from '@tiptap/react';
import { useEffect, useReducer } from 'react';
import type { MessageKey } from '~/i18n/index.ts';
import { useT } from '~/utils/i18n.tsx';

interface Tool {
  label: MessageKey;
  text: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
}

const TOOLS: Tool[] = [
  {
    label: 'editor.bold',
    text: 'B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    label: 'editor.italic',
    text: 'I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    label: 'editor.heading',
    text: 'H',
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading'),
  },
  {
    label: 'editor.bulletList',
    text: '•',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    label: 'editor.orderedList',
    text: '1.',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    label: 'editor.quote',
    text: '❝',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
];

/** The formatting toolbar: one row of buttons, each with a name screen readers announce and a pressed state. */
export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    editor.on('transaction', rerender);
    return () => {
      editor.off('transaction', rerender);
    };
  }, [editor]);
  const link = () => {
    const href = window.prompt(t('editor.linkPrompt'), editor.getAttributes('link').href ?? 'https://');
    if (href === null) return;
    if (href === '') editor.chain().focus().unsetLink().run();
    else if (/^(https?:|mailto:)/i.test(href)) editor.chain().focus().setLink({ href }).run();
  };
  return (
    <div role="toolbar" aria-label={t('editor.toolbar')} className="toolbar">
      {TOOLS.map((tool) => (
        <button
          key={tool.label}
          type="button"
          aria-label={t(tool.label)}
          title={t(tool.label)}
          aria-pressed={tool.active ? tool.active(editor) : undefined}
          onClick={() => tool.run(editor)}
        >
          {tool.text}
        </button>
      ))}
      <button type="button" aria-label={t('editor.link')} title={t('editor.link')} onClick={link}>
        {t('editor.link')}
      </button>
      <button
        type="button"
        aria-label={t('editor.undo')}
        title={t('editor.undo')}
        onClick={() => editor.commands.undo()}
      >
        ↶
      </button>
      <button
        type="button"
        aria-label={t('editor.redo')}
        title={t('editor.redo')}
        onClick={() => editor.commands.redo()}
      >
        ↷
      </button>
    </div>
  );
}
