import { db } from '~/utils/db.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { applyAdopted } from '../amendments/application.server.ts';
import { destroyRoundKey, keptRoundKeys } from './keys.server.ts';
import { closeRound } from './round-closing.server.ts';
import { openRound } from './round-opening.server.ts';

/*
 * The rounds' clock: a round opens and closes when its time comes, at the sweep of the jobs (server/jobs.ts) or
 * earlier when someone reads it.
 */

/**
 * Opens or closes one round whose time has come (its page, or the API, reading it between two sweeps): only
 * that round, not the whole sweep.
 */
export async function settleRound(roundId: string, now = new Date()): Promise<void> {
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    select: { status: true, opensAt: true, closesAt: true },
  });
  const due =
    round &&
    ((round.status === 'SCHEDULED' && round.opensAt <= now) || (round.status === 'OPEN' && round.closesAt <= now));
  if (!due) return;
  try {
    await openRound(roundId, now);
    await closeRound(roundId, now);
  } catch (error) {
    logger.warn('a voting round could not be opened or closed on reading', { roundId, error });
  }
}

/** Opens and closes the rounds whose time has come, and destroys keys left over by an interrupted close. */
export async function openAndCloseDue(now = new Date()): Promise<void> {
  const due = await db().votingRound.findMany({
    where: {
      OR: [
        { status: 'SCHEDULED', opensAt: { lte: now } },
        { status: 'OPEN', closesAt: { lte: now } },
      ],
    },
    select: { id: true, status: true },
    orderBy: { opensAt: 'asc' },
  });
  for (const round of due) {
    try {
      if (round.status === 'SCHEDULED') await openRound(round.id, now);
      // A round may open and close in the same sweep when both times have passed.
      await closeRound(round.id, now);
    } catch (error) {
      logger.error('a voting round could not be opened or closed', { roundId: round.id, error });
    }
  }
  await applyAdopted().catch((error: unknown) => logger.error('applying adopted amendments failed', { error }));
  // Keys left by a close interrupted after its commit, or still cached here after another instance closed the
  // round: only a CLOSED (or vanished) round's key goes. A round being opened is still SCHEDULED until its
  // transaction commits, and its new key must stay.
  const kept = await keptRoundKeys();
  if (kept.length) {
    const live = new Set(
      (
        await db().votingRound.findMany({
          where: { id: { in: kept }, status: { in: ['OPEN', 'SCHEDULED'] } },
          select: { id: true },
        })
      ).map((r) => r.id),
    );
    for (const id of kept) if (!live.has(id)) await destroyRoundKey(id);
  }
}
