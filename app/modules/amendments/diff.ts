/**
 * Word-level differences between two texts, the same in the browser (as authors type) and on the server
 * (pages, and later collisions). Texts are cut into words, runs of spaces and single signs; the common start
 * and end are set aside, and the middle is compared by longest common subsequence. A middle too large to
 * compare word by word (a rewrite of a whole chapter) is shown as removed, then added.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells, the middle is not compared word by word (memory and time stay bounded). */
const MAX_CELLS = 4_000_000;

/** Words (letters and digits), runs of white space, and every other sign on its own. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}'’-]+|\s+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** The differences from `before` to `after`, as runs of equal, deleted and inserted text. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const [op, token] of diffSequences(tokenize(before), tokenize(after))) {
    const last = parts[parts.length - 1];
    if (!token) continue;
    if (last && last.op === op) last.text += token;
    else parts.push({ op, text: token });
  }
  return parts;
}

/**
 * The differences between two sequences of tokens, token by token. The common start and end are set aside;
 * a middle too large to compare (more than MAX_CELLS) is one deletion followed by one insertion.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): [DiffOp, string][] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: [DiffOp, string][] = a.slice(0, start).map((t) => ['equal', t]);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    for (const t of midA) out.push(['delete', t]);
    for (const t of midB) out.push(['insert', t]);
  } else {
    out.push(...lcsDiff(midA, midB));
  }
  for (const t of a.slice(endA)) out.push(['equal', t]);
  return out;
}

/** Classic LCS table, walked back to front; deletions before insertions where both apply. */
function lcsDiff(a: string[], b: string[]): [DiffOp, string][] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const out: [DiffOp, string][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(['equal', a[i]!]);
      i++;
      j++;
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      out.push(['delete', a[i]!]);
      i++;
    } else {
      out.push(['insert', b[j]!]);
      j++;
    }
  }
  return out;
}

/** Whether a diff changes anything. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'equal');
}
