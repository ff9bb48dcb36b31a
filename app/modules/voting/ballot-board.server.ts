import { createHash } from 'node:crypto';
import type { CensusRule } from '~/generated/prisma/enums.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { BOARD_FORMAT, normalizeCode } from './board.ts';
import { definitionOf, roundDefinition } from './definition.server.ts';
import { tallyRound } from './tally.ts';
import type { Answers, Board, BoardBallot, BoardMeta, RoundDefinition, RoundResults } from './types.ts';

/**
 * A closed round's public ballot board (docs/decisions/0014-secret-verifiable-ballots.md): its text and hash,
 * built the same way at the close and on each download; a tracking code looked up on it; a recount from it.
 * Casting and opening the sealed ballots are in ballots.server.ts.
 */

/** Canonical answers (the text sealed and published) read back as answers. */
export function answersOf(canonical: string): Answers {
  return Object.fromEntries(JSON.parse(canonical) as [string, Answers[string] | null][]) as Answers;
}

function sha256(text: string) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The SHA-256 of a round's board as it will be published, from the ballots opened at its close (inside the
 * close's transaction): the same text `boardOf` serves afterwards.
 */
export async function closingBoardSha256(
  tx: Tx,
  definition: RoundDefinition,
  ballots: { code: string; nonce: string; answers: string }[],
  results: RoundResults,
  rollSize: number,
): Promise<string> {
  const meta = await boardMeta(tx, definition.id);
  return sha256(boardText(definition, ballots, results, meta, rollSize));
}

async function boardMeta(tx: Tx, roundId: string) {
  return metaOf(
    await tx.votingRound.findUniqueOrThrow({
      where: { id: roundId },
      select: {
        opensAt: true,
        closesAt: true,
        censusJoinedBefore: true,
        censusRule: true,
        censusCommitment: true,
        program: { select: { slug: true } },
      },
    }),
  );
}

function metaOf(round: CensusFacts & { opensAt: Date; closesAt: Date; program: { slug: string } }): BoardMeta {
  return {
    programSlug: round.program.slug,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    censusRule: censusRule(round),
    // Rounds opened before issue 18 have neither: their boards stay byte for byte what they were (and verify).
    censusRuleName: round.censusRule ?? undefined,
    censusCommitment: round.censusCommitment ?? undefined,
  };
}

/** What a round records of its census rule. */
type CensusFacts = { censusJoinedBefore: Date; censusRule: CensusRule | null; censusCommitment: string | null };

/** The census rule as the board states it (and the open data API repeats it): ADR 0026. */
export function censusRule(round: Pick<CensusFacts, 'censusJoinedBefore' | 'censusRule'>): string {
  if (round.censusRule === 'REGISTER') {
    return "Members of the movement's register in good standing on the day the round opened (listed, not lapsed, membership running to that day or later), whose account's email address was verified when the round opened.";
  }
  return `Members whose email address was verified when the round opened and who joined before ${round.censusJoinedBefore.toISOString()}.`;
}

/**
 * The board as published: one JSON text, built the same way at the close (for its hash) and on each download.
 * Keys in a fixed order; ballots sorted by code.
 */
function boardText(
  definition: RoundDefinition,
  ballots: { code: string; nonce: string; answers: string }[],
  results: RoundResults,
  meta: BoardMeta,
  /** Null for a round closed before boards stated it: its board stays the one whose hash was published. */
  rollSize: number | null,
): string {
  const round = { ...definition, ...meta };
  const board: Board = {
    format: BOARD_FORMAT,
    round,
    ballots: ballots.map((b): BoardBallot => ({ code: b.code, nonce: b.nonce, answers: answersOf(b.answers) })),
    results,
    ...(rollSize === null ? {} : { roll: { size: rollSize } }),
  };
  return stableStringify(board);
}

/** JSON with object keys sorted at every level: the same text whatever order the database returns keys in. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The published board of a closed round, as JSON text, and its SHA-256; null before the close. */
export async function boardOf(roundId: string): Promise<{ text: string; sha256: string } | null> {
  // One read of the round, its questions and its program: the definition and the metadata come from it (four
  // statements in all, ballots included: the open data API serves the board within the query budget).
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    include: { questions: { orderBy: { position: 'asc' } }, program: { select: { slug: true } } },
  });
  if (!round || round.status !== 'CLOSED' || !round.results) return null;
  const ballots = await db().$queryRaw<{ code: string; nonce: string; answers: string }[]>`
    SELECT code, nonce, answers FROM "Ballot" WHERE "roundId" = ${roundId} ORDER BY code COLLATE "C"`;
  const results = round.results as unknown as RoundResults;
  const text = boardText(definitionOf(round), ballots, results, metaOf(round), round.rollSize);
  return { text, sha256: sha256(text) };
}

/** Looks a tracking code up on a closed round's board: the answers it carries, or null when it is not there. */
export async function findCode(roundId: string, input: string): Promise<Answers | null> {
  const code = normalizeCode(input);
  const row = await db().ballot.findFirst({ where: { roundId, code }, select: { answers: true } });
  return row?.answers ? answersOf(row.answers) : null;
}

/**
 * Recounts a closed round from the ballots stored on its board, as the results page could at any time: identical
 * ballots are grouped by the database (canonical answers make equal ballots equal text), then counted here.
 */
export async function recountFromDatabase(roundId: string): Promise<RoundResults> {
  const definition = await roundDefinition(db(), roundId);
  const groups = await db().$queryRaw<{ answers: string; n: number }[]>`
    SELECT answers, count(*)::int AS n FROM "Ballot" WHERE "roundId" = ${roundId} AND answers IS NOT NULL
    GROUP BY answers`;
  const ballots: { answers: Answers }[] = [];
  for (const group of groups) {
    const ballot = { answers: answersOf(group.answers) };
    for (let i = 0; i < group.n; i++) ballots.push(ballot);
  }
  return tallyRound(definition, ballots);
}
