/**
 * Recounting a published ballot board, as anyone can (`npm run plenum -- verify-tally <board.json>`): every
 * ballot against the round, every tracking code, then the results field by field. Pure except for node:crypto.
 */
import { BOARD_FORMAT, canonicalAnswers, isRecord, trackingCode, validateAnswers } from './board.ts';
import type { AnswerError, AnswerErrorKey } from './board.ts';
import { tallyRound } from './tally.ts';
import type { Answers, PreferentialResult, RoundDefinition, RoundResults, YesNoResult } from './types.ts';

export interface BoardVerification {
  ok: boolean;
  /** Plain English sentences, one per problem found. */
  problems: string[];
  /** The results recounted from the board's ballots, or null when the board is too broken to count. */
  recomputed: RoundResults | null;
}

const ERROR_WORDS: Record<AnswerErrorKey, string> = {
  'vote.errors.unknownQuestion': 'answers a question that is not in the round',
  'vote.errors.missingAnswer': 'has no answer',
  'vote.errors.badAnswer': 'has an answer of the wrong kind',
  'vote.errors.unknownAlternative': 'ranks an alternative the question does not have',
  'vote.errors.duplicateAlternative': 'ranks an alternative twice',
  'vote.errors.malformedRanking': 'has a malformed ranking',
};

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const close = (a: unknown, b: number) => isNumber(a) && Math.abs(a - b) <= 1e-9;

/** What is wrong with the round's definition, in sentences (empty when it can be counted). */
function roundProblems(round: unknown): string[] {
  if (!isRecord(round)) return ['The board has no round definition.'];
  const problems: string[] = [];
  if (typeof round.id !== 'string') problems.push('The round has no id.');
  if (!isNumber(round.censusSize) || round.censusSize < 0) problems.push('The round has no valid census size.');
  if (!isNumber(round.quorumPercent)) problems.push('The round has no valid quorum percentage.');
  if (!Array.isArray(round.questions)) return [...problems, 'The round has no list of questions.'];
  const ids = new Set<string>();
  for (const [i, q] of (round.questions as unknown[]).entries()) {
    if (!isRecord(q) || typeof q.id !== 'string') {
      problems.push(`Question number ${i + 1} has no id.`);
      continue;
    }
    if (ids.has(q.id)) problems.push(`Question ${q.id} appears twice in the round.`);
    ids.add(q.id);
    if (q.kind === 'YES_NO') {
      const m = q.majority;
      const valid =
        isRecord(m) &&
        (m.kind === 'SIMPLE' || (m.kind === 'QUALIFIED' && isNumber(m.numerator) && isNumber(m.denominator)));
      if (!valid) problems.push(`Question ${q.id} has no valid majority rule.`);
    } else if (q.kind === 'PREFERENTIAL') {
      if (!['SCHULZE', 'BORDA', 'DOWDALL'].includes(q.method as string)) {
        problems.push(`Question ${q.id} has an unknown counting method ${show(q.method)}.`);
      }
      const alternatives: unknown = q.alternatives;
      if (!Array.isArray(alternatives) || !alternatives.every((a) => isRecord(a) && typeof a.id === 'string')) {
        problems.push(`Question ${q.id} has no valid list of alternatives.`);
      } else if (new Set(alternatives.map((a: { id: string }) => a.id)).size !== alternatives.length) {
        problems.push(`Question ${q.id} lists an alternative twice.`);
      }
    } else {
      problems.push(`Question ${q.id} has an unknown kind ${show(q.kind)}.`);
    }
  }
  return problems;
}

/** Compares published results with recounted ones, field by field. */
function resultProblems(published: unknown, recounted: RoundResults): string[] {
  if (!isRecord(published)) return ['The board has no published results.'];
  const problems: string[] = [];
  /** "Published ballot count 6 but …", or with a question: "Question q2: published winner "a2" but …". */
  const differ = (what: string, was: unknown, is: unknown, question?: string) => {
    const sentence = `published ${what} ${show(was)} but the board gives ${show(is)}.`;
    problems.push(question ? `Question ${question}: ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1));
  };
  if (published.censusSize !== recounted.censusSize) differ('census size', published.censusSize, recounted.censusSize);
  if (published.ballots !== recounted.ballots) differ('ballot count', published.ballots, recounted.ballots);
  if (!close(published.turnout, recounted.turnout)) differ('turnout', published.turnout, recounted.turnout);
  if (published.quorumPercent !== recounted.quorumPercent) {
    differ('quorum percentage', published.quorumPercent, recounted.quorumPercent);
  }
  if (published.quorumMet !== recounted.quorumMet) differ('quorum met', published.quorumMet, recounted.quorumMet);

  const publishedQuestions = Array.isArray(published.questions) ? (published.questions as unknown[]) : null;
  if (!publishedQuestions) return [...problems, 'The published results have no list of questions.'];
  const byId = new Map<string, Record<string, unknown>>();
  for (const q of publishedQuestions) if (isRecord(q) && typeof q.id === 'string') byId.set(q.id, q);
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
  try {
    if (!isRecord(board)) return { ok: false, problems: ['The board is not a JSON object.'], recomputed };
    if (board.format !== BOARD_FORMAT) {
      problems.push(
        board.format === undefined
          ? `The board has no format field (expected "${BOARD_FORMAT}").`
          : `The board's format is ${show(board.format)}, not "${BOARD_FORMAT}".`,
      );
    }
    const broken = roundProblems(board.round);
    if (broken.length > 0) return { ok: false, problems: [...problems, ...broken], recomputed };
    const round = board.round as RoundDefinition;
    if (!Array.isArray(board.ballots)) {
      return { ok: false, problems: [...problems, 'The board has no list of ballots.'], recomputed };
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

    recomputed = tallyRound(round, counted);
    problems.push(...resultProblems(board.results, recomputed));
  } catch (error) {
    problems.push(`The board could not be checked: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return { ok: problems.length === 0, problems, recomputed };
}
