/**
 * The shapes a voting round is counted from. They are what the published ballot board holds, so that anyone can
 * recount a round from the board alone (`npm run plenum -- verify-tally <board.json>`): nothing here refers to
 * the database.
 */

export type PreferentialMethod = 'SCHULZE' | 'BORDA' | 'DOWDALL';
export type YesNoAnswer = 'YES' | 'NO' | 'ABSTAIN';
/** A ranking: groups of alternative ids, best first; ids in one group are ranked equal; unranked ids are equal last. */
export type Ranking = string[][];
/** One ballot's answers, by question id. */
export type Answers = Record<string, YesNoAnswer | Ranking>;

/** SIMPLE: more yes than no. QUALIFIED: yes is at least numerator/denominator of yes + no (and more than no). */
export type Majority = { kind: 'SIMPLE' } | { kind: 'QUALIFIED'; numerator: number; denominator: number };

export type QuestionDefinition =
  | { id: string; kind: 'YES_NO'; title: string; amendmentId: string; majority: Majority }
  | {
      id: string;
      kind: 'PREFERENTIAL';
      title: string;
      method: PreferentialMethod;
      /** In tie-break order: KEEP_CURRENT first, then the amendments by submission date. */
      alternatives: { id: string; label: string }[];
    };

/** "Keep the current text": always an alternative of a preferential question. */
export const KEEP_CURRENT = 'keep';

export interface RoundDefinition {
  id: string;
  title: string;
  /** Entitled voters, frozen at opening. */
  censusSize: number;
  /** Minimum turnout, as a percentage of the census (0 = none). */
  quorumPercent: number;
  questions: QuestionDefinition[];
}

export interface YesNoResult {
  id: string;
  kind: 'YES_NO';
  yes: number;
  no: number;
  abstain: number;
  adopted: boolean;
}

export interface PreferentialResult {
  id: string;
  kind: 'PREFERENTIAL';
  method: PreferentialMethod;
  /** Alternative ids in the question's order. */
  alternatives: string[];
  /** pairwise[i][j]: ballots ranking alternative i strictly above alternative j. */
  pairwise: number[][];
  /**
   * Aligned with `alternatives`. SCHULZE: how many alternatives each one beats by strongest path; BORDA and
   * DOWDALL: each alternative's score (Dowdall as a decimal). See ./preferential.ts.
   */
  scores: number[];
  /** Alternative ids, winner first, ties already broken by the documented rule (earlier in `alternatives` first). */
  ranking: string[];
  /** The winner, or null when the quorum was not met. */
  winner: string | null;
  /** Ballots that ranked at least one alternative. */
  ranked: number;
}

export interface RoundResults {
  censusSize: number;
  ballots: number;
  /** ballots / censusSize, 0..1 (0 when the census is empty). */
  turnout: number;
  quorumPercent: number;
  quorumMet: boolean;
  questions: (YesNoResult | PreferentialResult)[];
}

export interface BoardBallot {
  /** The voter's tracking code: trackingCode(roundId, answers, nonce). */
  code: string;
  /** The random value the code was derived with (public on the board: the code stays unlinked to a voter). */
  nonce: string;
  answers: Answers;
}

/** The published ballot board: everything needed to recount. Ballots are sorted by code. */
export interface Board {
  format: 'plenum-board-1';
  round: RoundDefinition & { programSlug: string; opensAt: string; closesAt: string; censusRule: string };
  ballots: BoardBallot[];
  results: RoundResults;
}
