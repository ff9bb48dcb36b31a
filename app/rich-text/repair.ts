import {
  HEADING_LEVELS,
  isSafeHref,
  MAX_DEPTH,
  type BlockNode,
  type DocNode,
  type InlineNode,
  type ListItem,
  type Mark,
  type TextNode,
} from './document.ts';

/**
 * Reading stored text whatever it holds (issue 15). Text enters Plenum through checks (parseDoc for forms and
 * imports, the sync server's schema check for live edits), but a reader must not depend on them: text stored by
 * an older version, or anything a check missed, is read as the valid document closest to it, and what had to be
 * left out is reported so that it is logged, never thrown at the reader as a 500.
 *
 * The result is valid for the app's schema (parseDoc accepts it) and for the editor's (ProseMirror's content
 * rules: a list holds list items, a list item starts with a paragraph, a quote is never empty).
 */
export interface Repaired {
  doc: DocNode;
  /** What was changed or left out, in words for the log (empty when the input was already valid). */
  problems: string[];
  /**
   * Whether every problem was of shape only (an empty list, a list item not starting with a paragraph): what two
   * valid concurrent edits can leave. Anything else (an unknown node or mark, an unsafe link, a bad attribute,
   * text that cannot be stored) never passes the sync server's check.
   */
  shapeOnly: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const children = (node: Json): unknown[] => (Array.isArray(node.content) ? node.content : []);

const INLINE_TYPES = new Set(['text', 'hardBreak']);

/** Text as PostgreSQL and JSON can always store it: no NUL, no lone surrogate. */
export function cleanText(text: string): string {
  return LONE_SURROGATE.test(text) || text.includes('\u0000')
    ? text.replace(LONE_SURROGATE_ALL, '\uFFFD').replaceAll('\u0000', '')
    : text;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/** Whether text can be stored as it is (see cleanText). */
export function isCleanText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !text.includes('\u0000');
}

/** Repairs any JSON value into a document (see above). Never throws. */
export function repairDoc(value: unknown): Repaired {
  const problems: string[] = [];
  let shapeOnly = true;
  const problem = (what: string, shape = false) => {
    if (!shape) shapeOnly = false;
    if (problems.length < 50) problems.push(what);
  };
  if (!isObject(value) || value.type !== 'doc') {
    problem('not a document');
    return { doc: { type: 'doc', content: [] }, problems, shapeOnly };
  }

  /** The plain text under a node, however deep (iterative), for content kept as text where its shape is not. */
  const textOf = (node: unknown): string => {
    const parts: string[] = [];
    const stack: unknown[] = [node];
    while (stack.length) {
      const item = stack.pop();
      if (!isObject(item)) continue;
      if (item.type === 'text' && typeof item.text === 'string') parts.push(item.text);
      const content = children(item);
      for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
    }
    return cleanText(parts.join(' ').replace(/\s+/g, ' ').trim());
  };

  const marksOf = (raw: unknown): Mark[] | undefined => {
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) {
      problem('marks that are not a list');
      return undefined;
    }
    const marks: Mark[] = [];
    const seen = new Set<string>();
    for (const mark of raw) {
      const type = isObject(mark) ? mark.type : undefined;
      if (typeof type !== 'string' || seen.has(type)) {
        problem(`mark ${String(type)} left out`);
        continue;
      }
      if (type === 'bold' || type === 'italic') marks.push({ type });
      else if (type === 'link') {
        const href = isObject(mark) && isObject(mark.attrs) ? mark.attrs.href : undefined;
        if (!isSafeHref(href)) {
          problem('unsafe or missing link address left out');
          continue;
        }
        marks.push({ type: 'link', attrs: { href } });
      } else {
        problem(`unknown mark ${type.slice(0, 40)} left out`);
        continue;
      }
      seen.add(type);
    }
    return marks.length ? marks : undefined;
  };

  /** Inline content: text and line breaks; a block found here gives its text. */
  const inlines = (raw: unknown[]): InlineNode[] => {
    const out: InlineNode[] = [];
    for (const node of raw) {
      if (!isObject(node)) {
        problem('inline content that is not a node');
        continue;
      }
      if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
      else if (node.type === 'text') {
        const text = typeof node.text === 'string' ? cleanText(node.text) : '';
        if (text !== node.text) problem('text with characters that cannot be stored');
        if (!text) continue;
        const marks = marksOf(node.marks);
        out.push(marks ? { type: 'text', text, marks } : ({ type: 'text', text } satisfies TextNode));
      } else {
        problem(`${String(node.type).slice(0, 40)} inside a line of text, kept as text`);
        const text = textOf(node);
        if (text) out.push({ type: 'text', text });
      }
    }
    return out;
  };

