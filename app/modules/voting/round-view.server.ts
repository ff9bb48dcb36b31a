import type { RoundStatus } from '~/generated/prisma/enums.ts';
import { recommendationsFor } from '../committee/committee.server.ts';
import { censusForMember } from './census.server.ts';
import { enforceRead, type Actor } from '~/policies/actor.ts';
import { canManageRounds, canReadRound, canReadRounds, canSeeResults, canSeeRoll, canVote } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { loadProgramFacts } from '../programs/programs.server.ts';
import { hasPublishedVersion } from '../amendments/published.server.ts';
import { settleRound } from './round-clock.server.ts';
import { mailingView } from '../mailing/mailing-view.server.ts';
import type { RoundResults } from './types.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Voting rounds as readers see them: the program's list, and one round with its rules, questions, census and
 * turnout, and its results only after the close. (Creating a round: rounds.server.ts; opening and closing it: round-opening, round-closing and round-clock.)
 */

/**
 * The program's rounds, newest first, for whoever reads the program; its closed rounds only, for a visitor who
 * knows it by a published version (canReadRound: a closed round is public record).
 */
export async function listRounds(actor: Actor, slug: string) {
  const program = await loadProgramFacts(db(), actor, { slug });
  const readsAll = canReadRounds(actor, program);
  const published = !readsAll && (await hasPublishedVersion(db(), program.id));
  enforceRead(readsAll || canReadRound(actor, { ...program, published }, { status: 'CLOSED' }), actor, 'round.read');
  const rounds = await db().votingRound.findMany({
    where: { programId: program.id, ...(readsAll ? {} : { status: 'CLOSED' as const }) },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      censusSize: true,
      _count: { select: { roll: true, amendments: true } },
    },
  });
  return {
    program: { slug: program.slug, title: program.title, phase: program.phase },
    rounds: rounds.map(({ _count, ...r }) => ({ ...r, voters: _count.roll, amendments: _count.amendments })),
    canCreate: canManageRounds(actor, program),
  };
}

/** A round as the actor may see it: rules, questions, census and turnout; results only after the close. */
export async function getRound(actor: Actor, slug: string, roundId: string, now = new Date()) {
  await settleRound(roundId, now);
  const program = await loadProgramFacts(db(), actor, { slug });
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  if (!round || round.programId !== program.id) throw new NotFoundError(`round ${roundId}`);
  // Asked only of those who may not read the draft: a closed round is theirs to read once a version is published.
  const published = !canReadRounds(actor, program) && (await hasPublishedVersion(db(), program.id));
  enforceRead(canReadRound(actor, { ...program, published }, round), actor, 'round.read');
  const amendments = await db().amendment.findMany({
    where: { roundId },
    select: { id: true, title: true, status: true, sectionId: true, kind: true },
    orderBy: { submittedAt: 'asc' },
  });
  const voters = await db().voterRoll.count({ where: { roundId } });
  const census = actor
    ? await censusForMember(db(), { roundId, memberId: actor.id, rule: round.censusRule, openedAt: round.openedAt })
    : null;
  const inCensus = census?.inCensus ?? false;
  const voted = actor ? (await db().voterRoll.count({ where: { roundId, memberId: actor.id } })) > 0 : false;
  // Turnout over time: counts per hour (never a time per member, ADR 0028), cumulated for the chart.
  const hours = await db().turnoutCount.groupBy({
    by: ['hour'],
    where: { roundId },
    _sum: { voters: true },
    orderBy: { hour: 'asc' },
  });
  let total = 0;
  const turnout = hours.map((h) => ({ hour: h.hour, voters: (total += h._sum.voters ?? 0) }));
  const moderates = canManageRounds(actor, program);
  return {
    program: { slug: program.slug, title: program.title, phase: program.phase },
    round: {
      id: round.id,
      number: round.number,
      title: round.title,
      explanation: round.explanation,
      status: round.status,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      quorumPercent: round.quorumPercent,
      majority: { numerator: round.majorityNumerator, denominator: round.majorityDenominator },
      method: round.method,
      censusJoinedBefore: round.censusJoinedBefore,
      censusSize: round.censusSize,
      censusRule: round.censusRule,
      censusCommitment: round.censusCommitment,
      boardSha256: round.boardSha256,
      /** Each ballot asks for a one-time code (ADR 0027). */
      binding: round.binding,
    },
    questions: round.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      amendmentId: q.amendmentId,
      alternatives: (q.alternatives as { id: string; label: string }[] | null) ?? [],
      /** The question's own majority (of the yes and no votes): its amendment's, else the round's. */
      majority: { numerator: q.majorityNumerator, denominator: q.majorityDenominator },
    })),
    amendments,
    /** The drafting committee's recommendation on each amendment of the round, shown beside its question. */
    recommendations: Object.fromEntries(
      await recommendationsFor(
        db(),
        amendments.map((a) => a.id),
      ),
    ),
    voters,
    turnout,
    /** The mail to the census (progress, reminders), for moderators only. */
    mailing: moderates ? await mailingView(roundId) : null,
    me: {
      /** A visitor who is not signed in is told to log in to vote, not that they are outside the census. */
      signedIn: Boolean(actor),
      inCensus,
      voted,
      canVote: canVote(actor, round, inCensus, now),
      /** After the close: the actor is on the roll, so a ballot of theirs is among those counted. */
      counted: round.status === 'CLOSED' && voted,
      canSeeRoll: canSeeRoll(actor, round, inCensus),
      /** Their own salt and hash: only they see it, to prove they were counted (ADR 0026). */
      censusReceipt: census?.receipt && actor ? { ...census.receipt, memberId: actor.id } : null,
      outsideRegister: census && 'outside' in census ? (census.outside ?? null) : null,
    },
    results: canSeeResults(round) ? (round.results as unknown as RoundResults) : null,
    canManage: moderates && round.status !== 'CLOSED',
  };
}

export type RoundView = Awaited<ReturnType<typeof getRound>>;
export type { RoundStatus };
