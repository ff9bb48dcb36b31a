/**
 * The published ballot board: canonical answers, tracking codes, answer validation, and a recount of a whole
 * board that anyone can run (`npm run plenum -- verify-tally <board.json>`). Pure except for node:crypto.
 */
import { createHash, randomBytes } from 'node:crypto';
import { tallyRound } from './tally.ts';
import type {
  Answers,
  PreferentialResult,
  QuestionDefinition,
  Ranking,
  RoundDefinition,
  RoundResults,
  YesNoAnswer,
  YesNoResult,
} from './types.ts';

export const BOARD_FORMAT = 'plenum-board-1';
const CODE_DOMAIN = 'plenum-ballot-1';
/** Crockford's base 32: digits and capitals without I, L, O and U. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const YES_NO_ANSWERS: readonly string[] = ['YES', 'NO', 'ABSTAIN'] satisfies YesNoAnswer[];
/** Most groups plus ids a ranking may hold. */
const MAX_RANKING_ENTRIES = 1000;

type Preferential = Extract<QuestionDefinition, { kind: 'PREFERENTIAL' }>;

/**
 * A ranking in canonical form: empty groups dropped, the ids of a group in the question's alternatives order
 * (ids not among them last, by code unit order).
 */
function normalizeRanking(question: Preferential, ranking: Ranking): Ranking {
  const position = new Map(question.alternatives.map((a, i) => [a.id, i]));
  const rank = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return ranking
    .filter((group) => group.length > 0)
    .map((group) => [...group].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The answers as a deterministic JSON string: `[[questionId, answer], …]` in the round's question order, rankings
 * normalised. A missing preferential answer is the empty ranking; a missing yes/no answer is null.
 */
export function canonicalAnswers(round: RoundDefinition, answers: Answers): string {
  return JSON.stringify(
    round.questions.map((question) => {
      const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (question.kind === 'YES_NO') return [question.id, answer ?? null];
      return [question.id, Array.isArray(answer) ? normalizeRanking(question, answer) : []];
    }),
  );
}

/** 80 bits as 16 Crockford base-32 characters. */
function base32(bytes: Uint8Array): string {
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let out = '';
  for (let i = 15; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

function group4(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * A ballot's tracking code: SHA-256 over `plenum-ballot-1\n<roundId>\n<canonical answers>\n<nonce>`, its first
 * 80 bits in Crockford base 32, as `XXXX-XXXX-XXXX-XXXX`.
 */
export function trackingCode(roundId: string, canonical: string, nonce: string): string {
  const digest = createHash('sha256').update(`${CODE_DOMAIN}\n${roundId}\n${canonical}\n${nonce}`, 'utf8').digest();
  return group4(base32(digest));
}

/** A fresh nonce for a ballot: 16 random bytes, base64url. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** A code as a voter may type it (lower case, spaces, O for 0, I or L for 1) in its published form. */
export function normalizeCode(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return group4(compact);
}

export type AnswerErrorKey =
  | 'vote.errors.unknownQuestion'
  | 'vote.errors.missingAnswer'
  | 'vote.errors.badAnswer'
  | 'vote.errors.unknownAlternative'
  | 'vote.errors.duplicateAlternative'
  | 'vote.errors.malformedRanking';

/** A problem with submitted answers; questionId is null for problems that belong to no question of the round. */
export interface AnswerError {
  questionId: string | null;
  key: AnswerErrorKey;
}

export type ValidatedAnswers = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a ranking's shape and ids: the normalised ranking, or the error keys found. */
function checkRanking(question: Preferential, value: unknown): { ranking: Ranking } | { errors: AnswerErrorKey[] } {
  if (value === undefined || value === null) return { ranking: [] }; // left blank
  if (typeof value === 'string') return { errors: ['vote.errors.badAnswer'] }; // a yes/no answer
  const malformed = { errors: ['vote.errors.malformedRanking' as const] };
  if (!Array.isArray(value) || value.length > MAX_RANKING_ENTRIES) return malformed;
  let entries = value.length;
  for (const group of value) {
    if (!Array.isArray(group) || !group.every((id) => typeof id === 'string')) return malformed;
    entries += group.length;
    if (entries > MAX_RANKING_ENTRIES) return malformed;
  }
  const ranking = value as string[][];
  const known = new Set(question.alternatives.map((a) => a.id));
  const seen = new Set<string>();
  const errors = new Set<AnswerErrorKey>();
  for (const group of ranking) {
    for (const id of group) {
      if (!known.has(id)) errors.add('vote.errors.unknownAlternative');
      else if (seen.has(id)) errors.add('vote.errors.duplicateAlternative');
      seen.add(id);
    }
  }
  return errors.size > 0 ? { errors: [...errors] } : { ranking: normalizeRanking(question, ranking) };
}

/**
 * Validates a ballot's answers against the round. On success the answers hold every question of the round
 * (a blank preferential question as the empty ranking), rankings normalised as in canonicalAnswers. Errors
 * carry message keys the UI translates; an answer to a question that is not in the round, or input that is not
 * an object at all, has questionId null.
 */
export function validateAnswers(round: RoundDefinition, input: unknown): ValidatedAnswers {
  if (!isRecord(input)) return { ok: false, errors: [{ questionId: null, key: 'vote.errors.badAnswer' }] };
  const errors: AnswerError[] = [];
  const questionIds = new Set(round.questions.map((q) => q.id));
  if (Object.keys(input).some((key) => !questionIds.has(key))) {
    errors.push({ questionId: null, key: 'vote.errors.unknownQuestion' });
  }
  const answers: Answers = {};
  for (const question of round.questions) {
    const value = Object.hasOwn(input, question.id) ? input[question.id] : undefined;
    if (question.kind === 'YES_NO') {
      if (value === undefined || value === null)
        errors.push({ questionId: question.id, key: 'vote.errors.missingAnswer' });
      else if (typeof value === 'string' && YES_NO_ANSWERS.includes(value)) answers[question.id] = value as YesNoAnswer;
      else errors.push({ questionId: question.id, key: 'vote.errors.badAnswer' });
    } else {
      const checked = checkRanking(question, value);
      if ('errors' in checked) for (const key of checked.errors) errors.push({ questionId: question.id, key });
      else answers[question.id] = checked.ranking;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

// ---------------------------------------------------------------------------------------------------------------
// Recounting a board

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
