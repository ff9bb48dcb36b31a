import type { AttributedBlock, AttributedDoc, AttributedInline } from './provenance.ts';

/** Rich text as Markdown, for a version's export (provenance stays in the JSON export). */

const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function inline(nodes: AttributedInline[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      let out = escape(node.text);
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') out = `**${out}**`;
        else if (mark.type === 'italic') out = `*${out}*`;
        else out = `[${out}](${mark.attrs.href.replace(/[()\s]/g, encodeURIComponent)})`;
      }
      return out;
    })
    .join('');
}

function block(node: AttributedBlock, indent = ''): string {
  switch (node.type) {
    case 'paragraph':
      return indent + inline(node.content);
    case 'heading':
      return `${indent}${'#'.repeat(node.attrs.level + 2)} ${inline(node.content)}`;
    case 'bulletList':
      return node.content
        .map((item) => item.content.map((b, i) => block(b, i === 0 ? `${indent}- ` : `${indent}  `)).join('\n'))
        .join('\n');
    case 'orderedList': {
      const start = node.attrs?.start ?? 1;
      return node.content
        .map((item, n) =>
          item.content.map((b, i) => block(b, i === 0 ? `${indent}${start + n}. ` : `${indent}   `)).join('\n'),
        )
        .join('\n');
    }
    case 'blockquote':
      return node.content.map((b) => block(b, `${indent}> `)).join('\n>\n');
  }
}

export function docToMarkdown(doc: AttributedDoc): string {
  return doc.content.map((b) => block(b)).join('\n\n');
}
