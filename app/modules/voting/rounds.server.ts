import type { PreferentialMethod } from '~/generated/prisma/enums.ts';
import type { MessageKey } from '~/i18n/index.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { canManageRounds } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { STANDING } from '../amendments/collisions.server.ts';
import { applyAdopted } from '../amendments/application.server.ts';
import { assertMove } from '../amendments/lifecycle.ts';
import { queueCallToVote } from '../mailing/call-to-vote.server.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { loadProgramFacts } from '../programs/programs.server.ts';
import { closeBallots } from './ballots.server.ts';
import { commitmentOf, freezeCensus } from './census.server.ts';
import { createRoundKey, destroyRoundKey, keptRoundKeys } from './keys.server.ts';
import { roundDefinition } from './definition.server.ts';
import { KEEP_CURRENT } from './types.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Voting rounds: a moderator gathers admissible amendments (a collision group always whole) with opening and
 * closing times, a quorum, a majority and a preferential method. At the opening the census is frozen, the
 * questions are fixed (one yes/no question per amendment, one preferential question per collision group) and the
 * sections concerned turn read-only; at the close the ballots are opened and counted, the results and the ballot
 * board published, and each amendment adopted or rejected. Secrecy: docs/decisions/0014-secret-verifiable-ballots.md.
 */

/** A request about a round that cannot be carried out as asked; `key` is the message. */
export class VotingError extends DomainError {
  constructor(key: MessageKey, field: 'closesAt' | 'amendmentIds') {
    super('invalid', key, { field });
  }
}

/**
 * Refuses a moderator's round management outside the phases that allow it, saying so (a 409 naming the phase),
 * rather than as a lack of rights; anyone who does not manage the program is refused as before.
 */
export function enforceRoundPhase(
  actor: Actor,
  program: Parameters<typeof canManageRounds>[1],
): asserts actor is NonNullable<Actor> {
  enforce(canManageProgram(actor, program), actor, 'round.manage');
  if (!canManageRounds(actor, program)) {
    throw new DomainError('conflict', 'rounds.errors.phase', { log: `round management in phase ${program.phase}` });
  }
}

export interface CreateRoundProps {
  actor: Actor;
  slug: string;
  title: string;
  explanation: string;
  opensAt: Date;
  closesAt: Date;
  quorumPercent: number;
  majority: { numerator: number; denominator: number };
  method: PreferentialMethod;
  /** Binding: casting a ballot asks for a one-time code, mailed or from the voter's app (ADR 0027). */
  binding?: boolean;
  /** Census: members who joined before this date (and whose address is verified at the opening). */
  censusJoinedBefore: Date;
  amendmentIds: string[];
  /** Majorities set for some amendments, overriding the round's (a yes/no question each). */
  questionMajorities?: Record<string, { numerator: number; denominator: number }>;
}

/** Creates a round (moderators); it opens at once when its opening time has come. Returns its id. */
export async function createRound(props: CreateRoundProps, now = new Date()): Promise<string> {
  if (props.closesAt <= props.opensAt) throw new VotingError('vote.errors.closesBeforeOpening', 'closesAt');
  if (props.closesAt <= now) throw new VotingError('vote.errors.closesInPast', 'closesAt');
  const id = await db().$transaction(async (tx) => {
    const program = await loadProgramFacts(tx, props.actor, { slug: props.slug });
    enforceRoundPhase(props.actor, program);
    const ids = [...new Set(props.amendmentIds)];
    if (!ids.length) throw new VotingError('vote.errors.noAmendment', 'amendmentIds');
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE "programId" = ${program.id} FOR UPDATE`;
    const chosen = await tx.amendment.findMany({ where: { id: { in: ids }, programId: program.id } });
    if (chosen.length !== ids.length) throw new VotingError('vote.errors.notAdmissible', 'amendmentIds');
    // A collision group always comes whole: every standing competitor must be admissible and come along.
    const groups = [...new Set(chosen.flatMap((a) => (a.collisionGroup ? [a.collisionGroup] : [])))];
    const competitors = groups.length
      ? await tx.amendment.findMany({
          where: { programId: program.id, collisionGroup: { in: groups }, status: { in: [...STANDING] } },
        })
      : [];
    const all = new Map([...chosen, ...competitors].map((a) => [a.id, a]));
    for (const a of all.values()) {
      if (a.status !== 'ADMISSIBLE' || a.needsUpdate || a.roundId) {
        throw new VotingError(
          ids.includes(a.id) ? 'vote.errors.notAdmissible' : 'vote.errors.groupIncomplete',
          'amendmentIds',
        );
      }
    }
    const last = await tx.votingRound.findFirst({ where: { programId: program.id }, orderBy: { number: 'desc' } });
    const roundId = newId();
    await tx.votingRound.create({
      data: {
        id: roundId,
        programId: program.id,
        number: (last?.number ?? 0) + 1,
        title: props.title,
        explanation: props.explanation,
        opensAt: props.opensAt,
        closesAt: props.closesAt,
        quorumPercent: props.quorumPercent,
        majorityNumerator: props.majority.numerator,
        majorityDenominator: props.majority.denominator,
        method: props.method,
        binding: props.binding ?? false,
        censusJoinedBefore: props.censusJoinedBefore,
        questionMajorities: Object.fromEntries(
          Object.entries(props.questionMajorities ?? {})
            .filter(([id]) => all.has(id))
            .map(([id, m]) => [id, [m.numerator, m.denominator]]),
        ),
        createdById: props.actor.id,
      },
    });
    await tx.amendment.updateMany({ where: { id: { in: [...all.keys()] } }, data: { roundId } });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'round.created',
      targetType: 'VotingRound',
      targetId: roundId,
      data: {
        amendments: [...all.keys()],
        opensAt: props.opensAt.toISOString(),
        closesAt: props.closesAt.toISOString(),
        binding: props.binding ?? false,
      },
    });
    return roundId;
  });
  if (props.opensAt <= now) {
    // Saved either way: if opening fails now, the sweep opens it (and logs why it could not).
    await openRound(id, now).catch((error: unknown) =>
      logger.error('a new round could not open', { roundId: id, error }),
    );
  }
  return id;
}

/** Moves a round's closing time (moderators), with a public reason; a time already past closes it now. */
export async function rescheduleClose(
  props: { actor: Actor; roundId: string; closesAt: Date; reason: string },
  now = new Date(),
) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "VotingRound" WHERE id = ${props.roundId} FOR UPDATE`;
    const round = await tx.votingRound.findUnique({ where: { id: props.roundId } });
    if (!round) throw new NotFoundError(`round ${props.roundId}`);
    const program = await loadProgramFacts(tx, props.actor, { id: round.programId });
    enforceRoundPhase(props.actor, program);
    if (round.status === 'CLOSED') throw new VotingError('vote.errors.closed', 'closesAt');
    // An open round may be closed now (a time already past means now); a scheduled one must close after opening.
    if (round.status === 'SCHEDULED' && props.closesAt <= round.opensAt) {
      throw new VotingError('vote.errors.closesBeforeOpening', 'closesAt');
    }
    const closesAt = props.closesAt < now ? now : props.closesAt;
    await tx.votingRound.update({ where: { id: round.id }, data: { closesAt } });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'round.rescheduled',
      targetType: 'VotingRound',
      targetId: round.id,
      reason: props.reason,
      data: { from: round.closesAt.toISOString(), to: closesAt.toISOString() },
    });
  });
  await settleRound(props.roundId, now);
}

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
