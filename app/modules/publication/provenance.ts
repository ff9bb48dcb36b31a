import { diffSequences } from '../amendments/diff.ts';
import { docTokens } from '../amendments/merge.ts';
import type { DocNode, Mark } from '~/rich-text/document.ts';

/**
 * Where each word of a section comes from: the chain of applied amendments (each with the section's text before
 * and after it) is replayed word by word. Words an amendment inserted carry its id; words that were there, or
 * that came otherwise (written while drafting, or a moderator's resolution), carry none. Deleting words leaves
 * no mark in the text; the changelog and the versions' comparison show deletions.
 */

/** A text node of an attributed document: `src` is the amendment that wrote it. */
export type AttributedText = { type: 'text'; text: string; marks?: Mark[]; src?: string };
export type AttributedInline = AttributedText | { type: 'hardBreak' };
export type AttributedBlock =
  | { type: 'paragraph'; content?: AttributedInline[] }
  | { type: 'heading'; attrs: { level: 1 | 2 | 3 }; content?: AttributedInline[] }
  | { type: 'bulletList'; content: { type: 'listItem'; content: AttributedBlock[] }[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: { type: 'listItem'; content: AttributedBlock[] }[] }
  | { type: 'blockquote'; content: AttributedBlock[] };
export type AttributedDoc = { type: 'doc'; content: AttributedBlock[] };

export interface ChainStep {
  amendmentId: string;
  /** The section's text before (null: the amendment created the section) and after (null: it removed it). */
  before: DocNode | null;
  after: DocNode | null;
}

type Attributed = { tokens: string[]; src: (string | null)[] };

/** The source of words a drafter wrote directly between two versions (issue 17): `edit:<section>:<version>`. */
export const directEditSource = (sectionId: string, version: number) => `edit:${sectionId}:${version}`;
/** Whether a source is a direct edit rather than an amendment. */
export const isDirectEdit = (src: string) => src.startsWith('edit:');

const isSpace = (token: string) =>
  token.startsWith('t') && /^\s+$/.test((JSON.parse(token.slice(1)) as [unknown, string])[1]);

/**
 * Tokens grouped into units of a word with the spaces before it, so that the comparison matches words, not the
 * spaces between them (which would otherwise pair up and scatter a rewritten passage).
 */
function units(tokens: string[]): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  let from = 0;
  tokens.forEach((token, i) => {
    if (isSpace(token) && i < tokens.length - 1) return;
    out.push({ key: tokens.slice(from, i + 1).join('\u0001'), from, to: i + 1 });
    from = i + 1;
  });
  return out;
}

/**
 * Moves an attributed text to `next`: kept words keep their source, new words get `source`; `changed` says
 * whether any word came or went.
 */
function move(from: Attributed, next: string[], source: string | null): Attributed & { changed: boolean } {
  const a = units(from.tokens);
  const b = units(next);
  const tokens: string[] = [];
  const src: (string | null)[] = [];
  let i = 0;
  let j = 0;
  let changed = false;
  for (const [op] of diffSequences(
    a.map((u) => u.key),
    b.map((u) => u.key),
  )) {
    if (op === 'equal') {
      const unit = a[i++]!;
      j++;
      for (let k = unit.from; k < unit.to; k++) {
        tokens.push(from.tokens[k]!);
        src.push(from.src[k] ?? null);
      }
    } else if (op === 'delete') {
      i++;
      changed = true;
    } else {
      changed = true;
      const unit = b[j++]!;
      for (let k = unit.from; k < unit.to; k++) {
        tokens.push(next[k]!);
        src.push(source);
      }
    }
  }
  return { tokens, src, changed };
}

/** The section's current text with each word's source, following its chain of applications in order. */
export function attribute(chain: ChainStep[], current: DocNode): AttributedDoc {
  let text: Attributed = { tokens: [], src: [] };
  for (const step of chain) {
    text = move(text, step.before ? docTokens(step.before) : [], null);
    text = move(text, step.after ? docTokens(step.after) : [], step.amendmentId);
  }
  text = move(text, docTokens(current), null);
  return build(text);
}

/**
 * The section's current text attributed from its previous version (issue 17): words of the previous version keep
 * their source; the applied amendments' words get theirs; any other difference (a drafter writing between two
 * versions, a moderator's restoration, a section created outside amendments) is a direct edit and its new words
 * get `editSource`. `edited` says whether there was any, removals included.
 */
