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
import { loadProgramFacts } from '../programs/programs.server.ts';
import { settleRound } from './round-clock.server.ts';
import { openRound } from './round-opening.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Voting rounds: a moderator gathers admissible amendments (a collision group always whole) with opening and
 * closing times, a quorum, a majority and a preferential method. At the opening the census is frozen, the
 * questions are fixed (one yes/no question per amendment, one preferential question per collision group) and the
 * sections concerned turn read-only; at the close the ballots are opened and counted, the results and the ballot
 * board published, and each amendment adopted or rejected. Secrecy: docs/decisions/0014-secret-verifiable-ballots.md.
 */

/*
 * This file holds what a moderator asks of a round (create it, move its close); the round's own life is apart:
 * round-opening.server.ts opens it, round-closing.server.ts counts and closes it, round-clock.server.ts does either
 * when its time has come, and round-view.server.ts is what readers see.
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
