import type { JSONContent } from '@tiptap/core';
import MarkdownIt, { type Token } from 'markdown-it';
import { parseDoc, type BlockNode, type DocNode, type InlineNode, type Mark } from './document.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/**
 * Markdown into Plenum's rich text (imports, and what members write in discussions): one parser (markdown-it,
 * CommonMark with GFM's strikethrough and tables) and one clean-up that keeps only what the text can hold:
 * paragraphs, headings, lists, quotes, bold, italic and safe links. Anything else is dropped or flattened and
 * counted, so callers can say what was left out; the result is valid by construction, never raw HTML.
 * markdown-it because its cost grows with the text's length and no faster, whatever the text (ADR 0017):
 * members and files are untrusted, and a parser that goes quadratic on unmatched `*` blocks a server.
 */

/** Lists and quotes nested deeper than this are flattened into a paragraph (counted). */
const MAX_NESTING = 12;
/** Lists and quotes nested deeper than this are refused: MarkdownTooDeepError. */
export const MAX_PARSED_NESTING = 32;

/** A text whose lists or quotes nest deeper than MAX_PARSED_NESTING: the writer is told, nothing is kept. */
export class MarkdownTooDeepError extends DomainError {
  constructor(field = 'text') {
    super('invalid', 'errors.nestedTooDeep', {
      field,
      log: `lists or quotes nested more than ${MAX_PARSED_NESTING} deep`,
    });
  }
}

// HTML stays the text it is. Every link is parsed, so that the clean-up can count the unsafe ones it drops.
// markdown-it gives up below `maxNesting` levels without a word: it is set past the depth refused above (a list
// level takes two: the list and its item), so that a text that deep is always refused, never cut.
const parser = new MarkdownIt('default', { html: false, linkify: true, maxNesting: 2 * MAX_PARSED_NESTING + 8 });
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
parser.validateLink = () => true;

const CONTAINERS = new Set(['bullet_list_open', 'ordered_list_open', 'blockquote_open']);
const TABLE_PARTS = new Set(['thead_open', 'thead_close', 'tbody_open', 'tbody_close']);

/**
 * Markdown into the blocks of a document, in the editor's JSON shapes (what the clean-up reads). Walks
 * markdown-it's flat token list with a stack, never recursing, so depth costs no call stack.
 */
