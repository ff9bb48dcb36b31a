import { db } from '~/utils/db.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { applyAdopted } from '../amendments/application.server.ts';
import { assertMove } from '../amendments/lifecycle.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { closeBallots } from './ballots.server.ts';
import { destroyRoundKey } from './keys.server.ts';
import { roundDefinition } from './definition.server.ts';
import { KEEP_CURRENT } from './types.ts';

/**
 * Closes an open round whose time has come: opens and counts its ballots, publishes the results and the board,
 * adopts or rejects each amendment, unlocks the sections and destroys the round's key. Idempotent.
 */
export async function closeRound(roundId: string, now = new Date()): Promise<void> {
  const closed = await db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "VotingRound" WHERE id = ${roundId} FOR UPDATE`;
      const round = await tx.votingRound.findUnique({ where: { id: roundId } });
      if (!round || round.status !== 'OPEN' || round.closesAt > now) return false;
      const definition = await roundDefinition(tx, roundId);
      const { results, rollSize, boardSha256 } = await closeBallots(tx, definition);
      await tx.votingRound.update({
        where: { id: roundId },
        data: {
          status: 'CLOSED',
          closedAt: now,
          results: JSON.parse(JSON.stringify(results)) as object,
          boardSha256,
          rollSize,
        },
      });
      // Each amendment is adopted or rejected; a collision group's winner is adopted (unless the current text won).
      for (const [i, question] of definition.questions.entries()) {
        const result = results.questions[i]!;
        const outcome =
          question.kind === 'YES_NO' && result.kind === 'YES_NO'
            ? [{ id: question.amendmentId, adopted: result.adopted }]
            : question.kind === 'PREFERENTIAL' && result.kind === 'PREFERENTIAL'
              ? question.alternatives
                  .filter((a) => a.id !== KEEP_CURRENT)
                  .map((a) => ({ id: a.id, adopted: result.winner === a.id }))
              : [];
        for (const { id, adopted } of outcome) {
          assertMove('IN_VOTE', adopted ? 'ADOPTED' : 'REJECTED');
          await tx.amendment.update({ where: { id }, data: { status: adopted ? 'ADOPTED' : 'REJECTED' } });
          await recordAudit(tx, {
            actorId: null,
            action: adopted ? 'amendment.adopted' : 'amendment.rejected',
            targetType: 'Amendment',
            targetId: id,
            data: { roundId },
          });
          await notifyAuthors(tx, id, 'VOTE_RESULT', { decision: adopted ? 'ADOPTED' : 'REJECTED' });
          await notifyFollowers(tx, {
            amendmentId: id,
            kind: 'FOLLOWED_STATUS',
            data: { status: adopted ? 'ADOPTED' : 'REJECTED' },
            skipAuthors: true,
          });
        }
      }
      await tx.section.updateMany({
        where: { lockedByRoundId: roundId },
        data: { lockedAt: null, lockReason: null, lockedByRoundId: null },
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'round.closed',
        targetType: 'VotingRound',
        targetId: roundId,
        data: {
          ballots: results.ballots,
          rollSize,
          censusSize: results.censusSize,
          quorumMet: results.quorumMet,
          boardSha256,
        },
      });
      return true;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  // Once the counted board is stored, nothing needs the key: without it nobody can re-link a ballot.
  if (closed) {
    await destroyRoundKey(roundId);
    // What the members adopted becomes the program's text now (and at the next sweep, if this fails).
    await applyAdopted().catch((error: unknown) => logger.error('applying adopted amendments failed', { error }));
  }
}
