import { Prisma } from '~/generated/prisma/client.ts';
import type { Role } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canChangeRole, canListMembers, canRequireTwoFactor, canSuspend } from '~/policies/member.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { AccountError } from './errors.ts';
import { twoFactorRequired as twoFactorRequiredNow } from './two-factor-rule.server.ts';

/** The member list an admin sees. */
export async function listMembers(actor: Actor, options: { query?: string; page?: number } = {}) {
  enforce(canListMembers(actor), actor, 'member.list');
  const pageSize = 50;
  const page = Math.max(1, options.page ?? 1);
  const q = options.query?.trim();
  const where = q
    ? {
        OR: [{ email: { contains: q.toLowerCase() } }, { displayName: { contains: q, mode: 'insensitive' as const } }],
      }
    : {};
  const [members, total] = await Promise.all([
    db().member.findMany({
      where,
      orderBy: [{ role: 'desc' }, { createdAt: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        emailVerifiedAt: true,
        createdAt: true,
        lastActiveAt: true,
        suspendedAt: true,
        suspendedReason: true,
        deletedAt: true,
        totpEnabledAt: true,
      },
    }),
    db().member.count({ where }),
  ]);
  return { members, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * The members page of the administration, for one admin: a page of the list (searched), with what the policies
 * let them do to each member, and the latest role changes.
 */
export async function membersPage(actor: Actor, options: { query: string; page: number }) {
  const [list, roleChanges, twoFactorRequired] = await Promise.all([
    listMembers(actor, options),
    recentRoleChanges(actor),
    twoFactorRequiredNow(),
  ]);
  return {
    ...list,
    roleChanges,
    /** Whether moderators and admins must use two-factor authentication (the admin may change it here). */
    twoFactorRequired,
    canRequireTwoFactor: canRequireTwoFactor(actor),
    members: list.members.map(({ totpEnabledAt, ...m }) => ({
      ...m,
      twoFactor: totpEnabledAt !== null,
      canChangeRole: canChangeRole(actor, m, m.role) && !m.deletedAt,
      canSuspend: canSuspend(actor, m) && !m.deletedAt,
    })),
  };
}

/** Input of `changeRole`. */
export interface ChangeRoleProps {
  /** The admin making the change. */
  actor: Actor;
  memberId: string;
  role: Role;
  /** Why, recorded in the audit trail. */
  reason: string;
}

/** Gives a member another role; the change and its reason are audited in the same transaction. */
export async function changeRole(props: ChangeRoleProps): Promise<void> {
  const { actor } = props;
  await db().$transaction(async (tx) => {
    // Lock both rows (in id order) and judge with the actor's role as it is now, not as it was when the
    // request began: two admins demoting each other at once cannot both succeed.
    const ids = [actor?.id, props.memberId].filter((id): id is string => !!id).sort();
    const rows = await tx.$queryRaw<{ id: string; role: Role }[]>`
      SELECT id, role FROM "Member" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
    const target = rows.find((r) => r.id === props.memberId);
    if (!target) throw new AccountError('admin.members.notFound');
    const actorNow = actor ? (rows.find((r) => r.id === actor.id) ?? null) : null;
    enforce(canChangeRole(actorNow, target, props.role), actor, 'member.change_role');
    if (target.role === props.role) return;
    await tx.member.update({ where: { id: target.id }, data: { role: props.role } });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'member.role_changed',
      targetType: 'Member',
      targetId: target.id,
      reason: props.reason,
      data: { from: target.role, to: props.role },
    });
  });
}

/** The audit trail of one member, newest first (admins only). */
export async function memberAuditTrail(actor: Actor, memberId: string) {
  enforce(canListMembers(actor), actor, 'member.audit');
  return db().auditEvent.findMany({
    where: { targetType: 'Member', targetId: memberId },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
}

/** The latest role changes across the movement, with who made them and why (admins only). */
export async function recentRoleChanges(actor: Actor, take = 20) {
  enforce(canListMembers(actor), actor, 'member.audit');
  const events = await db().auditEvent.findMany({
    where: { action: 'member.role_changed' },
    orderBy: { id: 'desc' },
    take,
  });
  const ids = [...new Set(events.flatMap((e) => [e.actorId, e.targetId]).filter((id): id is string => !!id))];
  const names = new Map(
    (await db().member.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((m) => [
      m.id,
      m.displayName,
    ]),
  );
  return events.map((e) => {
    const data = (e.data ?? {}) as { from?: Role | null; to?: Role };
    return {
      id: String(e.id),
      at: e.createdAt,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      targetName: names.get(e.targetId) ?? null,
      from: data.from ?? null,
      to: data.to ?? null,
      reason: e.reason,
    };
  });
}

/**
 * Suspends a member (administrators), with a reason kept in the audit trail and shown to them; or reinstates
 * them (`reason` then says why). A suspended member stays signed in but takes part in nothing; they can still
 * download or delete their data.
 */
export async function setSuspension(props: { actor: Actor; memberId: string; suspend: boolean; reason: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${props.memberId} FOR UPDATE`;
    const target = await tx.member.findUnique({ where: { id: props.memberId } });
    if (!target || target.deletedAt) throw new AccountError('admin.members.notFound');
    enforce(canSuspend(props.actor, target), props.actor, 'member.suspend');
    if (props.suspend === (target.suspendedAt !== null)) return;
    await tx.member.update({
      where: { id: target.id },
      data: props.suspend
        ? { suspendedAt: new Date(), suspendedReason: props.reason }
        : { suspendedAt: null, suspendedReason: null },
    });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: props.suspend ? 'member.suspended' : 'member.reinstated',
      targetType: 'Member',
      targetId: target.id,
      reason: props.reason,
    });
  });
}