export function parseMarkdown(text: string): JSONContent[] {
  const tokens = parser.parse(text.replace(/\r\n?/g, '\n'), {});
  const root: JSONContent = { type: 'doc', content: [] };
  const stack: JSONContent[] = [root];
  let depth = 0;
  const add = (node: JSONContent) => (stack[stack.length - 1]!.content ??= []).push(node);
  for (const token of tokens) {
    // A table keeps its rows and cells (an import turns it into a list; the clean-up drops it, counted); its
    // head and body are no more than its rows.
    if (TABLE_PARTS.has(token.type)) continue;
    if (token.nesting === 1) {
      if (CONTAINERS.has(token.type) && ++depth > MAX_PARSED_NESTING) throw new MarkdownTooDeepError();
      const node = blockOf(token);
      add(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      if (CONTAINERS.has(token.type.replace(/_close$/, '_open'))) depth--;
    } else if (token.type === 'inline') {
      for (const node of inlineOf(token.children ?? [])) add(node);
    } else if (token.type === 'fence' || token.type === 'code_block') {
      add({ type: 'codeBlock', content: [{ type: 'text', text: token.content.replace(/\n$/, '') }] });
    } else if (token.type === 'hr') add({ type: 'horizontalRule' });
    else if (token.content) add({ type: 'paragraph', content: [{ type: 'text', text: token.content }] });
  }
  return root.content ?? [];
}

function blockOf(token: Token): JSONContent {
  switch (token.type) {
    case 'paragraph_open':
      return { type: 'paragraph' };
    case 'heading_open':
      return { type: 'heading', attrs: { level: Number(token.tag.slice(1)) || 1 } };
    case 'bullet_list_open':
      return { type: 'bulletList' };
    case 'ordered_list_open':
      return { type: 'orderedList', attrs: { start: Number(token.attrGet('start') ?? 1) } };
    case 'list_item_open':
      return { type: 'listItem' };
    case 'blockquote_open':
      return { type: 'blockquote' };
    case 'tr_open':
      return { type: 'tableRow' };
    case 'th_open':
    case 'td_open':
      return { type: 'tableCell' };
    default:
      return { type: token.type.replace(/_open$/, '') };
  }
}

const MARKS: Record<string, JSONContent['marks'] & object> = {
  strong: [{ type: 'bold' }],
  em: [{ type: 'italic' }],
  s: [{ type: 'strike' }],
};

/** A paragraph's inline tokens into text nodes with marks (adjacent text with the same marks joined). */
function inlineOf(children: Token[]): JSONContent[] {
  const out: JSONContent[] = [];
  const marks: { type: string; attrs?: Record<string, unknown> }[] = [];
  const text = (value: string, extra?: { type: string }) => {
    if (!value) return;
    const all = extra ? [...marks, extra] : [...marks];
    const last = out[out.length - 1];
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(all)) last.text += value;
    else out.push(all.length ? { type: 'text', text: value, marks: all } : { type: 'text', text: value });
  };
  for (const token of children) {
    const kind = token.type.replace(/_(open|close)$/, '');
    if (token.nesting === 1) {
      if (kind === 'link') marks.push({ type: 'link', attrs: { href: token.attrGet('href') ?? '' } });
      else marks.push(...(MARKS[kind] ?? [{ type: kind }]));
    } else if (token.nesting === -1) {
      const type = kind === 'link' ? 'link' : (MARKS[kind]?.[0]?.type ?? kind);
      const at = marks.map((m) => m.type).lastIndexOf(type);
      if (at !== -1) marks.splice(at, 1);
    } else if (token.type === 'softbreak') text('\n');
    else if (token.type === 'hardbreak') out.push({ type: 'hardBreak' });
    else if (token.type === 'image') out.push({ type: 'image', attrs: { alt: token.content } });
    else if (token.type === 'code_inline') text(token.content, { type: 'code' });
    else text(token.content);
  }
  return out;
}

/** What the clean-up may drop or change. */
export type Dropped = 'table' | 'image' | 'rule' | 'code' | 'format' | 'link';

/** How much of each kind of thing was dropped, for the warnings. */
export class Counts {
  private readonly map = new Map<Dropped, number>();
  add(what: Dropped, n = 1) {
    if (n > 0) this.map.set(what, (this.map.get(what) ?? 0) + n);
  }
  warnings(): { key: `import.warnings.${Dropped}`; count: number }[] {
    return [...this.map].map(([what, count]) => ({ key: `import.warnings.${what}` as const, count }));
  }
}

export function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(plainText).join('');
}

const SAFE_HREF = /^(https?:|mailto:|\/|#)/i;

function cleanInline(nodes: JSONContent[] | undefined, counts: Counts): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'text' && node.text) {
      const marks: Mark[] = [];
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold' || mark.type === 'italic') marks.push({ type: mark.type });
        else if (mark.type === 'link') {
          const href = String(mark.attrs?.href ?? '');
          if (SAFE_HREF.test(href) && href.length <= 2000) marks.push({ type: 'link', attrs: { href } });
          else counts.add('link');
        } else counts.add('format');
      }
      // A line break inside a Markdown paragraph is a space, as it reads.
      const text = node.text.replace(/[ \t]*\n[ \t]*/g, ' ');
      out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    } else if (node.type === 'image') counts.add('image');
    else if (node.content) out.push(...cleanInline(node.content, counts));
  }
  return trimEnds(out);
}

/** Drops the spaces a paragraph starts or ends with (and text nodes left empty by that). */
function trimEnds(nodes: InlineNode[]): InlineNode[] {
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = { ...first, text: first.text.trimStart() };
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') nodes[nodes.length - 1] = { ...last, text: last.text.trimEnd() };
  return nodes.filter((n) => n.type !== 'text' || n.text.length > 0);
}

