/**
 * Recounting a published ballot board, as anyone can (`npm run plenum -- verify-tally <board.json>`): every
 * ballot against the round, every tracking code, then the results field by field. Pure except for node:crypto.
 */
import { BOARD_FORMAT, canonicalAnswers, isRecord, trackingCode, validateAnswers } from './board.ts';
import type { AnswerError, AnswerErrorKey } from './board.ts';
import { tallyRound } from './tally.ts';
import { CURRENT_COUNTING, KEEP_CURRENT, LEGACY_COUNTING } from './types.ts';
import type {
  Answers,
  CountingRules,
  PreferentialResult,
  RoundDefinition,
  RoundResults,
  YesNoResult,
} from './types.ts';

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

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const close = (a: unknown, b: number) => isNumber(a) && Math.abs(a - b) <= 1e-9;

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const COUNT = 'is not a count (a whole number, 0 or more).';

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
function roundProblems(round: unknown): string[] {
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
