import type { MessageKey } from '~/i18n/index.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import { canSupportAmendment } from '~/policies/amendment.ts';
import { canReadDraft } from '~/policies/program.ts';
import {
  canCreateGroup,
  canDecideGroup,
  canEndorseFor,
  canJoinGroup,
  canSeeGroup,
  canSeeGroupMembers,
  type GroupFacts,
} from '~/policies/group.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { qualifyIfReached } from '../amendments/supports.server.ts';

import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * Local groups (issue 7): members create and join groups; moderators validate them with a public reason; a
 * group's member list is seen by its members only. A validated group's coordinators (its founder first) endorse
 * amendments on its behalf, which counts under the "share of validated groups" threshold.
 */

/** A request about a group that cannot be carried out as asked; `key` is the message. */
export class GroupError extends DomainError {
  constructor(key: MessageKey, field?: string) {
    super('invalid', key, { field });
  }
}

async function facts(tx: Tx, actor: Actor, groupId: string) {
  const group = await tx.group.findUnique({
    where: { id: groupId },
    include: { members: rowsOf(actor, { coordinator: true }) },
  });
  if (!group) throw new NotFoundError(`group ${groupId}`);
  const mine = group.members[0];
  const f: GroupFacts = {
    status: group.status,
    actorIsMember: isAmong(group.members),
    actorIsCoordinator: !!mine?.coordinator,
  };
  return { group, facts: f };
}

/** Creates a group (members); its founder is its first member and coordinator. Returns its id. */
export async function createGroup(props: { actor: Actor; name: string; area: string; description: string }) {
  const { actor } = props;
  enforce(canCreateGroup(actor), actor, 'group.create');
  return db().$transaction(async (tx) => {
    const clash = await tx.group.count({
      where: { name: { equals: props.name, mode: 'insensitive' }, status: { not: 'REJECTED' } },
    });
    if (clash) throw new GroupError('groups.errors.nameTaken', 'name');
    const id = newId();
    await tx.group.create({
      data: { id, name: props.name, area: props.area, description: props.description, createdById: actor.id },
    });
    await tx.groupMembership.create({ data: { groupId: id, memberId: actor.id, coordinator: true } });
    await recordAudit(tx, { actorId: actor.id, action: 'group.created', targetType: 'Group', targetId: id });
    return id;
  });
}

/**
 * Groups as a reader sees them: validated ones (and, for a member, those they are in; for moderators, those
 * waiting), with their size, those whose area matches `area` first.
 */
export async function listGroups(actor: Actor, options: { area?: string } = {}) {
  const rows = await db().group.findMany({
    orderBy: [{ name: 'asc' }],
    include: {
      _count: { select: { members: true } },
      members: rowsOf(actor, { coordinator: true }),
    },
  });
  const area = options.area?.trim().toLowerCase();
  const visible = rows
    .map((g) => ({
      id: g.id,
      name: g.name,
      area: g.area,
      description: g.description,
      status: g.status,
      size: g._count.members,
      mine: isAmong(g.members),
      coordinator: !!g.members[0]?.coordinator,
      near: !!area && (g.area.toLowerCase().includes(area) || area.includes(g.area.toLowerCase())),
    }))
    .filter((g) => canSeeGroup(actor, { status: g.status, actorIsMember: g.mine, actorIsCoordinator: g.coordinator }));
  return visible.sort((a, b) => Number(b.near) - Number(a.near));
}

/** One group: its facts, its members (for its members only), what the actor may do. */
export async function getGroup(actor: Actor, groupId: string) {
  const { group, facts: f } = await facts(db(), actor, groupId);
  enforceRead(canSeeGroup(actor, f), actor, 'group.read');
  const showMembers = canSeeGroupMembers(actor, f);
  const [size, members, endorsements] = await Promise.all([
    db().groupMembership.count({ where: { groupId } }),
    showMembers
      ? db().groupMembership.findMany({
          where: { groupId },
          orderBy: { joinedAt: 'asc' },
          select: { coordinator: true, joinedAt: true, member: { select: { id: true, displayName: true } } },
        })
      : Promise.resolve([]),
    db().groupEndorsement.findMany({
      where: { groupId },
      orderBy: { createdAt: 'desc' },
      select: {
        createdAt: true,
        amendment: {
          select: {
            id: true,
            title: true,
            program: { select: { slug: true, language: true, phase: true, draftIsPublic: true } },
          },
        },
      },
    }),
  ]);
  return {
    group: {
      id: group.id,
      name: group.name,
      area: group.area,
      description: group.description,
      status: group.status,
      createdAt: group.createdAt,
      decidedAt: group.decidedAt,
      decisionReason: group.decisionReason,
      size,
    },
    members: members.map((m) => ({ id: m.member.id, name: m.member.displayName, coordinator: m.coordinator })),
    // Endorsed amendments were submitted: whoever reads their program's draft reads them. Those of a draft closed
    // to the actor are left out: their titles, and the program's address, are its members' (issue 15).
    endorsements: endorsements
      .filter((e) => canReadDraft(actor, e.amendment.program))
      .map((e) => ({
        at: e.createdAt,
        id: e.amendment.id,
        title: e.amendment.title,
        language: e.amendment.program.language,
        slug: e.amendment.program.slug,
      })),
    can: {
      join: canJoinGroup(actor, f),
      leave: f.actorIsMember,
      decide: canDecideGroup(actor, f),
      seeMembers: showMembers,
    },
  };
}

