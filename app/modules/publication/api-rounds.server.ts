import { canReadRound, canReadRounds, canSeeResults } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';

import { boardOf, censusRule } from '../voting/ballot-board.server.ts';
import { quorumNeeded } from '../voting/thresholds.ts';
import { settleRound } from '../voting/round-clock.server.ts';
import type { RoundResults } from '../voting/types.ts';
import { hasPublishedVersion } from '../amendments/published.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { OPEN_DATA_MAX_AGE, OpenDataError, openDataDocument, type OpenDataDocument } from '~/utils/open-data.server.ts';

/**
 * The open data API's voting rounds (docs/api.md): a closed round's results and its ballot board, as the public
 * reads them (actor null, whoever asks; not found until the close, and for what the public may not read). The
 * programs and their versions are api.server.ts.
 */

const ID = /^[a-z2-7]{16}$/;

function checkRoundId(id: string): void {
  if (!ID.test(id)) throw new NotFoundError('round');
}

/**
 * A round the public may read. One whose time has come is opened or closed now, as its page does on reading
 * (the server's sweep otherwise does it within 15 s).
 */
async function publicRound<T extends RoundFacts>(roundId: string, read: () => Promise<T | null>): Promise<T> {
  checkRoundId(roundId);
  let round = await read();
  if (!round) throw new NotFoundError(`round ${roundId}`);
  // A closed round is public record once the program is known (canReadRound): asked about the program's versions
  // only when its draft is closed to the public. Other rounds go with the draft: not found.
  const program = {
    ...round.program,
    published: !canReadRounds(null, round.program) && (await hasPublishedVersion(db(), round.program.id)),
  };
  if (!canReadRound(null, program, { status: 'CLOSED' })) throw new NotFoundError(`round ${roundId}`);
  const now = new Date();
  if ((round.status === 'OPEN' && round.closesAt <= now) || (round.status === 'SCHEDULED' && round.opensAt <= now)) {
    await settleRound(roundId, now);
    round = (await read()) ?? round;
  }
  if (!canReadRound(null, program, round)) throw new NotFoundError(`round ${roundId}`);
  return round;
}

type RoundFacts = {
  status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  opensAt: Date;
  closesAt: Date;
  program: { id: string; slug: string; phase: Parameters<typeof canReadRounds>[1]['phase']; draftIsPublic: boolean };
};

const FACTS = {
  status: true,
  opensAt: true,
  closesAt: true,
  program: { select: { id: true, slug: true, phase: true, draftIsPublic: true } },
} as const;

/** A yes/no question's majority for the API: the fraction of the yes and no votes, and the rule in English. */
function majorityInWords(numerator: number, denominator: number) {
  const simple = numerator * 2 === denominator;
  return {
    numerator,
    denominator,
    of: 'YES_AND_NO',
    rule: simple
      ? 'More yes than no; abstentions are not counted.'
      : `At least ${numerator}/${denominator} of the yes and no votes, and more yes than no; abstentions are not counted.`,
  };
}

/** GET /api/v1/rounds/<id>/results: a closed round's results, rules and questions; 404 until the close. */
export async function roundResultsDocument(roundId: string): Promise<OpenDataDocument> {
  const round = await publicRound(roundId, () =>
    db().votingRound.findUnique({
      where: { id: roundId },
      select: {
        ...FACTS,
        id: true,
        number: true,
        title: true,
        openedAt: true,
        closedAt: true,
        quorumPercent: true,
        majorityNumerator: true,
        majorityDenominator: true,
        method: true,
        censusJoinedBefore: true,
        censusSize: true,
        censusRule: true,
        censusCommitment: true,
        results: true,
        boardSha256: true,
        questions: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            kind: true,
            title: true,
            amendmentId: true,
            alternatives: true,
            majorityNumerator: true,
            majorityDenominator: true,
          },
        },
      },
    }),
  );
  if (!canSeeResults(round) || !round.results) {
    throw new OpenDataError(404, 'Results are published when the round closes.');
  }
  const slug = round.program.slug;
  return openDataDocument(
    {
      round: {
        id: round.id,
        number: round.number,
        title: round.title,
        program: slug,
        status: round.status,
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        openedAt: round.openedAt?.toISOString() ?? null,
        closedAt: round.closedAt?.toISOString() ?? null,
        quorumPercent: round.quorumPercent,
        quorumNeeded: quorumNeeded(round.censusSize ?? 0, round.quorumPercent),
        majority: { numerator: round.majorityNumerator, denominator: round.majorityDenominator },
        method: round.method,
        census: {
          size: round.censusSize ?? 0,
          joinedBefore: round.censusJoinedBefore.toISOString(),
          rule: censusRule(round),
          ruleName: round.censusRule,
          commitment: round.censusCommitment,
        },
        boardSha256: round.boardSha256,
      },
      questions: round.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        title: q.title,
        amendmentId: q.amendmentId,
        alternatives: (q.alternatives as { id: string; label: string }[] | null) ?? [],
        // The question's own majority, which its count used (the round's `majority` is only the default).
        majority: q.kind === 'YES_NO' ? majorityInWords(q.majorityNumerator, q.majorityDenominator) : null,
      })),
      results: round.results as unknown as RoundResults,
      links: {
        html: `/p/${slug}/rounds/${round.id}`,
        board: `/api/v1/rounds/${round.id}/board`,
        program: `/api/v1/programs/${slug}`,
      },
    },
    OPEN_DATA_MAX_AGE.immutable,
  );
}

/**
 * GET /api/v1/rounds/<id>/board: the ballot board, exactly as published (so its SHA-256 is the one the round
 * shows, and `npm run plenum -- verify-tally` recounts it); 404 until the close. Five statements: the program's
 * facts in one, then the board's four.
 */
export async function roundBoardDocument(roundId: string): Promise<OpenDataDocument> {
  checkRoundId(roundId);
  const program = await db().program.findFirst({
    where: { rounds: { some: { id: roundId } } },
    select: { id: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`round ${roundId}`);
  // The board exists only once the round is closed, and a closed round is public once the program is known.
  const published = !canReadRounds(null, program) && (await hasPublishedVersion(db(), program.id));
  if (!canReadRound(null, { ...program, published }, { status: 'CLOSED' })) throw new NotFoundError(`round ${roundId}`);
  let board = await boardOf(roundId);
  if (!board) {
    // Not closed: perhaps its time has come and the sweep has not run yet.
    const round = await publicRound(roundId, () =>
      db().votingRound.findUnique({ where: { id: roundId }, select: FACTS }),
    );
    if (round.status === 'CLOSED') board = await boardOf(roundId);
  }
  if (!board) throw new OpenDataError(404, 'The ballot board is published when the round closes.');
  return {
    body: board.text,
    etag: board.sha256,
    maxAge: OPEN_DATA_MAX_AGE.immutable,
    headers: { 'X-Board-SHA256': board.sha256 },
  };
}
