import { documentSchema } from '~/rich-text/extensions.ts';
import { parseDoc, type BlockNode, type DocNode, type InlineNode, type Mark } from '~/rich-text/document.ts';
import { diffSequences, tokenize } from './diff.ts';

/**
 * Changes to rich text as edits of a flat sequence of tokens, so that two changes to the same base text can
 * be compared (do they touch the same words?) and combined (carry an amendment over a text that moved).
 *
 * A document becomes a sequence of tokens: the opening and closing of each block (with its attributes), line
 * breaks, and words with their marks. A change is a list of hunks, each replacing a range of the base's tokens.
 * Two changes collide when a hunk of one overlaps a hunk of the other, or both insert at the same place. Two
 * changes that do not collide combine into one text; the result is checked against the editor's schema, and a
 * combination the schema refuses counts as a collision (nothing is ever forced).
 */

/** One replacement: base tokens [from, to) become `insert`. */
export interface Hunk {
  from: number;
  to: number;
  insert: string[];
}

function markKey(marks: Mark[] | undefined): Mark[] {
  return [...(marks ?? [])].sort((a, b) => a.type.localeCompare(b.type));
}

function pushInline(out: string[], nodes: InlineNode[] | undefined) {
  // Adjacent runs with the same marks are one run (however the text happened to be split), then cut into words.
  const runs: { marks: string; text: string }[] = [];
  for (const node of nodes ?? []) {
    const last = runs[runs.length - 1];
    if (node.type === 'hardBreak') runs.push({ marks: '', text: '' });
    else {
      const marks = JSON.stringify(markKey(node.marks));
      if (last && last.text && last.marks === marks) last.text += node.text;
      else runs.push({ marks, text: node.text });
    }
  }
  for (const run of runs) {
    if (!run.text) out.push('b');
    else for (const word of tokenize(run.text)) out.push(`t[${run.marks},${JSON.stringify(word)}]`);
  }
}

function pushBlock(out: string[], node: BlockNode) {
  // Attributes that say nothing (a list starting at 1) are left out: the same text loaded into the editor and
  // back must give the same tokens, whether or not the default was written.
  const given = 'attrs' in node && node.attrs ? { ...node.attrs } : {};
  if (node.type === 'orderedList' && (given as { start?: number }).start === 1)
    delete (given as { start?: number }).start;
  const attrs = Object.keys(given).length ? JSON.stringify(given) : '';
  out.push(`o${node.type}${attrs ? ' ' + attrs : ''}`);
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      pushInline(out, node.content);
      break;
    case 'bulletList':
    case 'orderedList':
      for (const item of node.content) {
        out.push('olistItem');
        for (const child of item.content) pushBlock(out, child);
        out.push('c');
      }
      break;
    case 'blockquote':
      for (const child of node.content) pushBlock(out, child);
      break;
  }
  out.push('c');
}

/** A document as tokens: `o<type> <attrs>` opens a block, `c` closes it, `b` is a line break, `t[marks,word]` a word. */
export function docTokens(doc: DocNode): string[] {
  const out: string[] = [];
  for (const block of doc.content) pushBlock(out, block);
  return out;
}

type Building = { type: string; attrs?: Record<string, unknown>; content: unknown[] };

/** The document a sequence of tokens describes, or null if the tokens or the result are not a valid document. */
export function tokensToDoc(tokens: readonly string[]): DocNode | null {
  const root: Building = { type: 'doc', content: [] };
  const stack: Building[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token === 'c') {
      if (stack.length === 1) return null;
      stack.pop();
    } else if (token === 'b') {
      top.content.push({ type: 'hardBreak' });
    } else if (token.startsWith('o')) {
      const space = token.indexOf(' ');
      const type = space < 0 ? token.slice(1) : token.slice(1, space);
      const node: Building = { type, content: [] };
      if (space >= 0) node.attrs = JSON.parse(token.slice(space + 1)) as Record<string, unknown>;
      top.content.push(node);
      stack.push(node);
    } else if (token.startsWith('t')) {
      const [marks, word] = JSON.parse(token.slice(1)) as [Mark[], string];
      const last = top.content[top.content.length - 1] as { type: string; text?: string; marks?: Mark[] } | undefined;
      if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += word;
      else top.content.push(marks.length ? { type: 'text', text: word, marks } : { type: 'text', text: word });
    } else {
      return null;
    }
  }
  if (stack.length !== 1) return null;
  const json = JSON.parse(
    JSON.stringify(root, (key, value: unknown) =>
      key === 'content' && Array.isArray(value) && value.length === 0 ? undefined : value,
    ),
  ) as { type: 'doc'; content?: unknown[] };
  try {
    const doc = parseDoc({ ...json, content: json.content ?? [] });
    documentSchema.nodeFromJSON(doc).check();
    return doc;
  } catch {
    return null;
  }
}

/** The hunks that turn `base` into `other` (token sequences), in order. */
export function hunks(base: readonly string[], other: readonly string[]): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  let current: Hunk | null = null;
  for (const [op, token] of diffSequences(base, other)) {
    if (op === 'equal') {
      if (current) out.push(current);
      current = null;
      i++;
      continue;
    }
    current ??= { from: i, to: i, insert: [] };
    if (op === 'delete') {
      i++;
      current.to = i;
    } else {
      current.insert.push(token);
    }
  }
  if (current) out.push(current);
  return out;
}

function sameHunk(a: Hunk, b: Hunk): boolean {
  return a.from === b.from && a.to === b.to && a.insert.join('\u0000') === b.insert.join('\u0000');
}

/** Whether two hunks of the same base touch the same tokens (or insert at the same place). */
export function hunksOverlap(a: Hunk, b: Hunk): boolean {
  if (a.from === a.to && b.from === b.to) return a.from === b.from;
  return a.from < b.to && b.from < a.to;
}

/** Whether two changes of the same base collide: some hunk of one overlaps a different hunk of the other. */
export function changesCollide(a: readonly Hunk[], b: readonly Hunk[]): boolean {
  return a.some((x) => b.some((y) => hunksOverlap(x, y) && !sameHunk(x, y)));
}

/**
 * Combines two changes of one base (three-way merge): the tokens of `base` with the hunks of both applied.
 * Returns null when they collide. A hunk made identically by both is applied once.
 */
export function mergeChanges(base: readonly string[], ours: readonly Hunk[], theirs: readonly Hunk[]): string[] | null {
  if (changesCollide(ours, theirs)) return null;
  const all = [...ours, ...theirs.filter((t) => !ours.some((o) => sameHunk(o, t)))].sort(
    (x, y) => x.from - y.from || x.to - x.from - (y.to - y.from),
  );
  const out: string[] = [];
  let at = 0;
  for (const hunk of all) {
    out.push(...base.slice(at, hunk.from), ...hunk.insert);
    at = hunk.to;
  }
  out.push(...base.slice(at));
  return out;
}

/**
 * Carries a proposed change over a base that moved: `proposed` was written against `base`, and the text is now
 * `current`. Returns the proposed text rewritten against `current`, or null if the two changes collide.
 */
export function carryOver(base: DocNode, current: DocNode, proposed: DocNode): DocNode | null {
  const b = docTokens(base);
  const merged = mergeChanges(b, hunks(b, docTokens(current)), hunks(b, docTokens(proposed)));
  return merged ? tokensToDoc(merged) : null;
}
