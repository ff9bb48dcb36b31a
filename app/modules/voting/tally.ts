/**
 * Counting a whole round from its ballots. Pure: the same function counts at closing and recounts from the
 * published ballot board. Preferential questions are counted by ./preferential.ts (its rules: ADR 0021).
 */
import { borda, countRanked, dowdall, schulze } from './preferential.ts';
import { majorityReached, quorumReached } from './thresholds.ts';
import { LEGACY_COUNTING } from './types.ts';
import type {
  Answers,
  CountingRules,
  PreferentialMethod,
  PreferentialResult,
  QuestionDefinition,
  Ranking,
  RoundDefinition,
  RoundResults,
  YesNoResult,
} from './types.ts';

const METHODS = { SCHULZE: schulze, BORDA: borda, DOWDALL: dowdall } satisfies Record<PreferentialMethod, unknown>;

export { majorityReached, quorumReached } from './thresholds.ts';

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
  rules: CountingRules,
): PreferentialResult {
  const alternatives = question.alternatives.map((a) => a.id);
  const rankings = ballots.map((ballot): Ranking => {
    const answer = ballot.answers?.[question.id];
    return Array.isArray(answer) ? answer : [];
  });
  const { pairwise, scores, ranking } = METHODS[question.method](alternatives, rankings, rules);
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

/**
 * Counts a round: turnout, quorum, then each question in the round's order, with the rules the round states
 * (a round that states none is a board published before ADR 0021, counted with the legacy rules).
 */
export function tallyRound(round: RoundDefinition, ballots: { answers: Answers }[]): RoundResults {
  const rules = round.counting ?? LEGACY_COUNTING;
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
        : tallyPreferential(question, ballots, quorumMet, rules),
    ),
    counting: round.counting,
  };
}
