import type { Prisma } from '~/generated/prisma/client.ts';
import type { Tx } from '~/utils/db.server.ts';

/** What happened, to what, by whom and why: one append-only AuditEvent row. */
export interface AuditEntry {
  /** The member who acted; null for the system (seed, CLI without a member). */
  actorId: string | null;
  /** A dotted verb, e.g. "member.role_changed". */
  action: string;
  targetType: string;
  targetId: string;
  /** The reason given by the actor, shown to whoever reads the trail. */
  reason?: string | null;
  /** Extra facts (old and new values). */
  data?: Prisma.InputJsonValue;
}

/** Appends an audit event inside the caller's transaction, so it commits with the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, reason: entry.reason ?? null } });
}

/** A member's act on their own account (signed up, changed password, two-factor...): actor and target are them. */
export async function recordAccountEvent(
  tx: Tx,
  memberId: string,
  action: `member.${string}`,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  await recordAudit(tx, { actorId: memberId, action, targetType: 'Member', targetId: memberId, data });
}
