/**
 * The round a published ballot board states (verify-board.ts recounts its ballots): what is wrong with its
 * definition, in plain English sentences, and its counting rules and census in words, as verify-tally prints them.
 * Pure.
 */
import { isRecord } from './board.ts';
import { CURRENT_COUNTING, KEEP_CURRENT, LEGACY_COUNTING, type CountingRules } from './types.ts';

/** A value as a sentence shows it. */
export const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
/** A finite number. */
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** A whole number, 0 or more. */
export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
/** Ends the sentence about a value that is not a count. */
export const COUNT = 'is not a count (a whole number, 0 or more).';

/** What is wrong with a yes/no question's majority rule: none, or one sentence. */
function majorityProblem(id: string, m: unknown): string | null {
  if (!isRecord(m) || (m.kind !== 'SIMPLE' && m.kind !== 'QUALIFIED'))
    return `Question ${id} has no valid majority rule.`;
  if (m.kind === 'SIMPLE') return null;
  const { numerator: n, denominator: d } = m;
  if (!Number.isInteger(n) || !Number.isInteger(d) || (d as number) <= 0) {
    return `Question ${id} has no valid majority rule: ${show(n)}/${show(d)} is not a fraction of whole numbers above 0.`;
  }
  if ((n as number) <= 0) return `Question ${id}: its majority of ${n}/${d} is not above 0.`;
  if ((n as number) > (d as number))
    return `Question ${id}: its majority of ${n}/${d} is above 1: no vote can reach it.`;
  return null;
}

/** What is wrong with a preferential question's method and alternatives, in sentences. */
function preferentialProblems(id: string, q: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!['SCHULZE', 'BORDA', 'DOWDALL'].includes(q.method as string)) {
    problems.push(`Question ${id} has an unknown counting method ${show(q.method)}.`);
  }
  const alternatives: unknown = q.alternatives;
  if (!Array.isArray(alternatives) || !alternatives.every((a) => isRecord(a) && typeof a.id === 'string')) {
    return [...problems, `Question ${id} has no valid list of alternatives.`];
  }
  const ids = alternatives.map((a: { id: string }) => a.id);
  if (new Set(ids).size !== ids.length) problems.push(`Question ${id} lists an alternative twice.`);
  if (ids.length < 2) problems.push(`Question ${id} has fewer than two alternatives.`);
  // Ties go to the alternative listed first: the current text, then the earliest amendment (ADR 0014).
  else if (ids[0] !== KEEP_CURRENT) {
    problems.push(
      `Question ${id}: its first alternative must be "${KEEP_CURRENT}" (keep the current text), which wins ties.`,
    );
  }
  return problems;
}

/** The rules a board may state, and what each says (ADR 0021). */
const RULE_WORDS: { [K in keyof CountingRules]: Record<CountingRules[K], string> } = {
  ties: {
    'keep-current-then-earliest':
      'a tie among the winners keeps the current text if it is among them, else the earliest submitted amendment among them wins (for Schulze, the winners are the alternatives no other beats by strongest path)',
    'most-beaten-then-listed':
      'Schulze ranks by how many alternatives each one beats; ties go to the alternative listed first (the current text, then the earliest amendment)',
  },
  equalRanks: {
    'average-of-positions':
      'alternatives ranked equal, and unranked ones (equal last), share the average of the points of the positions they occupy; a ballot ranking every alternative equal gives no points',
    'best-position-unranked-zero':
      'alternatives ranked equal each get the points of their best position; unranked ones get none',
  },
};

/** The counting rules in plain English, as verify-tally prints them. */
export function describeCounting(rules: CountingRules | undefined): string {
  const stated = rules ?? LEGACY_COUNTING;
  const words = `ties: ${RULE_WORDS.ties[stated.ties]}; equal ranks (Borda, Dowdall): ${RULE_WORDS.equalRanks[stated.equalRanks]}.`;
  return rules
    ? `Counting rules stated by the board (ADR 0021): ${words}`
    : `The board states no counting rules (published before ADR 0021): recounted with the rules it was counted with: ${words}`;
}

/** What is wrong with the counting rules a board states (none: a board from before ADR 0021). */
function countingProblems(counting: unknown): string[] {
  if (counting === undefined) return [];
  if (!isRecord(counting)) return [`The round's counting rules ${show(counting)} are not an object.`];
  const problems: string[] = [];
  for (const field of Object.keys(CURRENT_COUNTING) as (keyof CountingRules)[]) {
    if (!Object.hasOwn(RULE_WORDS[field], counting[field] as string)) {
      problems.push(`The round's counting rule ${field} ${show(counting[field])} is not one Plenum knows.`);
    }
  }
  return problems;
}

