/**
 * Counting preferential questions: Schulze, Borda and Dowdall over rankings. Pure functions, no I/O.
 *
 * A ballot's ranking is a list of groups of alternative ids, best first; ids in one group are ranked equal, and
 * the alternatives a ballot does not mention are equal last, below every ranked one. Ids that are not among the
 * alternatives are ignored, and so is an id repeated after its first occurrence (validation happens elsewhere).
 *
 * TIE-BREAK RULE (the same for all three methods): alternatives that the method ranks equal are ordered by their
 * position in `alternatives`, earliest first. The caller passes "keep the current text" first, then the
 * amendments by submission date, so a tie keeps the current text, and among amendments the earliest submitted
 * wins. Every count is a sum over ballots, so the order of the ballots never changes a result.
 */
import type { Ranking } from './types.ts';

export interface MethodResult {
  /** pairwise[i][j]: ballots ranking alternatives[i] strictly above alternatives[j]. */
  pairwise: number[][];
  /** One score per alternative, aligned with `alternatives` (what a score is depends on the method). */
  scores: number[];
  /** Alternative ids, winner first, ties broken by position in `alternatives`. */
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
 * p[i][j] is the strength of the strongest (widest) path from i to j. X is ranked above Y when p[X][Y] > p[Y][X].
 * `scores[i]` is the number of alternatives i beats that way; the relation is transitive, so sorting by that
 * count gives the Schulze order.
 */
export function schulze(alternatives: string[], rankings: Ranking[]): MethodResult {
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
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j && p[i * n + j]! > p[j * n + i]!) scores[i]!++;
  }
  return { pairwise: toMatrix(d, n), scores, ranking: orderBy(alternatives, (a, b) => scores[b]! - scores[a]!) };
}

/**
 * Borda: on each ballot an alternative gets one point per alternative it is ranked strictly above (n-1 … 0 for
 * a full strict ranking; tied alternatives get the same; unranked ones get 0). That is row i of the pairwise
 * matrix, summed.
 */
export function borda(alternatives: string[], rankings: Ranking[]): MethodResult {
  const n = alternatives.length;
  const d = pairwiseFlat(alternatives, rankings);
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += d[i * n + j]!;
    scores[i] = sum;
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
 * Dowdall (Nauru): on each ballot an alternative at position p gets 1/p, where p is 1 + the number of
 * alternatives ranked strictly ahead of it; unranked alternatives get 0. Counted exactly in whole units of
 * 1/L, L = lcm(1..n); `scores[i]` is that whole number divided by L.
 */
export function dowdall(alternatives: string[], rankings: Ranking[]): MethodResult {
  const n = alternatives.length;
  const index = indexOf(alternatives);
  const L = lcmUpTo(n);
  // Plain numbers stay exact while every total is below 2^53 (n ≤ 20 and 100,000 ballots: L · ballots ≈ 2.3e13).
  const exactInNumbers = L * BigInt(rankings.length) <= BigInt(Number.MAX_SAFE_INTEGER);
  const Ln = Number(L);
  const unitsNumber = new Float64Array(n);
  const unitsBig: bigint[] = exactInNumbers ? [] : new Array<bigint>(n).fill(0n);
  const members = new Int32Array(n); // the alternatives of the group being read
  const seen = new Uint8Array(n);
  for (const ranking of rankings) {
    if (!Array.isArray(ranking)) continue;
    seen.fill(0);
    let ahead = 0;
    for (const group of ranking) {
      if (!Array.isArray(group)) continue;
      let inGroup = 0;
      for (const id of group) {
        const i = index.get(id as string);
        if (i === undefined || seen[i]) continue;
        seen[i] = 1;
        members[inGroup++] = i;
      }
      for (let k = 0; k < inGroup; k++) {
        const i = members[k]!;
        if (exactInNumbers) unitsNumber[i]! += Ln / (ahead + 1);
        else unitsBig[i]! += L / BigInt(ahead + 1);
      }
      ahead += inGroup;
    }
  }
  const compare = exactInNumbers
    ? (a: number, b: number) => unitsNumber[b]! - unitsNumber[a]!
    : (a: number, b: number) => (unitsBig[b]! > unitsBig[a]! ? 1 : unitsBig[b]! < unitsBig[a]! ? -1 : 0);
  const scores = alternatives.map((_, i) => (exactInNumbers ? unitsNumber[i]! / Ln : bigRatio(unitsBig[i]!, L)));
  return { pairwise: pairwiseMatrix(alternatives, rankings), scores, ranking: orderBy(alternatives, compare) };
}

/** a / b as the nearest number, for integers too large to divide as numbers exactly. */
function bigRatio(a: bigint, b: bigint): number {
  const whole = a / b;
  return Number(whole) + Number(a - whole * b) / Number(b);
}
