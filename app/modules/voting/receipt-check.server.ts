import { t, type Locale } from '~/i18n/index.ts';
import { db } from '~/utils/db.server.ts';
import { boardOf } from './ballot-board.server.ts';
import { normalizeCode } from './board.ts';
import type { Answers, RoundDefinition } from './types.ts';

/**
 * An arbiter's check of a receipt (`plenum -- check-receipt <round> <receipt>`, ADR 0040): is this tracking code
 * on the round's published ballot board, and with which answers? The board read is the one `board.json` serves,
 * byte for byte, so its SHA-256 can be compared with the one the round's page publishes. Read-only; no policy:
 * the board is public once the round is counted, and the command line is the operator's.
 */

/** A tracking code as published: four groups of four Crockford base-32 characters. */
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** What the check found. `unknown-round`, `not-counted` and `malformed` say that it could not be checked. */
export type ReceiptCheck =
  | { outcome: 'unknown-round'; round: string }
  | { outcome: 'not-counted'; title: string }
  | { outcome: 'malformed'; code: string }
  | {
      outcome: 'on-board' | 'not-on-board';
      title: string;
      code: string;
      /** Ballots on the board, and its SHA-256 (as the round's page publishes it). */
      ballots: number;
      sha256: string;
      /** On the board: each question and the answer recorded, in words. */
      answers: { question: string; answer: string }[];
    };

/** The round's id from an id or the address of one of its pages (`.../rounds/<id>/...`). */
export function roundIdOf(input: string): string {
  const trimmed = input.trim();
  return /\/rounds\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
}

/** Checks a receipt's tracking code against a round's published board. */
export async function checkReceipt(roundInput: string, receipt: string): Promise<ReceiptCheck> {
  const roundId = roundIdOf(roundInput);
  const round = await db().votingRound.findUnique({ where: { id: roundId }, select: { title: true } });
  if (!round) return { outcome: 'unknown-round', round: roundInput };
  const code = normalizeCode(receipt);
  if (!CODE.test(code)) return { outcome: 'malformed', code: receipt };
  const published = await boardOf(roundId);
  if (!published) return { outcome: 'not-counted', title: round.title };
  const board = JSON.parse(published.text) as {
    round: RoundDefinition;
    ballots: { code: string; answers: Answers }[];
  };
  const ballot = board.ballots.find((b) => b.code === code);
  return {
    outcome: ballot ? 'on-board' : 'not-on-board',
    title: round.title,
    code,
    ballots: board.ballots.length,
    sha256: published.sha256,
    answers: ballot ? answersInWords(board.round, ballot.answers, 'en') : [],
  };
}

/** A ballot's answers in words, question by question, as the board page shows them. */
export function answersInWords(round: RoundDefinition, answers: Answers, locale: Locale) {
  return round.questions.map((q) => {
    const answer = answers[q.id];
    if (q.kind === 'YES_NO') {
      const key = answer === 'YES' ? 'vote.yes' : answer === 'NO' ? 'vote.no' : 'vote.abstain';
      return { question: q.title, answer: t(locale, key) };
    }
    const label = (id: string) => q.alternatives.find((a) => a.id === id)?.label ?? id;
    const ranking = Array.isArray(answer) && answer.length ? answer : null;
    return {
      question: q.title,
      answer: ranking ? ranking.map((group) => group.map(label).join(' = ')).join(' > ') : t(locale, 'vote.blank'),
    };
  });
}