/** What is wrong with the census the board states (boards before issue 18 state neither rule name nor commitment). */
function censusProblems(round: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { censusRuleName: name, censusCommitment: commitment } = round;
  if (name !== undefined && name !== 'OPEN' && name !== 'REGISTER') {
    problems.push(`The round's census rule ${show(name)} is not one Plenum knows.`);
  }
  if (commitment !== undefined && (typeof commitment !== 'string' || !/^[0-9a-f]{64}$/.test(commitment))) {
    problems.push(`The round's census commitment ${show(commitment)} is not a SHA-256 in hexadecimal.`);
  }
  return problems;
}

/**
 * The census as the board states it, in sentences: the rule and the commitment (ADR 0026), or that the board
 * predates commitments.
 */
export function describeCensus(round: unknown): string {
  if (!isRecord(round)) return '';
  const rule = typeof round.censusRule === 'string' ? round.censusRule : 'not stated';
  const name = typeof round.censusRuleName === 'string' ? `${round.censusRuleName}: ` : '';
  const lines = [`Census rule: ${name}${rule}`];
  lines.push(
    typeof round.censusCommitment === 'string'
      ? `Census commitment: ${round.censusCommitment} (SHA-256 over the sorted salted hashes of the census entries; ` +
          'a member given their salt can prove they were counted, see docs/decisions/0026-census.md).'
      : 'Census commitment: none (the round opened before Plenum published one).',
  );
  return lines.join('\n') + '\n';
}

/** What is wrong with the round's times, in sentences. */
function timeProblems(round: Record<string, unknown>): string[] {
  const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);
  const opens = time(round.opensAt);
  const closes = time(round.closesAt);
  if (Number.isNaN(opens)) return ['The round has no valid opening time.'];
  if (Number.isNaN(closes)) return ['The round has no valid closing time.'];
  return closes <= opens ? [`The round closes (${round.closesAt}) before it opens (${round.opensAt}).`] : [];
}

/**
 * What is wrong with the round's definition, in sentences (empty when it can be counted). Beyond its shape, what a
 * round of Plenum cannot be: a quorum outside 0-100 %, a majority outside (0, 1], no question, an amendment asked
 * twice, a preferential question without "keep the current text" first.
 */
export function roundProblems(round: unknown): string[] {
  if (!isRecord(round)) return ['The board has no round definition.'];
  const problems: string[] = [];
  if (typeof round.id !== 'string') problems.push('The round has no id.');
  if (!isNumber(round.censusSize)) problems.push('The round has no valid census size.');
  else if (!isCount(round.censusSize)) problems.push(`The round's census size ${round.censusSize} ${COUNT}`);
  if (!isNumber(round.quorumPercent)) problems.push('The round has no valid quorum percentage.');
  else if (round.quorumPercent > 100) {
    problems.push(`The round's quorum of ${round.quorumPercent} % is above 100 %: no turnout can reach it.`);
  } else if (round.quorumPercent < 0) problems.push(`The round's quorum of ${round.quorumPercent} % is below 0 %.`);
  problems.push(...timeProblems(round));
  problems.push(...censusProblems(round));
  problems.push(...countingProblems(round.counting));
  if (!Array.isArray(round.questions)) return [...problems, 'The round has no list of questions.'];
  if (round.questions.length === 0) problems.push('The round has no questions.');
  const ids = new Set<string>();
  /** Which question asks about each amendment (a yes/no question, or an alternative of a preferential one). */
  const askedBy = new Map<string, string>();
  const ask = (amendmentId: unknown, question: string) => {
    if (typeof amendmentId !== 'string' || amendmentId === KEEP_CURRENT) return;
    const first = askedBy.get(amendmentId);
    if (first && first !== question) {
      problems.push(`Amendment ${amendmentId} is asked twice in the round (questions ${first} and ${question}).`);
    }
    askedBy.set(amendmentId, question);
  };
  for (const [i, q] of (round.questions as unknown[]).entries()) {
    if (!isRecord(q) || typeof q.id !== 'string') {
      problems.push(`Question number ${i + 1} has no id.`);
      continue;
    }
    if (ids.has(q.id)) problems.push(`Question ${q.id} appears twice in the round.`);
    ids.add(q.id);
    if (q.kind === 'YES_NO') {
      const problem = majorityProblem(q.id, q.majority);
      if (problem) problems.push(problem);
      ask(q.amendmentId, q.id);
    } else if (q.kind === 'PREFERENTIAL') {
      const found = preferentialProblems(q.id, q);
      problems.push(...found);
      if (!found.length) for (const a of q.alternatives as { id: string }[]) ask(a.id, q.id);
    } else {
      problems.push(`Question ${q.id} has an unknown kind ${show(q.kind)}.`);
    }
  }
  return problems;
}
