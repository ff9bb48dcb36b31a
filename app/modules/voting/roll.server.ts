import { enforce, enforceRead, hasRole, type Actor } from '~/policies/actor.ts';
import { canReadRound, canReadRounds, canReportRoll, canSeeRoll } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { hasPublishedVersion } from '../amendments/published.server.ts';
import { notify } from '../notifications/notifications.server.ts';
import { loadProgramFacts } from '../programs/programs.server.ts';
import { settleRound } from './round-clock.server.ts';

/**
 * The voter roll of a closed round (docs/decisions/0032-voter-roll.md): who voted, never what nor when, for the
 * members of its census and for moderators; and the report of a member who finds themselves on it without having
 * voted, which goes to the moderators.
 */

/** A roll report refused: not on the roll, already reported, or too many reports. */
export class RollReportError extends DomainError {
  declare readonly key: 'roll.errors.notOnRoll' | 'roll.errors.alreadyReported' | 'roll.errors.tooMany';
  constructor(key: RollReportError['key']) {
    super(key === 'roll.errors.tooMany' ? 'throttled' : 'conflict', key, { field: 'message' });
  }
}

/** The round, the program and what the actor is to it: everything the roll's page and its report check. */
async function rollFacts(actor: Actor, slug: string, roundId: string, now: Date) {
  await settleRound(roundId, now);
  const program = await loadProgramFacts(db(), actor, { slug });
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    select: { id: true, programId: true, number: true, title: true, status: true, closedAt: true, rollSize: true },
  });
  if (!round || round.programId !== program.id) throw new NotFoundError(`round ${roundId}`);
  const published = !canReadRounds(actor, program) && (await hasPublishedVersion(db(), program.id));
  enforceRead(canReadRound(actor, { ...program, published }, round), actor, 'round.read');
  // Before the close there is no roll to show: who has voted yet would say who still may.
  if (round.status !== 'CLOSED') throw new NotFoundError(`roll of round ${roundId}`);
  const [inCensus, onRoll, reported] = actor
    ? await Promise.all([
        db().censusEntry.count({ where: { roundId, memberId: actor.id } }),
        db().voterRoll.count({ where: { roundId, memberId: actor.id } }),
        db().rollReport.count({ where: { roundId, memberId: actor.id } }),
      ])
    : [0, 0, 0];
  return { program, round, inCensus: inCensus > 0, onRoll: onRoll > 0, reported: reported > 0 };
}

/**
 * A closed round's voter roll as its census and moderators see it: every voter's name as they show it to other
 * members (a deleted account reads "former member"), sorted by name, so that the order says nothing of when
 * anyone voted; and whether the actor is on it and may report it.
 */
export async function rollPage(actor: Actor, slug: string, roundId: string, now = new Date()) {
  const { program, round, inCensus, onRoll, reported } = await rollFacts(actor, slug, roundId, now);
  enforceRead(canSeeRoll(actor, round, inCensus), actor, 'round.roll');
  const rows = await db().$queryRaw<{ name: string | null }[]>`
    SELECT CASE WHEN m."deletedAt" IS NULL THEN m."displayName" END AS name
    FROM "VoterRoll" r LEFT JOIN "Member" m ON m.id = r."memberId"
    WHERE r."roundId" = ${roundId}`;
  const names = rows.map((r) => r.name).sort(byName);
  return {
    program: { slug: program.slug, title: program.title },
    round: { id: round.id, number: round.number, title: round.title, closedAt: round.closedAt },
    voters: names,
    me: { onRoll, reported, canReport: canReportRoll(actor, round, onRoll) && !reported },
  };
}

/** Names in alphabetical order (accents and case aside), former members last. */
function byName(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * At most REPORT_LIMIT roll reports an hour per member, in this process: reports go to every moderator, and one
 * report per round already bounds them; this bounds a member in many rounds.
 */
const REPORT_LIMIT = 5;
const recentReports = new Map<string, number[]>();
function reportAllowed(memberId: string, now: number): boolean {
  const recent = (recentReports.get(memberId) ?? []).filter((t) => now - t < 3600_000);
  if (recent.length >= REPORT_LIMIT) return false;
  recent.push(now);
  recentReports.set(memberId, recent);
  if (recentReports.size > 10_000) {
    for (const [k, times] of recentReports) if (times.every((t) => now - t >= 3600_000)) recentReports.delete(k);
  }
  return true;
}

/**
 * A member on a closed round's roll tells the moderators they did not vote: one report per member and round,
 * audited, and every moderator is notified in the app. What the member writes goes to the moderators only.
 */
export async function reportRoll(
  props: { actor: Actor; slug: string; roundId: string; message: string },
  now = new Date(),
): Promise<void> {
  const { actor } = props;
  enforce(hasRole(actor, 'MEMBER'), actor, 'round.rollReport');
  const { round, inCensus, onRoll, reported } = await rollFacts(actor, props.slug, props.roundId, now);
  enforceRead(canSeeRoll(actor, round, inCensus), actor, 'round.roll');
  if (!canReportRoll(actor, round, onRoll)) throw new RollReportError('roll.errors.notOnRoll');
  if (reported) throw new RollReportError('roll.errors.alreadyReported');
  if (!reportAllowed(actor.id, now.getTime())) throw new RollReportError('roll.errors.tooMany');
  const moderators = await db().member.findMany({
    where: { role: { in: ['MODERATOR', 'ADMIN'] }, deletedAt: null, suspendedAt: null },
    select: { id: true },
  });
  await db().$transaction(async (tx) => {
    // Two reports at once: the key (round, member) keeps one, and the second is told it is already there.
    const { count } = await tx.rollReport.createMany({
      data: [{ roundId: round.id, memberId: actor.id, message: props.message, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) throw new RollReportError('roll.errors.alreadyReported');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'round.roll_reported',
      targetType: 'VotingRound',
      targetId: round.id,
    });
    await notify(tx, {
      memberIds: moderators.map((m) => m.id),
      kind: 'ROLL_REPORT',
      roundId: round.id,
      exceptId: actor.id,
    });
  });
}
