import type { SupportRule } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canSupportAmendment } from '~/policies/amendment.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';

import { notifyAuthors } from '../notifications/notifications.server.ts';
import { regroupSection } from './collisions.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * Supports, Podemos-style: a submitted amendment collects supports from members until a deadline; reaching
 * the program's threshold in time qualifies it, missing it expires it. The threshold is fixed at submission,
 * with what it was computed from (the rule, and for a share of active members, how many were active then),
 * so that everyone can check it and later sign-ups or activity cannot move it.
 */

const DAY = 24 * 3600_000;

/** The program's rule, as moderators set it. */
export interface SupportSettings {
  supportRule: SupportRule;
  supportValue: number;
  supportActiveDays: number;
  supportDays: number;
}

/**
 * Supports needed: a number, or a share (percent) of the active members, or of the validated local groups
 * (then endorsements by groups count, not members' supports), rounded up; never less than one.
 */
export function supportsNeeded(rule: SupportRule, value: number, denominator: number | null): number {
  const needed = rule === 'ABSOLUTE' ? value : ((denominator ?? 0) * value) / 100;
  return Math.max(1, Math.ceil(needed - 1e-9));
}

/** The threshold and deadline of an amendment submitted `now`, from the program's rule (in the caller's transaction). */
export async function fixThreshold(tx: Tx, program: SupportSettings, now: Date) {
  const denominator =
    program.supportRule === 'ACTIVE_SHARE'
      ? await tx.member.count({
          where: { lastActiveAt: { gte: new Date(now.getTime() - program.supportActiveDays * DAY) } },
        })
      : program.supportRule === 'GROUP_SHARE'
        ? await tx.group.count({ where: { status: 'VALIDATED' } })
        : null;
  return {
    supportRule: program.supportRule,
    supportValue: program.supportValue,
    supportActiveDays: program.supportRule === 'ACTIVE_SHARE' ? program.supportActiveDays : null,
    supportDenominator: denominator,
    supportsNeeded: supportsNeeded(program.supportRule, program.supportValue, denominator),
    supportDeadline: new Date(now.getTime() + program.supportDays * DAY),
  };
}

async function supportable(tx: Tx, actor: Actor, id: string) {
  const amendment = await tx.amendment.findUnique({
    where: { id },
    include: {
      program: { select: { phase: true, draftIsPublic: true } },
      authors: rowsOf(actor),
    },
  });
  if (!amendment || !amendment.submittedAt) throw new NotFoundError(`amendment ${id}`);
  const facts = {
    status: amendment.status,
    actorIsAuthor: isAmong(amendment.authors),
    submitted: true,
    supportDeadline: amendment.supportDeadline,
  };
  return { amendment, facts };
}

/**
 * Supports an amendment (members other than its authors, until its deadline). Supporting twice changes nothing.
 * Reaching the threshold qualifies it at once, in the same transaction.
 */
