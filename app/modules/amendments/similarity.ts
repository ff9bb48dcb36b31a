import { diffSequences, tokenize } from './diff.ts';

/**
 * How alike two amendments of one section are, measured on what they change, not on their whole texts: two
 * amendments that change the same words differently ("30 h" and "35 h") compete, they are not duplicates; and
 * two changes far apart in a long section have nothing in common, however much text they share.
 *
 * Each amendment's change is the list of its hunks against its base text (word tokens deleted, word tokens
 * inserted). Hunks of the two amendments that fall within CONTEXT tokens of each other form one passage; a passage
 * only one of them changes counts fully against them. Within a passage, what both delete and what both insert
 * (in the same order) is alike. The score is the share of changed characters that are alike on both sides (a
 * Dice coefficient): 1 for the same change, 0 for changes in different places.
 */

/** An amendment's text before and after, as plain text. */
export interface ChangeTexts {
  base: string;
  proposed: string;
}

/** Tokens either side of a change that still count as its place ("with some context"). */
const CONTEXT = 6;

interface Hunk {
  from: number;
  to: number;
  deleted: number[];
  inserted: string[];
}

function hunksOf(base: string[], proposed: string[]): Hunk[] {
  const out: Hunk[] = [];
  let at = 0;
  let open: Hunk | null = null;
  for (const [op, token] of diffSequences(base, proposed)) {
    if (op === 'equal') {
      if (open) out.push(open);
      open = null;
      at++;
      continue;
    }
    open ??= { from: at, to: at, deleted: [], inserted: [] };
    if (op === 'delete') {
      open.deleted.push(at);
      at++;
      open.to = at;
    } else open.inserted.push(token);
  }
  if (open) out.push(open);
  return out;
}

/** Where each token of `from` stands in `to` (the nearest token before it when it was changed). */
function positions(from: string[], to: string[]): number[] {
  const map: number[] = [];
  let i = 0;
  let j = 0;
  for (const [op] of diffSequences(from, to)) {
    if (op === 'equal') map[i++] = j++;
    else if (op === 'delete') map[i++] = j;
    else j++;
  }
  map[from.length] = j;
  return map;
}

const size = (tokens: readonly string[]) => tokens.reduce((n, t) => n + t.length, 0);

/** Characters of the tokens two sequences share, in order (longest common subsequence). */
function shared(a: readonly string[], b: readonly string[]): number {
  return diffSequences(a, b)
    .filter(([op]) => op === 'equal')
    .reduce((n, [, t]) => n + t.length, 0);
}

/** How alike two changes are, from 0 (nothing in common) to 1 (the same change), on what they change. */
export function changeSimilarity(a: ChangeTexts, b: ChangeTexts): number {
  const baseA = tokenize(a.base);
  const baseB = tokenize(b.base);
  const hunksA = hunksOf(baseA, tokenize(a.proposed));
  // B's change is placed on A's base: its base may be an older or newer text of the section.
  const sameBase = a.base === b.base;
  const map = sameBase ? null : positions(baseB, baseA);
  const rawB = hunksOf(baseB, tokenize(b.proposed));
  const hunksB = rawB.map((h) => ({
    ...h,
    deletedText: h.deleted.map((i) => baseB[i]!),
    from: map ? map[h.from]! : h.from,
    to: map ? map[h.to]! : h.to,
    deleted: map ? h.deleted.filter((i) => baseA[map[i]!] === baseB[i]).map((i) => map[i]!) : h.deleted,
  }));
  const all = [
    ...hunksA.map((h) => ({ side: 'a' as const, h, deletedText: h.deleted.map((i) => baseA[i]!) })),
    ...hunksB.map((h) => ({ side: 'b' as const, h, deletedText: h.deletedText })),
  ].sort((x, y) => x.h.from - y.h.from);
  let total = 0;
  let alike = 0;
  let passage: typeof all = [];
  let end = -Infinity;
  const close = () => {
    if (!passage.length) return;
    const side = (s: 'a' | 'b') => passage.filter((p) => p.side === s);
    const [pa, pb] = [side('a'), side('b')];
    const delA = pa.flatMap((p) => p.deletedText);
    const delB = pb.flatMap((p) => p.deletedText);
    const insA = pa.flatMap((p) => p.h.inserted);
    const insB = pb.flatMap((p) => p.h.inserted);
    total += size(delA) + size(delB) + size(insA) + size(insB);
    if (pa.length && pb.length) {
      const deletedBoth = new Set(pb.flatMap((p) => p.h.deleted));
      const both = pa.flatMap((p) => p.h.deleted).filter((i) => deletedBoth.has(i));
      alike += 2 * size(both.map((i) => baseA[i]!)) + 2 * shared(insA, insB);
    }
    passage = [];
  };
  for (const item of all) {
    if (item.h.from - CONTEXT > end) close();
    passage.push(item);
    end = Math.max(end, item.h.to + CONTEXT);
  }
  close();
  return total ? alike / total : 1;
}

/** Two amendments whose changes are this alike are listed as possible duplicates. */
export const DUPLICATE_SIMILARITY = 0.85;
