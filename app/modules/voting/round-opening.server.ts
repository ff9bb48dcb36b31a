import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { STANDING } from '../amendments/collisions.server.ts';
import { assertMove } from '../amendments/lifecycle.ts';
import { queueCallToVote } from '../mailing/call-to-vote.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { commitmentOf, freezeCensus } from './census.server.ts';
import { createRoundKey, destroyRoundKey } from './keys.server.ts';
import { KEEP_CURRENT } from './types.ts';

/**
 * Opens a scheduled round whose time has come: its admissible amendments go IN_VOTE (one withdrawn meanwhile
 * drops out), the questions are fixed, the census is frozen, the sections concerned are locked and the round's
 * key is created outside the database. Idempotent: a round already open is left alone.
 */
export async function openRound(roundId: string, now = new Date()): Promise<void> {
  let keyCreated = false;
  try {
    await db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "VotingRound" WHERE id = ${roundId} FOR UPDATE`;
        const round = await tx.votingRound.findUnique({ where: { id: roundId } });
        if (!round || round.status !== 'SCHEDULED' || round.opensAt > now) return;
        await tx.$queryRaw`SELECT id FROM "Amendment" WHERE "programId" = ${round.programId} FOR UPDATE`;
        // A collision group comes whole: competitors declared admissible since the round was created join it.
        // Those not admissible (submitted late, or sent back for an update) cannot be put to the vote yet: they
        // are left out, named in the audit trail, and will be measured against whatever the vote adopts.
        const scheduled = await tx.amendment.findMany({ where: { roundId } });
        const groups = [...new Set(scheduled.flatMap((a) => (a.collisionGroup ? [a.collisionGroup] : [])))];
        if (groups.length) {
          await tx.amendment.updateMany({
            where: {
              programId: round.programId,
              collisionGroup: { in: groups },
              status: 'ADMISSIBLE',
              needsUpdate: false,
              roundId: null,
            },
            data: { roundId },
          });
        }
        const amendments = await tx.amendment.findMany({
          where: { roundId, status: 'ADMISSIBLE', needsUpdate: false },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        });
        const leftOut = groups.length
          ? await tx.amendment.findMany({
              where: {
                programId: round.programId,
                collisionGroup: { in: groups },
                status: { in: [...STANDING] },
                id: { notIn: amendments.map((a) => a.id) },
              },
              select: { id: true },
            })
          : [];
        const dropped = scheduled.filter((a) => !amendments.some((b) => b.id === a.id)).map((a) => a.id);
        await tx.amendment.updateMany({
          where: { roundId, id: { notIn: amendments.map((a) => a.id) } },
          data: { roundId: null },
        });
        // One question per amendment, except competitors: one preferential question per collision group.
        const questions: { kind: 'YES_NO' | 'PREFERENTIAL'; title: string; amendmentId?: string; group?: string }[] =
          [];
        const byGroup = new Map<string, typeof amendments>();
        for (const a of amendments) {
          if (a.collisionGroup) byGroup.set(a.collisionGroup, [...(byGroup.get(a.collisionGroup) ?? []), a]);
        }
        const asked = new Set<string>();
        for (const a of amendments) {
          const group = a.collisionGroup ? byGroup.get(a.collisionGroup)! : [a];
          if (group.length > 1) {
            if (asked.has(a.collisionGroup!)) continue;
            asked.add(a.collisionGroup!);
            questions.push({
              kind: 'PREFERENTIAL',
              title: group.map((g) => g.title).join(' / '),
              group: a.collisionGroup!,
            });
          } else {
            questions.push({ kind: 'YES_NO', title: a.title, amendmentId: a.id });
          }
        }
        await tx.roundQuestion.createMany({
          data: questions.map((q, position) => ({
            id: newId(),
            roundId,
            position,
            kind: q.kind,
            title: q.title,
            amendmentId: q.amendmentId ?? null,
            collisionGroup: q.group ?? null,
            alternatives:
              q.kind === 'PREFERENTIAL'
                ? [
                    { id: KEEP_CURRENT, label: 'Keep the current text' },
                    ...byGroup.get(q.group!)!.map((g) => ({ id: g.id, label: g.title })),
                  ]
                : undefined,
            ...questionMajority(round, q.amendmentId),
          })),
        });
        for (const a of amendments) assertMove(a.status, 'IN_VOTE');
        await tx.amendment.updateMany({
          where: { id: { in: amendments.map((a) => a.id) } },
          data: { status: 'IN_VOTE' },
        });
        for (const a of amendments) {
          await notifyFollowers(tx, { amendmentId: a.id, kind: 'FOLLOWED_STATUS', data: { status: 'IN_VOTE' } });
        }
        // The census, frozen now by the program's rule (ADR 0026), with a salted hash per entry and the
        // commitment over them, published so that a later dispute is settled without publishing the list.
        const { censusRule } = await tx.program.findUniqueOrThrow({
          where: { id: round.programId },
          select: { censusRule: true },
        });
        const censusSize = await freezeCensus(tx, {
          roundId,
          rule: censusRule,
          now,
          joinedBefore: round.censusJoinedBefore,
        });
        const censusCommitment = await commitmentOf(tx, roundId);
        // The sections it settles turn read-only until the close (unless a moderator had already locked them).
        await tx.section.updateMany({
          where: { id: { in: [...new Set(amendments.map((a) => a.sectionId))] }, lockedAt: null },
          data: { lockedAt: now, lockReason: round.title, lockedByRoundId: roundId },
        });
        await tx.votingRound.update({
          where: { id: roundId },
          data: {
            status: amendments.length ? 'OPEN' : 'CLOSED',
            openedAt: now,
            censusSize,
            censusRule,
            censusCommitment,
            ...(amendments.length ? {} : { closedAt: now, results: emptyResults(censusSize, round.quorumPercent) }),
          },
        });
        await recordAudit(tx, {
          actorId: null,
          action: amendments.length ? 'round.opened' : 'round.emptied',
          targetType: 'VotingRound',
          targetId: roundId,
          data: {
            censusSize,
            censusRule,
            censusCommitment,
            questions: questions.length,
            dropped,
            competitorsLeftOut: leftOut.map((a) => a.id),
          },
        });
        if (amendments.length) {
          await createRoundKey(roundId);
          keyCreated = true;
        }
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (keyCreated) await destroyRoundKey(roundId);
    throw error;
  }
  // The call to vote, to the whole census (ADR 0028), after the commit: only for a round that opened. It is the
  // only mail of the opening: the opt-in announcement went (ADR 0040). The mail job queues it if this fails.
  if (keyCreated) {
    await queueCallToVote(roundId).catch((error: unknown) =>
      logger.warn('queueing the call to vote failed', { roundId, error }),
    );
  }
}

/** A question's majority: the one set for its amendment, else the round's. */
function questionMajority(
  round: { majorityNumerator: number; majorityDenominator: number; questionMajorities: unknown },
  amendmentId: string | undefined,
) {
  const set = amendmentId ? (round.questionMajorities as Record<string, [number, number]> | null)?.[amendmentId] : null;
  return set
    ? { majorityNumerator: set[0], majorityDenominator: set[1] }
    : { majorityNumerator: round.majorityNumerator, majorityDenominator: round.majorityDenominator };
}

function emptyResults(censusSize: number, quorumPercent: number) {
  return { censusSize, ballots: 0, turnout: 0, quorumPercent, quorumMet: false, questions: [] };
}