export async function supportAmendment(props: { actor: Actor; id: string; now?: Date }) {
  const now = props.now ?? new Date();
  await db().$transaction(async (tx) => {
    // One support at a time per amendment: the count and the qualification stay exact under a rush.
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.id} FOR UPDATE`;
    const { amendment, facts } = await supportable(tx, props.actor, props.id);
    enforce(canSupportAmendment(props.actor, amendment.program, facts, now), props.actor, 'amendment.support');
    await tx.amendmentSupport.createMany({
      data: [{ amendmentId: amendment.id, memberId: props.actor.id }],
      skipDuplicates: true,
    });
    await qualifyIfReached(tx, amendment.id, now);
  });
}

/**
 * Carries a duplicate's supports (and groups' endorsements) over to the amendment it is merged into, in the
 * caller's transaction (both rows locked): one per member, so a member who supported both counts once; the kept
 * amendment's own authors, who may not support it, are left out. Reaching the threshold qualifies it. Returns
 * how many supports and endorsements were added.
 */
export async function carrySupportsOver(tx: Tx, fromId: string, intoId: string, now: Date) {
  const authors = (
    await tx.amendmentAuthor.findMany({ where: { amendmentId: intoId }, select: { memberId: true } })
  ).map((a) => a.memberId);
  const supports = await tx.amendmentSupport.findMany({
    where: { amendmentId: fromId, memberId: { notIn: authors } },
    select: { memberId: true, createdAt: true },
  });
  const endorsements = await tx.groupEndorsement.findMany({
    where: { amendmentId: fromId },
    select: { groupId: true, endorsedById: true, createdAt: true },
  });
  const added = await tx.amendmentSupport.createMany({
    data: supports.map((s) => ({ amendmentId: intoId, ...s })),
    skipDuplicates: true,
  });
  const endorsed = await tx.groupEndorsement.createMany({
    data: endorsements.map((e) => ({ amendmentId: intoId, ...e })),
    skipDuplicates: true,
  });
  await qualifyIfReached(tx, intoId, now);
  return { supports: added.count, endorsements: endorsed.count };
}

/** What counts toward an amendment's threshold: members' supports, or under GROUP_SHARE groups' endorsements. */
function countTowards(tx: Tx, amendmentId: string, rule: SupportRule | null) {
  return rule === 'GROUP_SHARE'
    ? tx.groupEndorsement.count({ where: { amendmentId, group: { status: 'VALIDATED' } } })
    : tx.amendmentSupport.count({ where: { amendmentId } });
}

/** Qualifies a submitted amendment whose count reached its threshold (in the caller's transaction, row locked). */
export async function qualifyIfReached(tx: Tx, amendmentId: string, now: Date) {
  const amendment = await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId } });
  if (amendment.status !== 'SUBMITTED' || amendment.supportsNeeded === null) return;
  const count = await countTowards(tx, amendmentId, amendment.supportRule);
  if (count < amendment.supportsNeeded) return;
  await tx.amendment.update({ where: { id: amendment.id }, data: { status: 'QUALIFIED', qualifiedAt: now } });
  await recordAudit(tx, {
    actorId: null,
    action: 'amendment.qualified',
    targetType: 'Amendment',
    targetId: amendment.id,
    data: {
      [amendment.supportRule === 'GROUP_SHARE' ? 'groups' : 'supports']: count,
      needed: amendment.supportsNeeded,
    },
  });
  await notifyAuthors(tx, amendment.id, 'QUALIFIED');
  await notifyFollowers(tx, { amendmentId: amendment.id, kind: 'FOLLOWED_QUALIFIED', skipAuthors: true });
  await notifyModerators(tx, { kind: 'MOD_QUALIFIED', amendmentId: amendment.id });
}

/** Withdraws one's support, until the deadline. A qualification already reached stays. */
export async function withdrawSupport(props: { actor: Actor; id: string; now?: Date }) {
  const now = props.now ?? new Date();
  await db().$transaction(async (tx) => {
    const { amendment, facts } = await supportable(tx, props.actor, props.id);
    enforce(canSupportAmendment(props.actor, amendment.program, facts, now), props.actor, 'amendment.support');
    await tx.amendmentSupport.deleteMany({ where: { amendmentId: amendment.id, memberId: props.actor.id } });
  });
}

/**
 * Expires the submitted amendments whose deadline passed without the threshold: all of them (the server's sweep,
 * every minute), or only `amendmentId` (a page reading it, so that it never shows a stale status).
 */
export async function expireOverdue(now = new Date(), amendmentId?: string): Promise<number> {
  const overdue = await db().amendment.findMany({
    where: { status: 'SUBMITTED', supportDeadline: { lt: now }, ...(amendmentId ? { id: amendmentId } : {}) },
    select: { id: true, supportsNeeded: true, sectionId: true },
  });
  for (const a of overdue) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.amendment.updateMany({
        where: { id: a.id, status: 'SUBMITTED' },
        data: { status: 'EXPIRED' },
      });
      if (count === 0) return; // qualified or withdrawn meanwhile
      await recordAudit(tx, {
        actorId: null,
        action: 'amendment.expired',
        targetType: 'Amendment',
        targetId: a.id,
        data: { supports: await tx.amendmentSupport.count({ where: { amendmentId: a.id } }), needed: a.supportsNeeded },
      });
      // Out of the running: it competes with nothing any more.
      await regroupSection(tx, a.sectionId);
      await notifyAuthors(tx, a.id, 'EXPIRED');
      await notifyFollowers(tx, {
        amendmentId: a.id,
        kind: 'FOLLOWED_STATUS',
        data: { status: 'EXPIRED' },
        skipAuthors: true,
      });
    });
  }
  return overdue.length;
}

/**
 * An amendment's supports as its page shows them: the count, the threshold and what it came from; from what its
 * page's read counted (the supports, the validated groups' endorsements, whether the reader's is among them).
 */
export function supportSummary(
  amendment: {
    supportsNeeded: number | null;
    supportRule: SupportRule | null;
    supportValue: number | null;
    supportActiveDays: number | null;
    supportDenominator: number | null;
    supportDeadline: Date | null;
    submittedAt: Date | null;
    qualifiedAt: Date | null;
  },
  counted: { supports: number; groups: { id: string; name: string }[]; mine: boolean },
) {
  if (amendment.supportsNeeded === null) return null;
  return {
    count: amendment.supportRule === 'GROUP_SHARE' ? counted.groups.length : counted.supports,
    supports: counted.supports,
    groups: counted.groups,
    needed: amendment.supportsNeeded,
    rule: amendment.supportRule,
    value: amendment.supportValue,
    activeDays: amendment.supportActiveDays,
    denominator: amendment.supportDenominator,
    countedAt: amendment.submittedAt,
    deadline: amendment.supportDeadline,
    qualifiedAt: amendment.qualifiedAt,
    mine: counted.mine,
  };
}