  const paragraphOf = (content: InlineNode[]): BlockNode =>
    content.length ? { type: 'paragraph', content } : { type: 'paragraph' };

  /** Blocks at `depth` (the document's own are at 1). */
  const blocks = (raw: unknown[], depth: number): BlockNode[] => {
    const out: BlockNode[] = [];
    let run: unknown[] = []; // inline nodes found among blocks: gathered into one paragraph
    const flush = () => {
      if (!run.length) return;
      problem('text directly inside a block container, put in a paragraph');
      out.push(paragraphOf(inlines(run)));
      run = [];
    };
    for (const node of raw) {
      if (isObject(node) && INLINE_TYPES.has(String(node.type))) {
        run.push(node);
        continue;
      }
      flush();
      out.push(...block(node, depth));
    }
    flush();
    return out;
  };

  /** One block, as zero, one or several valid blocks. */
  const block = (node: unknown, depth: number): BlockNode[] => {
    if (!isObject(node)) {
      problem('block that is not a node');
      return [];
    }
    const type = String(node.type);
    const nested = type === 'bulletList' || type === 'orderedList' || type === 'blockquote' || type === 'listItem';
    if (nested && depth >= MAX_DEPTH) {
      problem(`blocks nested deeper than ${MAX_DEPTH} levels, kept as text`);
      const text = textOf(node);
      return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
    }
    switch (type) {
      case 'paragraph':
        return [paragraphOf(inlines(children(node)))];
      case 'heading': {
        const raw = isObject(node.attrs) ? node.attrs.level : undefined;
        let level = HEADING_LEVELS.find((l) => l === raw);
        if (level === undefined) {
          // A missing level (its attribute removed) is only a shape to fix; a wrong one never passes the checks.
          problem(`heading of level ${String(raw).slice(0, 20)} given a valid level`, raw === undefined);
          level = typeof raw === 'number' && raw > HEADING_LEVELS.at(-1)! ? HEADING_LEVELS.at(-1)! : HEADING_LEVELS[0];
        }
        const content = inlines(children(node));
        return [
          content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } },
        ];
      }
      case 'bulletList':
      case 'orderedList': {
        const items = listItems(children(node), depth + 1);
        if (!items.length) {
          problem('empty list left out', true);
          return [];
        }
        if (type === 'bulletList') return [{ type: 'bulletList', content: items }];
        const start = isObject(node.attrs) ? node.attrs.start : undefined;
        return Number.isSafeInteger(start)
          ? [{ type: 'orderedList', attrs: { start: start as number }, content: items }]
          : [{ type: 'orderedList', content: items }];
      }
      case 'blockquote': {
        const content = blocks(children(node), depth + 1);
        if (!content.length) problem('empty quote given a paragraph', true);
        return [{ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] }];
      }
      case 'listItem':
        problem('list item outside a list, kept as its blocks');
        return blocks(children(node), depth + 1);
      default: {
        problem(`unknown block ${type.slice(0, 40)}, kept as its content`);
        if (depth < MAX_DEPTH) return blocks(children(node), depth + 1);
        const text = textOf(node);
        return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
      }
    }
  };

  /** The items of a list: anything else in it becomes an item; an item starts with a paragraph. */
  const listItems = (raw: unknown[], depth: number): ListItem[] => {
    const out: ListItem[] = [];
    for (const node of raw) {
      const isItem = isObject(node) && node.type === 'listItem';
      if (!isItem) problem('list content that is not a list item, made one');
      const content = isItem ? blocks(children(node), depth + 1) : blocks([node], depth + 1);
      if (!content.length) {
        if (isItem) {
          problem('empty list item given a paragraph', true);
          out.push({ type: 'listItem', content: [{ type: 'paragraph' }] });
        }
        continue;
      }
      if (content[0]!.type !== 'paragraph') {
        problem('list item not starting with a paragraph, given one', true);
        content.unshift({ type: 'paragraph' });
      }
      out.push({ type: 'listItem', content });
    }
    return out;
  };

  const doc: DocNode = { type: 'doc', content: blocks(children(value), 1) };
  return { doc, problems, shapeOnly };
}
