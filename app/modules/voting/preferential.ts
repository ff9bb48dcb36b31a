/**
 * Counting preferential questions: Schulze, Borda and Dowdall over rankings. Pure functions, no I/O.
 *
 * A ballot's ranking is a list of groups of alternative ids, best first; ids in one group are ranked equal, and
 * the alternatives a ballot does not mention are equal last, below every ranked one. Ids that are not among the
 * alternatives are ignored, and so is an id repeated after its first occurrence (validation happens elsewhere).
 *
 * The rules (ADR 0021, `CountingRules` in ./types.ts), the same for the three methods:
 * - TIES: among alternatives the method cannot separate, the one listed first in `alternatives` wins. The caller
 *   passes "keep the current text" first, then the amendments by submission date: a tie keeps the current text
 *   when it is among the tied alternatives, else the earliest submitted of them wins. For Schulze the tied
 *   alternatives are the Schulze winners (those no other beats by strongest path), not those that beat the most.
 * - EQUAL RANKS (Borda, Dowdall): alternatives a ballot ranks equal share the average of the points of the
 *   positions they occupy; the unranked ones are equal last and share the last positions' points the same way.
 *   Schulze needs no such rule: an equal pair is simply not a preference either way.
 * Boards published before ADR 0021 state no rules and are recounted with LEGACY_COUNTING, as they were counted.
 * Every count is a sum over ballots, so the order of the ballots never changes a result.
 */
import { CURRENT_COUNTING, type CountingRules, type Ranking } from './types.ts';

export interface MethodResult {
  /** pairwise[i][j]: ballots ranking alternatives[i] strictly above alternatives[j]. */
  pairwise: number[][];
  /** One score per alternative, aligned with `alternatives` (what a score is depends on the method). */
  scores: number[];
  /** Alternative ids, winner first, ties broken by the rules (position in `alternatives`). */
  ranking: string[];
}

/** The level given to alternatives a ballot leaves unranked: below every group. */
const UNRANKED = 0x7fffffff;

/** Maps each alternative id to its index (the first one wins should an id be listed twice). */
function indexOf(alternatives: string[]): Map<string, number> {
  const index = new Map<string, number>();
  alternatives.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  return index;
}

/**
 * Writes into `levels` each alternative's group number on this ballot (lower is better; UNRANKED when not
 * mentioned) and returns how many alternatives the ballot ranks.
 */
function fillLevels(ranking: Ranking, index: Map<string, number>, levels: Int32Array): number {
  levels.fill(UNRANKED);
  if (!Array.isArray(ranking)) return 0;
  let ranked = 0;
  for (let g = 0; g < ranking.length; g++) {
    const group = ranking[g];
    if (!Array.isArray(group)) continue;
    for (let k = 0; k < group.length; k++) {
      const i = index.get(group[k] as string);
      if (i === undefined || levels[i] !== UNRANKED) continue;
      levels[i] = g;
      ranked++;
    }
  }
  return ranked;
}

/** Number of ballots ranking at least one of the alternatives. */
export function countRanked(alternatives: string[], rankings: Ranking[]): number {
  const index = indexOf(alternatives);
  const levels = new Int32Array(alternatives.length);
  let count = 0;
  for (const ranking of rankings) if (fillLevels(ranking, index, levels) > 0) count++;
  return count;
}

/** Accumulates the pairwise counts into a flat n×n array (row i, column j at i * n + j). */
function pairwiseFlat(alternatives: string[], rankings: Ranking[]): Float64Array {
  const n = alternatives.length;
  const index = indexOf(alternatives);
  const levels = new Int32Array(n);
  const counts = new Float64Array(n * n);
  for (const ranking of rankings) {
    if (fillLevels(ranking, index, levels) === 0) continue; // all equal: no pair is strictly ordered
    for (let i = 0; i < n; i++) {
      const li = levels[i]!;
      if (li === UNRANKED) continue; // an unranked alternative is above nothing
      const row = i * n;
      for (let j = 0; j < n; j++) if (li < levels[j]!) counts[row + j]!++;
    }
  }
  return counts;
}

function toMatrix(flat: Float64Array, n: number): number[][] {
  const matrix: number[][] = [];
  for (let i = 0; i < n; i++) matrix.push(Array.from(flat.subarray(i * n, i * n + n)));
  return matrix;
}

/** pairwise[i][j]: the number of ballots ranking alternatives[i] strictly above alternatives[j]. */
export function pairwiseMatrix(alternatives: string[], rankings: Ranking[]): number[][] {
  return toMatrix(pairwiseFlat(alternatives, rankings), alternatives.length);
}