/** Keeps what Plenum's text holds; headings inside a section become levels 2-4 below the section's own. */
export function cleanBlock(node: JSONContent, sectionLevel: number, counts: Counts, depth = 0): BlockNode[] {
  if (depth > MAX_NESTING) {
    counts.add('format');
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
  }
  switch (node.type) {
    case 'paragraph': {
      // Empty paragraphs are the file's spacing (blank lines, an image taken out), not text: dropped.
      const content = cleanInline(node.content, counts);
      return content.length ? [{ type: 'paragraph', content }] : [];
    }
    case 'heading': {
      const depth = Number(node.attrs?.level ?? 1) - sectionLevel;
      const level = Math.min(4, Math.max(2, 1 + depth)) as 2 | 3 | 4;
      const content = cleanInline(node.content, counts);
      return [content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map((item) => ({
        type: 'listItem' as const,
        content: cleanBlocks(item.content, sectionLevel, counts, depth + 1),
      }));
      if (!items.length) return [];
      if (node.type === 'bulletList') return [{ type: 'bulletList', content: items }];
      const start = Number(node.attrs?.start ?? 1);
      return [
        start > 1 && Number.isInteger(start)
          ? { type: 'orderedList', attrs: { start }, content: items }
          : { type: 'orderedList', content: items },
      ];
    }
    case 'blockquote':
      return [{ type: 'blockquote', content: cleanBlocks(node.content, sectionLevel, counts, depth + 1) }];
    case 'codeBlock': {
      counts.add('code');
      // Kept as plain text, line by line: the words matter more than the monospace.
      const lines = plainText(node).split('\n');
      const content: InlineNode[] = lines.flatMap((line, i) => [
        ...(i > 0 ? [{ type: 'hardBreak' } as const] : []),
        ...(line ? [{ type: 'text' as const, text: line }] : []),
      ]);
      return [content.length ? { type: 'paragraph', content } : { type: 'paragraph' }];
    }
    case 'horizontalRule':
      counts.add('rule');
      return [];
    case 'table':
      counts.add('table');
      return [];
    case 'image':
      counts.add('image');
      return [];
    case 'text':
    case 'hardBreak': {
      const content = cleanInline([node], counts);
      return content.length ? [{ type: 'paragraph', content }] : [];
    }
    default: {
      counts.add('format');
      const text = plainText(node).trim();
      return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
    }
  }
}

/** The blocks inside a list item or a quote: never none (the schema needs one). */
export function cleanBlocks(nodes: JSONContent[] | undefined, sectionLevel: number, counts: Counts, depth: number) {
  const blocks = (nodes ?? []).flatMap((n) => cleanBlock(n, sectionLevel, counts, depth));
  return blocks.length ? blocks : [{ type: 'paragraph' as const }];
}

/**
 * A short text written by a member (a comment): Markdown without headings (they become bold paragraphs),
 * raw HTML shown as the text it is. Null if nothing is left.
 */
export function markdownToDoc(text: string): DocNode | null {
  const counts = new Counts();
  const blocks = parseMarkdown(text)
    .flatMap((node) => cleanBlock(node, 1, counts))
    .map(flattenHeading);
  if (!blocks.length) return null;
  return parseDoc({ type: 'doc', content: blocks });
}

/**
 * A section's whole text written by a moderator in Markdown (resolving an adopted amendment the text moved
 * under): headings kept, as in an imported section. Null if nothing is left.
 */
export function markdownToSectionDoc(text: string): DocNode | null {
  const counts = new Counts();
  const blocks = parseMarkdown(text).flatMap((node) => cleanBlock(node, 1, counts));
  if (!blocks.length) return null;
  return parseDoc({ type: 'doc', content: blocks });
}

function flattenHeading(block: BlockNode): BlockNode {
  if (block.type !== 'heading') return block;
  const content: InlineNode[] = (block.content ?? []).map((n) =>
    n.type === 'text'
      ? { ...n, marks: [...(n.marks ?? []).filter((m: Mark) => m.type !== 'bold'), { type: 'bold' }] }
      : n,
  );
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}
