import { z } from 'zod';

/**
 * Rich text as ProseMirror JSON, restricted to the nodes and marks of Plenum's editor schema. Anything else
 * is refused at the door, so stored text can always be rendered safely without HTML sanitizing.
 */
export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type InlineNode = TextNode | { type: 'hardBreak' };
export type BlockNode =
  | { type: 'paragraph'; content?: InlineNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: 'bulletList'; content: ListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: ListItem[] }
  | { type: 'blockquote'; content: BlockNode[] };
export type ListItem = { type: 'listItem'; content: BlockNode[] };
export type DocNode = { type: 'doc'; content: BlockNode[] };

/** The heading levels of the editor (a section's title is the page's h1). */
export const HEADING_LEVELS = [2, 3, 4] as const;

/**
 * How deep blocks may nest, counting every element (a list, then its item, then a list in it...: two a level of
 * list): far beyond any program's text (Markdown imports flatten lists past 12 levels, 24 elements; a member
 * pressing Tab in the editor nests further), and shallow enough that every reader, renderer and the editor may
 * walk a document recursively (the attack this bounds nested 300,000 levels).
 */
export const MAX_DEPTH = 64;

/** The longest address a link may have. */
export const MAX_HREF_LENGTH = 2000;

/** Whether a link's address is one Plenum stores: http(s), mailto, a path of this site, or an anchor. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= MAX_HREF_LENGTH && /^(https?:|mailto:|\/|#)/i.test(href);
}

const safeHref = z.string().max(MAX_HREF_LENGTH).refine(isSafeHref, 'unsafe link');
const mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);
const inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(mark).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);
// Built once: z.lazy calls its getter on every parse, and a union built there cost ~50 µs per node (issue 15).
const block: z.ZodType<BlockNode> = z.lazy(() => blockUnion);
const listItem: z.ZodType<ListItem> = z.lazy(() => listItemObject);
const blockUnion = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(inline).optional() }),
  z.object({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
    content: z.array(inline).optional(),
  }),
  z.object({ type: z.literal('bulletList'), content: z.array(listItem) }),
  z.object({
    type: z.literal('orderedList'),
    attrs: z.object({ start: z.number().int().optional() }).optional(),
    content: z.array(listItem),
  }),
  z.object({ type: z.literal('blockquote'), content: z.array(block) }),
]);
const listItemObject = z.object({ type: z.literal('listItem'), content: z.array(block) });
export const docSchema: z.ZodType<DocNode> = z.object({ type: z.literal('doc'), content: z.array(block) });

/**
 * How deeply `value` nests, counting objects and arrays, stopping at `limit + 1` (iterative: a document nested a
 * hundred thousand levels deep must not overflow the stack of whoever measures it).
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A document's JSON nests about four levels per block level (node, content array, node...). */
const MAX_JSON_DEPTH = MAX_DEPTH * 4 + 8;

/**
 * Parses untrusted JSON into a document, or throws a ZodError (also for a document nested deeper than
 * MAX_DEPTH, checked first so that the recursive schema never walks it).
 */
export function parseDoc(value: unknown): DocNode {
  if (nestingDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new z.ZodError([{ code: 'custom', path: [], message: 'too deeply nested' }]);
  }
  return docSchema.parse(value);
}

function inlineText(nodes: InlineNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function blockText(node: BlockNode): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node.content);
    case 'bulletList':
    case 'orderedList':
      return node.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
    case 'blockquote':
      return node.content.map(blockText).join('\n');
  }
}

/** The plain text of a document, one block per line (search, previews, word counts). */
export function docToPlainText(doc: DocNode): string {
  return doc.content.map(blockText).join('\n');
}

/** A block as the word diff reads it: lines, each list item behind its bullet or number, nested ones indented. */
function blockLines(node: BlockNode, indent: string): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [indent + inlineText(node.content)];
    case 'bulletList':
    case 'orderedList':
      return node.content.flatMap((item, i) => {
        const marker = node.type === 'bulletList' ? '• ' : `${(node.attrs?.start ?? 1) + i}. `;
        const lines = item.content.flatMap((b) => blockLines(b, `${indent}   `));
        const [first = `${indent}   `, ...rest] = lines;
        return [indent + marker + first.slice(indent.length + 3), ...rest];
      });
    case 'blockquote':
      return node.content.flatMap((b) => blockLines(b, indent)).map((line) => `> ${line}`);
  }
}

/**
 * The text of a document for a word diff (an amendment's page, the ballot): one block per line like
 * docToPlainText, but list items keep their bullet ("• ") or number ("2. ") and quotes their "> ", so that a
 * change to a list reads as one.
 */
export function docToDiffText(doc: DocNode): string {
  return doc.content.flatMap((b) => blockLines(b, '')).join('\n');
}

/** Number of words in a document. */
export function countWords(doc: DocNode): number {
  return docToPlainText(doc).split(/\s+/u).filter(Boolean).length;
}
