import type { BlockNode, DocNode, InlineNode } from '~/rich-text/document.ts';
import type { DemoBlock } from '../../prisma/seed/demo-program.ts';

/** Demo text `**bold**` markup to ProseMirror inline nodes. */
export function inlineFromDemo(text: string): InlineNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('**') && part.endsWith('**')
        ? { type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] }
        : { type: 'text', text: part },
    );
}

function blockFromDemo(block: DemoBlock): BlockNode {
  const paragraph = (text: string): BlockNode => ({ type: 'paragraph', content: inlineFromDemo(text) });
  switch (block.kind) {
    case 'p':
      return paragraph(block.text);
    case 'quote':
      return { type: 'blockquote', content: [paragraph(block.text)] };
    case 'ul':
    case 'ol':
      return {
        type: block.kind === 'ul' ? 'bulletList' : 'orderedList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
  }
}

/** A section's demo blocks as a rich-text document. */
export function demoDoc(blocks: DemoBlock[]): DocNode {
  return { type: 'doc', content: blocks.map(blockFromDemo) };
}
