/**
 * The published ballot board: canonical answers, tracking codes and answer validation (a whole board is checked by
 * ./verify-board.ts). Pure except for node:crypto.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Answers, QuestionDefinition, Ranking, RoundDefinition, YesNoAnswer } from './types.ts';

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

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
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
