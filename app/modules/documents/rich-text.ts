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

const safeHref = z
  .string()
  .max(2000)
  .refine((href) => /^(https?:|mailto:|\/|#)/i.test(href), 'unsafe link');
const mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);
const inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(mark).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);
const block: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
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
  ]),
);
const listItem: z.ZodType<ListItem> = z.lazy(() => z.object({ type: z.literal('listItem'), content: z.array(block) }));
export const docSchema: z.ZodType<DocNode> = z.object({ type: z.literal('doc'), content: z.array(block) });

/** Parses untrusted JSON into a document, or throws a ZodError. */
export function parseDoc(value: unknown): DocNode {
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

/** Number of words in a document. */
export function countWords(doc: DocNode): number {
  return docToPlainText(doc).split(/\s+/u).filter(Boolean).length;
}
