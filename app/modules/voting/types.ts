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

/**
 * The rules a round is counted with (ADR 0021), stated on its board so that a recount needs nothing else.
 * `ties`: how a tie among the method's winners (and further down the ranking) is settled.
 * - `keep-current-then-earliest`: the first listed of the tied alternatives, that is the current text if it is
 *   among them, else the earliest submitted amendment. For Schulze, the tied alternatives are those no remaining
 *   alternative beats by strongest path.
 * - `most-beaten-then-listed` (boards published before ADR 0021): Schulze orders by how many alternatives each
 *   one beats, then by listing; Borda and Dowdall as above.
 * `equalRanks`: the points of alternatives a ballot ranks equal, unranked ones included (equal last).
 * - `average-of-positions`: they share the average of the points of the positions they occupy; a ballot that
 *   ranks every alternative equal (or none) expresses no preference and gives no points.
 * - `best-position-unranked-zero` (before ADR 0021): each gets the points of the best position of its group;
 *   unranked alternatives get nothing.
 */
export interface CountingRules {
  ties: 'keep-current-then-earliest' | 'most-beaten-then-listed';
  equalRanks: 'average-of-positions' | 'best-position-unranked-zero';
}

/** The rules every round is counted with now. */
export const CURRENT_COUNTING: CountingRules = {
  ties: 'keep-current-then-earliest',
  equalRanks: 'average-of-positions',
};
/** The rules of boards that do not state theirs: published before ADR 0021. */
export const LEGACY_COUNTING: CountingRules = {
  ties: 'most-beaten-then-listed',
  equalRanks: 'best-position-unranked-zero',
};

export interface RoundDefinition {
  id: string;
  title: string;
  /** Entitled voters, frozen at opening. */
  censusSize: number;
  /** Minimum turnout, as a percentage of the census (0 = none). */
  quorumPercent: number;
  questions: QuestionDefinition[];
  /** The counting rules; absent on boards published before ADR 0021, which were counted with LEGACY_COUNTING. */
  counting?: CountingRules;
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
  /** Alternative ids, winner first, ties already broken by the round's rule (CountingRules.ties). */
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
  /** The rules the round was counted with (its definition's); absent when counted before ADR 0021. */
  counting?: CountingRules;
}

export interface BoardBallot {
  /** The voter's tracking code: trackingCode(roundId, answers, nonce). */
  code: string;
  /** The random value the code was derived with (public on the board: the code stays unlinked to a voter). */
  nonce: string;
  answers: Answers;
}

/** What a board says of its round besides the definition. */
export interface BoardMeta {
  programSlug: string;
  opensAt: string;
  closesAt: string;
  /** The census rule in words. */
  censusRule: string;
  /** OPEN or REGISTER (ADR 0026); absent on boards of rounds opened before issue 18. */
  censusRuleName?: 'OPEN' | 'REGISTER';
  /** SHA-256 over the sorted salted hashes of the census entries (ADR 0026); absent on older boards. */
  censusCommitment?: string;
}

/** The published ballot board: everything needed to recount. Ballots are sorted by code. */
export interface Board {
  format: 'plenum-board-1';
  round: RoundDefinition & BoardMeta;
  ballots: BoardBallot[];
  results: RoundResults;
  /**
   * The voter roll: how many members voted, which must be the number of ballots (one counted ballot per voter).
   * Absent from boards of rounds closed before it was stated (docs/decisions/0032-voter-roll.md).
   */
  roll?: { size: number };
}
