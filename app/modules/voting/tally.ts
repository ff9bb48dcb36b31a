/**
 * Counting a whole round from its ballots. Pure: the same function counts at closing and recounts from the
 * published ballot board. Preferential questions are counted by ./preferential.ts (see its tie-break rule).
 */
import { borda, countRanked, dowdall, schulze } from './preferential.ts';
import type {
  Answers,
  Majority,
  PreferentialMethod,
  PreferentialResult,
  QuestionDefinition,
  Ranking,
  RoundDefinition,
  RoundResults,
  YesNoResult,
} from './types.ts';

const METHODS = { SCHULZE: schulze, BORDA: borda, DOWDALL: dowdall } satisfies Record<PreferentialMethod, unknown>;

/**
 * Whether `ballots` reach `quorumPercent` % of `censusSize`. The percentage is scaled to thousandths and
 * rounded, so that 12.5 % compares in whole numbers (no floating-point near-misses).
 */
export function quorumReached(ballots: number, censusSize: number, quorumPercent: number): boolean {
  if (!(quorumPercent > 0)) return true;
  return ballots * 100_000 >= Math.round(quorumPercent * 1000) * censusSize;
}

/** More yes than no, and for a qualified majority yes ≥ numerator/denominator of yes + no. */
export function majorityReached(majority: Majority, yes: number, no: number): boolean {
  if (yes <= no) return false;
  if (majority.kind === 'SIMPLE') return true;
  return yes * majority.denominator >= majority.numerator * (yes + no);
}

function tallyYesNo(
  question: Extract<QuestionDefinition, { kind: 'YES_NO' }>,
  ballots: { answers: Answers }[],
  quorumMet: boolean,
): YesNoResult {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const ballot of ballots) {
    const answer = ballot.answers?.[question.id];
    if (answer === 'YES') yes++;
    else if (answer === 'NO') no++;
    else abstain++; // ABSTAIN, or no answer at all
  }
  const adopted = quorumMet && majorityReached(question.majority, yes, no);
  return { id: question.id, kind: 'YES_NO', yes, no, abstain, adopted };
}

function tallyPreferential(
  question: Extract<QuestionDefinition, { kind: 'PREFERENTIAL' }>,
  ballots: { answers: Answers }[],
  quorumMet: boolean,
): PreferentialResult {
  const alternatives = question.alternatives.map((a) => a.id);
  const rankings = ballots.map((ballot): Ranking => {
    const answer = ballot.answers?.[question.id];
    return Array.isArray(answer) ? answer : [];
  });
  const { pairwise, scores, ranking } = METHODS[question.method](alternatives, rankings);
  return {
    id: question.id,
    kind: 'PREFERENTIAL',
    method: question.method,
    alternatives,
    pairwise,
    scores,
    ranking,
    // With no ballot at all the tie-break still names alternatives[0], "keep the current text".
    winner: quorumMet ? (ranking[0] ?? null) : null,
    ranked: countRanked(alternatives, rankings),
  };
}

/** Counts a round: turnout, quorum, then each question in the round's order. */
export function tallyRound(round: RoundDefinition, ballots: { answers: Answers }[]): RoundResults {
  const count = ballots.length;
  const quorumMet = quorumReached(count, round.censusSize, round.quorumPercent);
  return {
    censusSize: round.censusSize,
    ballots: count,
    turnout: round.censusSize > 0 ? count / round.censusSize : 0,
    quorumPercent: round.quorumPercent,
    quorumMet,
    questions: round.questions.map((question) =>
      question.kind === 'YES_NO'
        ? tallyYesNo(question, ballots, quorumMet)
        : tallyPreferential(question, ballots, quorumMet),
    ),
  };
}
