import { safeHref } from '~/utils/links.ts';
import { isDirectEdit, type AttributedBlock, type AttributedDoc, type AttributedInline } from './provenance.ts';

/**
 * Rich text as an HTML string, escaped throughout (text never becomes markup): the stored rendering of a
 * published version, its one-page view and its exports. Passages an amendment wrote are <mark>ed with its id.
 */

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(node: AttributedInline): string {
  if (node.type === 'hardBreak') return '<br>';
  let out = escape(node.text);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = `<strong>${out}</strong>`;
    else if (mark.type === 'italic') out = `<em>${out}</em>`;
    else out = `<a href="${escape(safeHref(mark.attrs.href))}" rel="noopener noreferrer nofollow">${out}</a>`;
  }
  if (!node.src) return out;
  // A direct edit (issue 17) is no amendment: its own attribute, so that nobody reads it as an amendment's id.
  return isDirectEdit(node.src)
    ? `<mark data-edit="${escape(node.src)}">${out}</mark>`
    : `<mark data-amendment="${escape(node.src)}">${out}</mark>`;
}

function block(node: AttributedBlock): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${(node.content ?? []).map(inline).join('')}</p>`;
    case 'heading':
      return `<h${node.attrs.level + 2}>${(node.content ?? []).map(inline).join('')}</h${node.attrs.level + 2}>`;
    case 'bulletList':
      return `<ul>${node.content.map((i) => `<li>${i.content.map(block).join('')}</li>`).join('')}</ul>`;
    case 'orderedList':
      return `<ol${node.attrs?.start && node.attrs.start !== 1 ? ` start="${node.attrs.start}"` : ''}>${node.content
        .map((i) => `<li>${i.content.map(block).join('')}</li>`)
        .join('')}</ol>`;
    case 'blockquote':
      return `<blockquote>${node.content.map(block).join('')}</blockquote>`;
  }
}

export function docToHtml(doc: AttributedDoc): string {
  return doc.content.map(block).join('\n');
}

export { escape as escapeHtml };