/**
 * The alternatives ordered by `better` (negative: a before b), then by position in `alternatives`: the
 * documented tie-break. Sorting indices with an explicit final key keeps it deterministic whatever the engine.
 */
function orderBy(alternatives: string[], better: (a: number, b: number) => number): string[] {
  const order = alternatives.map((_, i) => i);
  order.sort((a, b) => better(a, b) || a - b);
  return order.map((i) => alternatives[i]!);
}

/**
 * Schulze with the "winning votes" strength: a direct link i→j is worth d[i][j] when d[i][j] > d[j][i], else 0;
 * p[i][j] is the strength of the strongest (widest) path from i to j. X beats Y when p[X][Y] > p[Y][X]; that
 * relation is a strict partial order. `scores[i]` is the number of alternatives i beats. The ranking takes, again
 * and again, the first listed of the alternatives left that no alternative left beats (ADR 0021): a tie among
 * the Schulze winners keeps the current text if it is among them. Legacy rules sort by score, then listing.
 */
export function schulze(
  alternatives: string[],
  rankings: Ranking[],
  rules: CountingRules = CURRENT_COUNTING,
): MethodResult {
  const n = alternatives.length;
  const d = pairwiseFlat(alternatives, rankings);
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dij = d[i * n + j]!;
      p[i * n + j] = dij > d[j * n + i]! ? dij : 0;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const pik = p[i * n + k]!;
      if (pik === 0) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const through = Math.min(pik, p[k * n + j]!);
        if (through > p[i * n + j]!) p[i * n + j] = through;
      }
    }
  }
  const beats = (i: number, j: number) => p[i * n + j]! > p[j * n + i]!;
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j && beats(i, j)) scores[i]!++;
  }
  if (rules.ties === 'most-beaten-then-listed') {
    return { pairwise: toMatrix(d, n), scores, ranking: orderBy(alternatives, (a, b) => scores[b]! - scores[a]!) };
  }
  const left = alternatives.map((_, i) => i);
  const ranking: string[] = [];
  while (left.length > 0) {
    // A strict partial order always leaves an unbeaten alternative: findIndex never gives -1.
    const k = left.findIndex((i) => !left.some((j) => beats(j, i)));
    ranking.push(alternatives[left.splice(k, 1)[0]!]!);
  }
  return { pairwise: toMatrix(d, n), scores, ranking };
}

/** A ballot's ranked groups of alternative indices, best first (empty groups, unknown and repeated ids dropped). */
function rankedGroups(ranking: Ranking, index: Map<string, number>, seen: Uint8Array): number[][] {
  seen.fill(0);
  const groups: number[][] = [];
  if (!Array.isArray(ranking)) return groups;
  for (const group of ranking) {
    if (!Array.isArray(group)) continue;
    const members: number[] = [];
    for (const id of group) {
      const i = index.get(id as string);
      if (i === undefined || seen[i]) continue;
      seen[i] = 1;
      members.push(i);
    }
    if (members.length > 0) groups.push(members);
  }
  return groups;
}

/**
 * A ballot's groups, best first, the unranked alternatives as a last group; null when it expresses no
 * preference (every alternative in one group, or none ranked).
 */
function groupsOf(ranking: Ranking, index: Map<string, number>, n: number, seen: Uint8Array): number[][] | null {
  const groups = rankedGroups(ranking, index, seen);
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (!seen[i]) rest.push(i);
  if (rest.length > 0) groups.push(rest);
  return groups.length > 1 ? groups : null;
}

/**
 * Borda: on each ballot the alternative at position p (1 + the alternatives ranked strictly ahead) gets n - p
 * points (n-1 … 0 for a full strict ranking). Alternatives ranked equal share the average of their positions'
 * points, unranked ones included; counted in half points, so exact. Legacy rules: one point per alternative
 * ranked strictly below (tied ones all get their group's best position's points, unranked ones 0), that is row i
 * of the pairwise matrix, summed.
 */