export function attributeSince(
  previous: AttributedDoc | null,
  chain: ChainStep[],
  current: DocNode,
  editSource: string,
): { doc: AttributedDoc; edited: boolean } {
  let text: Attributed = previous ? attributedTokens(previous) : { tokens: [], src: [] };
  let edited = false;
  for (const step of chain) {
    const before = move(text, step.before ? docTokens(step.before) : [], editSource);
    edited ||= before.changed;
    text = move(before, step.after ? docTokens(step.after) : [], step.amendmentId);
  }
  const last = move(text, docTokens(current), editSource);
  return { doc: build(last), edited: edited || last.changed };
}

/** A published document's tokens, each word with the source its text carried. */
function attributedTokens(doc: AttributedDoc): Attributed {
  // Marks rebuilt in one key order: a stored version comes back from a JSON column whose keys may be reordered,
  // and the same words must give the same tokens as the live text's.
  const canonical = JSON.parse(JSON.stringify(doc), (key, value: unknown) =>
    key === 'marks' && Array.isArray(value)
      ? (value as Mark[]).map((m) =>
          m.type === 'link' ? { type: 'link', attrs: { href: m.attrs.href } } : { type: m.type },
        )
      : value,
  ) as DocNode;
  const tokens = docTokens(canonical);
  // The source of each character of the text, in reading order: the tokens' words are that text, cut in words.
  const chars: (string | null)[] = [];
  const visit = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const n = node as { type: string; text?: string; src?: string; content?: unknown[] };
      if (n.type === 'text') for (let k = 0; k < (n.text ?? '').length; k++) chars.push(n.src ?? null);
      else visit(n.content);
    }
  };
  visit(doc.content);
  let offset = 0;
  const src = tokens.map((token) => {
    if (!token.startsWith('t')) return null;
    const word = (JSON.parse(token.slice(1)) as [unknown, string])[1];
    const source = chars[offset] ?? null;
    offset += word.length;
    return source;
  });
  return { tokens, src };
}

type Building = { type: string; attrs?: Record<string, unknown>; content: unknown[] };

/** Rebuilds the document from its tokens (see merge.ts), keeping each word's source on its text node. */
function build({ tokens, src }: Attributed): AttributedDoc {
  const root: Building = { type: 'doc', content: [] };
  const stack: Building[] = [root];
  tokens.forEach((token, i) => {
    const top = stack[stack.length - 1]!;
    if (token === 'c') {
      if (stack.length > 1) stack.pop();
    } else if (token === 'b') {
      top.content.push({ type: 'hardBreak' });
    } else if (token.startsWith('o')) {
      const space = token.indexOf(' ');
      const node: Building = { type: space < 0 ? token.slice(1) : token.slice(1, space), content: [] };
      if (space >= 0) node.attrs = JSON.parse(token.slice(space + 1)) as Record<string, unknown>;
      top.content.push(node);
      stack.push(node);
    } else if (token.startsWith('t')) {
      const [marks, word] = JSON.parse(token.slice(1)) as [Mark[], string];
      const source = src[i] ?? undefined;
      const last = top.content[top.content.length - 1] as AttributedText | undefined;
      if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks) && last.src === source) {
        last.text += word;
      } else {
        const node: AttributedText = { type: 'text', text: word };
        if (marks.length) node.marks = marks;
        if (source) node.src = source;
        top.content.push(node);
      }
    }
  });
  const doc = JSON.parse(
    JSON.stringify(root, (key, value: unknown) =>
      key === 'content' && Array.isArray(value) && value.length === 0 ? undefined : value,
    ),
  ) as Partial<AttributedDoc>;
  // An empty section is a document with no blocks, not one without content (its renderers map over it).
  return { type: 'doc', content: doc.content ?? [] };
}

/** The amendments a document's text comes from, in order of appearance. */
export function sourcesOf(doc: AttributedDoc): string[] {
  const seen = new Set<string>();
  const visit = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const n = node as { src?: string; content?: unknown[] };
      if (n.src) seen.add(n.src);
      visit(n.content);
    }
  };
  visit(doc.content);
  return [...seen];
}
