/**
 * Recounting a published ballot board, as anyone can (`npm run plenum -- verify-tally <board.json>`): the round it
 * states (board-round.ts), every ballot against the round, every tracking code, then the results field by field.
 * Pure except for node:crypto.
 */
import { BOARD_FORMAT, canonicalAnswers, isRecord, trackingCode, validateAnswers } from './board.ts';
import type { AnswerError, AnswerErrorKey } from './board.ts';
import { COUNT, isCount, isNumber, roundProblems, show } from './board-round.ts';
import { tallyRound } from './tally.ts';
import type { Answers, PreferentialResult, RoundDefinition, RoundResults, YesNoResult } from './types.ts';

export interface BoardVerification {
  ok: boolean;
  /** Plain English sentences, one per problem found. */
  problems: string[];
  /** The results recounted from the board's ballots, or null when the board is too broken to count. */
  recomputed: RoundResults | null;
  /**
   * What the board's voter roll says: `matches` its size is the number of ballots; `absent` the board does not
   * state it (a round closed before boards did), so that check was not possible; `mismatch` (also a problem).
   */
  roll: 'matches' | 'absent' | 'mismatch' | 'unchecked';
}

const ERROR_WORDS: Record<AnswerErrorKey, string> = {
  'vote.errors.unknownQuestion': 'answers a question that is not in the round',
  'vote.errors.missingAnswer': 'has no answer',
  'vote.errors.badAnswer': 'has an answer of the wrong kind',
  'vote.errors.unknownAlternative': 'ranks an alternative the question does not have',
  'vote.errors.duplicateAlternative': 'ranks an alternative twice',
  'vote.errors.malformedRanking': 'has a malformed ranking',
};

const close = (a: unknown, b: number) => isNumber(a) && Math.abs(a - b) <= 1e-9;

/** Compares published results with recounted ones, field by field. */
function resultProblems(published: unknown, recounted: RoundResults): string[] {
  if (!isRecord(published)) return ['The board has no published results.'];
  const problems: string[] = [];
  /** "Published ballot count 6 but …", or with a question: "Question q2: published winner "a2" but …". */
  const differ = (what: string, was: unknown, is: unknown, question?: string) => {
    const sentence = `published ${what} ${show(was)} but the board gives ${show(is)}.`;
    problems.push(question ? `Question ${question}: ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1));
  };
  /** A published count that no counting gives (negative, fractional): said as such, not only as a difference. */
  const impossible = (what: string, value: unknown, question?: string) => {
    if (!isNumber(value) || isCount(value)) return;
    const sentence = `published ${what} ${value} ${COUNT}`;
    problems.push(question ? `Question ${question}: ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1));
  };
  impossible('census size', published.censusSize);
  impossible('ballot count', published.ballots);
  if (published.censusSize !== recounted.censusSize) differ('census size', published.censusSize, recounted.censusSize);
  if (published.ballots !== recounted.ballots) differ('ballot count', published.ballots, recounted.ballots);
  if (!close(published.turnout, recounted.turnout)) differ('turnout', published.turnout, recounted.turnout);
  if (published.quorumPercent !== recounted.quorumPercent) {
    differ('quorum percentage', published.quorumPercent, recounted.quorumPercent);
  }
  if (published.quorumMet !== recounted.quorumMet) differ('quorum met', published.quorumMet, recounted.quorumMet);
  if (JSON.stringify(published.counting) !== JSON.stringify(recounted.counting)) {
    differ('counting rules', published.counting, recounted.counting);
  }

  const publishedQuestions = Array.isArray(published.questions) ? (published.questions as unknown[]) : null;
  if (!publishedQuestions) return [...problems, 'The published results have no list of questions.'];
  const byId = new Map<string, Record<string, unknown>>();
  for (const q of publishedQuestions) if (isRecord(q) && typeof q.id === 'string') byId.set(q.id, q);
  for (const [id, q] of byId) for (const field of ['yes', 'no', 'abstain', 'ranked']) impossible(field, q[field], id);
  for (const q of publishedQuestions) {
    if (!isRecord(q) || typeof q.id !== 'string' || !recounted.questions.some((r) => r.id === q.id)) {
      problems.push(`The published results hold a question that is not in the round: ${show(isRecord(q) ? q.id : q)}.`);
    }
  }
  for (const result of recounted.questions) {
    const was = byId.get(result.id);
    if (!was) {
      problems.push(`Question ${result.id}: the published results leave it out.`);
      continue;
    }
    if (was.kind !== result.kind) {
      differ('kind', was.kind, result.kind, result.id);
      continue;
    }
    const fields: (keyof YesNoResult | keyof PreferentialResult)[] =
      result.kind === 'YES_NO'
        ? ['yes', 'no', 'abstain', 'adopted']
        : ['method', 'alternatives', 'ranked', 'pairwise', 'ranking', 'winner'];
    for (const field of fields) {
      const is = (result as unknown as Record<string, unknown>)[field];
      if (JSON.stringify(was[field]) !== JSON.stringify(is)) differ(field, was[field], is, result.id);
    }
    if (result.kind === 'PREFERENTIAL') {
      const scores = was.scores;
      const same =
        Array.isArray(scores) &&
        scores.length === result.scores.length &&
        result.scores.every((score, i) => close(scores[i], score));
      if (!same) differ('scores', scores, result.scores, result.id);
    }
  }
  return problems;
}

