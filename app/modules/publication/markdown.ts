import type { AttributedBlock, AttributedDoc, AttributedInline } from './provenance.ts';

/** Rich text as Markdown, for a version's export (provenance stays in the JSON export). */

const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** Text that must not turn into Markdown structure where a line starts: lists, quotes, headings, rules, code. */
export function escapeMarkdown(text: string): string {
  return escape(text)
    .replace(/^(\s*)(\d+)([.)])(\s)/gm, '$1$2\\$3$4')
    .replace(/^(\s*)([-+=~])/gm, '$1\\$2')
    .replace(/^ {4,}/gm, '   ');
}

/** A link target that cannot close the link early: spaces and parentheses encoded. */
const linkTarget = (href: string) =>
  href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function inline(nodes: AttributedInline[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      let out = escape(node.text);
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') out = `**${out}**`;
        else if (mark.type === 'italic') out = `*${out}*`;
        else out = `[${out}](${linkTarget(mark.attrs.href)})`;
      }
      return out;
    })
    .join('');
}

/** A paragraph's first characters must not read as a list, quote, heading or rule. */
function atLineStart(text: string): string {
  return text
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^([-+=~])/, '\\$1')
    .replace(/^ +/, '');
}

function block(node: AttributedBlock, indent = ''): string {
  switch (node.type) {
    case 'paragraph':
      return indent + atLineStart(inline(node.content));
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
