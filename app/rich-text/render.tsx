import { safeHref } from '~/utils/links.ts';
import { useContentLang } from '~/utils/content-lang.tsx';
import type { ReactNode } from 'react';
import type { BlockNode, DocNode, InlineNode } from '~/rich-text/document.ts';

function renderInline(node: InlineNode, key: number): ReactNode {
  if (node.type === 'hardBreak') return <br key={key} />;
  let out: ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else
      out = (
        <a href={safeHref(mark.attrs.href)} rel="noopener noreferrer nofollow">
          {out}
        </a>
      );
  }
  return <span key={key}>{out}</span>;
}

function renderBlock(node: BlockNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{node.content?.map(renderInline)}</p>;
    case 'heading': {
      const Tag = `h${node.attrs.level + 1}` as 'h3' | 'h4' | 'h5';
      return <Tag key={key}>{node.content?.map(renderInline)}</Tag>;
    }
    case 'bulletList':
      return (
        <ul key={key}>
          {node.content.map((item, i) => (
            <li key={i}>{item.content.map(renderBlock)}</li>
          ))}
        </ul>
      );
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, i) => (
            <li key={i}>{item.content.map(renderBlock)}</li>
          ))}
        </ol>
      );
    case 'blockquote':
      return <blockquote key={key}>{node.content.map(renderBlock)}</blockquote>;
  }
}

/**
 * Renders a validated document with React elements only: no HTML string is ever injected, so stored text
 * cannot carry a script. Headings sit one level below the page's section title.
 */
export function RichText({ doc }: { doc: DocNode }) {
  // Text in another language than the page's says so, for screen readers to pronounce it right.
  const lang = useContentLang();
  return (
    <div className="rich-text" lang={lang}>
      {doc.content.map(renderBlock)}
    </div>
  );
}
