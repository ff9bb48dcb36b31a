/**
 * Quorum and majority thresholds, in whole numbers (no floating-point near-misses). Pure: counting, pages and the
 * API share them, so the figure a page shows is the one the count uses.
 */
import type { Majority } from './types.ts';

/**
 * The fewest ballots that reach `quorumPercent` % of `censusSize`: the smallest whole N with
 * N · 100,000 ≥ round(quorumPercent · 1000) · censusSize (the percentage in thousandths, so 64.4 % of 250 is 161,
 * not 162). 0 when there is no quorum.
 */
export function quorumNeeded(censusSize: number, quorumPercent: number): number {
  if (!(quorumPercent > 0) || !(censusSize > 0)) return 0;
  const scaled = BigInt(Math.round(quorumPercent * 1000)) * BigInt(Math.round(censusSize));
  return Number((scaled + 99_999n) / 100_000n);
}

/** Whether `ballots` reach `quorumPercent` % of `censusSize`. */
export function quorumReached(ballots: number, censusSize: number, quorumPercent: number): boolean {
  return ballots >= quorumNeeded(censusSize, quorumPercent);
}

/** More yes than no, and for a qualified majority yes ≥ numerator/denominator of yes + no. */
export function majorityReached(majority: Majority, yes: number, no: number): boolean {
  if (yes <= no) return false;
  if (majority.kind === 'SIMPLE') return true;
  return yes * majority.denominator >= majority.numerator * (yes + no);
}

/** A majority as stored (numerator/denominator; 1/2 is the simple majority, more yes than no). */
export function majorityOf(numerator: number, denominator: number): Majority {
  return numerator * 2 === denominator ? { kind: 'SIMPLE' } : { kind: 'QUALIFIED', numerator, denominator };
}

/** `part` as a percentage of `whole`, to one decimal (0 when the whole is 0). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