export function borda(
  alternatives: string[],
  rankings: Ranking[],
  rules: CountingRules = CURRENT_COUNTING,
): MethodResult {
  const n = alternatives.length;
  const d = pairwiseFlat(alternatives, rankings);
  const scores = new Array<number>(n).fill(0);
  if (rules.equalRanks === 'best-position-unranked-zero') {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += d[i * n + j]!;
      scores[i] = sum;
    }
  } else {
    const index = indexOf(alternatives);
    const seen = new Uint8Array(n);
    const halves = new Array<number>(n).fill(0);
    for (const ranking of rankings) {
      const groups = groupsOf(ranking, index, n, seen);
      if (!groups) continue;
      let ahead = 0;
      for (const group of groups) {
        // Positions ahead+1 … ahead+k are worth n-ahead-1 … n-ahead-k: twice their average is 2n-2·ahead-k-1.
        const k = group.length;
        for (const i of group) halves[i]! += 2 * n - 2 * ahead - k - 1;
        ahead += k;
      }
    }
    for (let i = 0; i < n; i++) scores[i] = halves[i]! / 2;
  }
  return { pairwise: toMatrix(d, n), scores, ranking: orderBy(alternatives, (a, b) => scores[b]! - scores[a]!) };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** lcm(1, 2, …, n): every 1/p with p ≤ n is a whole number of 1/L. */
export function lcmUpTo(n: number): bigint {
  let l = 1n;
  for (let k = 2n; k <= BigInt(n); k++) l = (l / gcd(l, k)) * k;
  return l;
}

/**
 * Dowdall (Nauru): on each ballot the alternative at position p (1 + the alternatives ranked strictly ahead)
 * gets 1/p. Alternatives ranked equal share the average of their positions' points, unranked ones included
 * (legacy rules: each gets 1/p of its group's best position, unranked ones 0). Counted exactly in whole units
 * of 1/U, U = L·L with L = lcm(1..n) (legacy: U = L): the sum of k positions' 1/p is a whole number of 1/L,
 * its k-th part a whole number of 1/L². `scores[i]` is that whole number divided by U.
 */
export function dowdall(
  alternatives: string[],
  rankings: Ranking[],
  rules: CountingRules = CURRENT_COUNTING,
): MethodResult {
  const n = alternatives.length;
  const index = indexOf(alternatives);
  const average = rules.equalRanks === 'average-of-positions';
  const L = lcmUpTo(n);
  const U = average ? L * L : L;
  // Plain numbers stay exact while every total is below 2^53 (legacy n ≤ 20 and 100,000 ballots: ≈ 2.3e13).
  const exactInNumbers = U * BigInt(rankings.length) <= BigInt(Number.MAX_SAFE_INTEGER);
  const unitsNumber = new Float64Array(n);
  const unitsBig: bigint[] = exactInNumbers ? [] : new Array<bigint>(n).fill(0n);
  /** L/p for each position p (index p), as bigints: the sum of k positions is a whole number of 1/L. */
  const inverse = Array.from({ length: n + 1 }, (_, p) => (p === 0 ? 0n : L / BigInt(p)));
  /** The units a group of k alternatives after `ahead` others gets, each: share[ahead * (n + 1) + k]. */
  const share: bigint[] = new Array<bigint>(n * (n + 1) + n + 1).fill(0n);
  for (let ahead = 0; ahead < n; ahead++) {
    let sum = 0n;
    for (let k = 1; ahead + k <= n; k++) {
      sum += inverse[ahead + k]!;
      share[ahead * (n + 1) + k] = average ? sum * (L / BigInt(k)) : inverse[ahead + 1]!;
    }
  }
  const shareNumber = share.map(Number);
  const seen = new Uint8Array(n);
  for (const ranking of rankings) {
    const groups = average ? groupsOf(ranking, index, n, seen) : rankedGroups(ranking, index, seen);
    if (!groups) continue;
    let ahead = 0;
    for (const group of groups) {
      const at = ahead * (n + 1) + group.length;
      if (exactInNumbers) for (const i of group) unitsNumber[i]! += shareNumber[at]!;
      else for (const i of group) unitsBig[i]! += share[at]!;
      ahead += group.length;
    }
  }
  const Un = Number(U);
  const compare = exactInNumbers
    ? (a: number, b: number) => unitsNumber[b]! - unitsNumber[a]!
    : (a: number, b: number) => (unitsBig[b]! > unitsBig[a]! ? 1 : unitsBig[b]! < unitsBig[a]! ? -1 : 0);
  const scores = alternatives.map((_, i) => (exactInNumbers ? unitsNumber[i]! / Un : bigRatio(unitsBig[i]!, U)));
  return { pairwise: pairwiseMatrix(alternatives, rankings), scores, ranking: orderBy(alternatives, compare) };
}

/** a / b as the nearest number, for integers too large to divide as numbers exactly. */
function bigRatio(a: bigint, b: bigint): number {
  const whole = a / b;
  return Number(whole) + Number(a - whole * b) / Number(b);
}