/**
 * Recounts a published board and compares it with its published results: the format, every ballot's answers
 * against the round, every tracking code against its answers and nonce, no code twice, ballots sorted by code,
 * no more ballots than the census, then the recount field by field. Never throws.
 */
export function verifyBoard(board: unknown): BoardVerification {
  const problems: string[] = [];
  let recomputed: RoundResults | null = null;
  let roll: BoardVerification['roll'] = 'unchecked';
  try {
    if (!isRecord(board)) return { ok: false, problems: ['The board is not a JSON object.'], recomputed, roll };
    if (board.format !== BOARD_FORMAT) {
      problems.push(
        board.format === undefined
          ? `The board has no format field (expected "${BOARD_FORMAT}").`
          : `The board's format is ${show(board.format)}, not "${BOARD_FORMAT}".`,
      );
    }
    const broken = roundProblems(board.round);
    if (broken.length > 0) return { ok: false, problems: [...problems, ...broken], recomputed, roll };
    const round = board.round as RoundDefinition;
    if (!Array.isArray(board.ballots)) {
      return { ok: false, problems: [...problems, 'The board has no list of ballots.'], recomputed, roll };
    }

    const counted: { answers: Answers }[] = [];
    const seen = new Map<string, number>();
    let previous: string | null = null;
    let unsorted: string | null = null;
    board.ballots.forEach((ballot: unknown, i) => {
      const code = isRecord(ballot) && typeof ballot.code === 'string' ? ballot.code : null;
      const name = code ? `Ballot ${code}` : `Ballot number ${i + 1}`;
      if (!isRecord(ballot)) {
        problems.push(`${name} is not an object.`);
        counted.push({ answers: {} });
        return;
      }
      const checked = validateAnswers(round, ballot.answers);
      if (!isRecord(ballot.answers)) problems.push(`${name} has no answers.`);
      else if (!checked.ok) {
        const subject = (e: AnswerError) => (e.questionId === null ? 'it' : `question ${e.questionId}`);
        const words = [...new Set(checked.errors.map((e) => `${subject(e)} ${ERROR_WORDS[e.key]}`))];
        problems.push(`${name} is not a valid vote: ${words.join('; ')}.`);
      }
      const answers = checked.ok ? checked.answers : isRecord(ballot.answers) ? (ballot.answers as Answers) : {};
      counted.push({ answers });
      if (code === null) problems.push(`${name} has no tracking code.`);
      if (typeof ballot.nonce !== 'string') problems.push(`${name} has no nonce.`);
      else if (
        code !== null &&
        checked.ok &&
        trackingCode(round.id, canonicalAnswers(round, answers), ballot.nonce) !== code
      ) {
        problems.push(`${name}: the tracking code does not match its answers and nonce.`);
      }
      if (code !== null) {
        seen.set(code, (seen.get(code) ?? 0) + 1);
        if (previous !== null && code < previous) unsorted ??= `${code} comes after ${previous}`;
        previous = code;
      }
    });
    for (const [code, times] of seen) if (times > 1) problems.push(`Tracking code ${code} appears ${times} times.`);
    if (unsorted) problems.push(`The ballots are not sorted by tracking code: ${unsorted}.`);
    if (board.ballots.length > round.censusSize) {
      problems.push(`The board holds ${board.ballots.length} ballots for a census of ${round.censusSize}.`);
    }

    roll = rollCheck(board.roll, board.ballots.length, problems);
    recomputed = tallyRound(round, counted);
    problems.push(...resultProblems(board.results, recomputed));
  } catch (error) {
    problems.push(`The board could not be checked: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return { ok: problems.length === 0, problems, recomputed, roll };
}

/**
 * One roll entry per counted ballot: a board whose roll is larger counts fewer ballots than members voted (some
 * were dropped), a smaller one counts ballots nobody is recorded as casting (some were added). A board without
 * the field (closed before boards stated it) still verifies; the check is reported as not possible.
 */
function rollCheck(roll: unknown, ballots: number, problems: string[]): BoardVerification['roll'] {
  if (roll === undefined) return 'absent';
  const size = isRecord(roll) ? roll.size : undefined;
  if (!isNumber(size) || !isCount(size)) {
    problems.push(`The board's voter roll size ${show(size)} ${COUNT}`);
    return 'mismatch';
  }
  if (size === ballots) return 'matches';
  problems.push(
    `The voter roll holds ${size} ${size === 1 ? 'member' : 'members'} but the board counts ${ballots} ${ballots === 1 ? 'ballot' : 'ballots'}: there must be one ballot per voter.`,
  );
  return 'mismatch';
}