export async function joinGroup(props: { actor: Actor; groupId: string }) {
  await db().$transaction(async (tx) => {
    const { facts: f } = await facts(tx, props.actor, props.groupId);
    enforce(canJoinGroup(props.actor, f), props.actor, 'group.join');
    await tx.groupMembership.createMany({
      data: [{ groupId: props.groupId, memberId: props.actor.id }],
      skipDuplicates: true,
    });
  });
}

/** Leaves a group. The last coordinator leaving hands the role to the longest-standing member. */
export async function leaveGroup(props: { actor: Actor; groupId: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${props.groupId} FOR UPDATE`;
    const mine = await tx.groupMembership.findUnique({
      where: { groupId_memberId: { groupId: props.groupId, memberId: props.actor?.id ?? '' } },
    });
    if (!mine) return;
    await tx.groupMembership.delete({
      where: { groupId_memberId: { groupId: props.groupId, memberId: mine.memberId } },
    });
    if (
      mine.coordinator &&
      !(await tx.groupMembership.count({ where: { groupId: props.groupId, coordinator: true } }))
    ) {
      const next = await tx.groupMembership.findFirst({
        where: { groupId: props.groupId },
        orderBy: { joinedAt: 'asc' },
      });
      if (next) {
        await tx.groupMembership.update({
          where: { groupId_memberId: { groupId: props.groupId, memberId: next.memberId } },
          data: { coordinator: true },
        });
      }
    }
  });
}

/** Moderators validate or reject a pending group, with a public reason (audited). */
export async function decideGroup(props: { actor: Actor; groupId: string; validate: boolean; reason: string }) {
  await db().$transaction(async (tx) => {
    const { facts: f } = await facts(tx, props.actor, props.groupId);
    enforce(canDecideGroup(props.actor, f), props.actor, 'group.decide');
    await tx.group.update({
      where: { id: props.groupId },
      data: {
        status: props.validate ? 'VALIDATED' : 'REJECTED',
        decidedAt: new Date(),
        decidedById: props.actor.id,
        decisionReason: props.reason,
      },
    });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: props.validate ? 'group.validated' : 'group.rejected',
      targetType: 'Group',
      targetId: props.groupId,
      reason: props.reason,
    });
  });
}

/** The validated groups the actor coordinates (to endorse on their behalf). */
export async function groupsICoordinate(actor: Actor) {
  if (!actor) return [];
  const rows = await db().groupMembership.findMany({
    where: { memberId: actor.id, coordinator: true, group: { status: 'VALIDATED' } },
    select: { group: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.group);
}

/**
 * A validated group endorses an amendment (one of its coordinators who is not one of its authors, while the
 * amendment collects supports).
 * Under the GROUP_SHARE rule, reaching the share qualifies it at once, in the same transaction.
 */
export async function endorseAmendment(props: { actor: Actor; groupId: string; amendmentId: string; now?: Date }) {
  const now = props.now ?? new Date();
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.amendmentId} FOR UPDATE`;
    const { facts: f } = await facts(tx, props.actor, props.groupId);
    enforce(canEndorseFor(props.actor, f), props.actor, 'group.endorse');
    const amendment = await tx.amendment.findUnique({
      where: { id: props.amendmentId },
      include: {
        program: { select: { phase: true, draftIsPublic: true } },
        authors: rowsOf(props.actor),
      },
    });
    if (!amendment || !amendment.submittedAt) throw new NotFoundError(`amendment ${props.amendmentId}`);
    // Its authors do not count among its supporters, nor endorse it on a group's behalf: a coordinator who wrote
    // it would otherwise qualify it alone.
    const actorIsAuthor = isAmong(amendment.authors);
    if (actorIsAuthor) throw new GroupError('groups.errors.ownAmendment');
    // The same window as members' supports: submitted, before the deadline, while the program takes amendments.
    const open = canSupportAmendment(
      props.actor,
      amendment.program,
      { status: amendment.status, actorIsAuthor, submitted: true, supportDeadline: amendment.supportDeadline },
      now,
    );
    if (!open) throw new GroupError('groups.errors.notEndorsable');
    await tx.groupEndorsement.createMany({
      data: [{ groupId: props.groupId, amendmentId: amendment.id, endorsedById: props.actor.id }],
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'group.endorsed',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { groupId: props.groupId },
    });
    await qualifyIfReached(tx, amendment.id, now);
  });
}

/** Groups of each size, for the participation page: a distribution, never names. */
export async function groupSizes() {
  const groups = await db().group.findMany({
    where: { status: 'VALIDATED' },
    select: { _count: { select: { members: true } } },
  });
  const buckets = [
    { label: '1-4', min: 1, max: 4 },
    { label: '5-9', min: 5, max: 9 },
    { label: '10-19', min: 10, max: 19 },
    { label: '20-49', min: 20, max: 49 },
    { label: '50+', min: 50, max: Infinity },
  ];
  return {
    validated: groups.length,
    distribution: buckets.map((b) => ({
      label: b.label,
      groups: groups.filter((g) => g._count.members >= b.min && g._count.members <= b.max).length,
    })),
  };
}
