import type { Role } from '~/generated/prisma/enums.ts';
import { ForbiddenError } from '~/utils/domain-errors.ts';

/** Who is acting: a signed-in member (id and role), or null for the public. */
export type Actor = { id: string; role: Role; suspended?: boolean } | null;

const RANK: Record<Role, number> = { MEMBER: 1, MODERATOR: 2, ADMIN: 3 };

/**
 * The actor of a signed-in member as the policies see them, or null. A suspended member takes part in nothing; a
 * moderator or admin who must set up two-factor authentication first acts as a member until they do (ADR 0027).
 */
export function actorOfMember(
  member: { id: string; role: Role; suspended: object | null; twoFactorDue?: boolean } | null | undefined,
): Actor {
  if (!member) return null;
  return { id: member.id, role: member.twoFactorDue ? 'MEMBER' : member.role, suspended: member.suspended !== null };
}

/**
 * True when the actor is signed in with at least `role`. A suspended member has no role: they read what the
 * public reads and take part in nothing (their own data stays theirs: export and deletion check `signedIn`).
 */
export function hasRole(actor: Actor, role: Role): actor is NonNullable<Actor> {
  return actor !== null && !actor.suspended && RANK[actor.role] >= RANK[role];
}

/** True when someone is signed in, suspended or not: what a member may always do with their own account. */
export function signedIn(actor: Actor): actor is NonNullable<Actor> {
  return actor !== null;
}

/**
 * Throws ForbiddenError unless `allowed` and someone is signed in: the guard of every command (whatever follows
 * knows the actor is a member, no `actor!`). Reads the public may be allowed use enforceRead.
 */
export function enforce(allowed: boolean, actor: Actor, action: string): asserts actor is NonNullable<Actor> {
  if (!allowed || actor === null) throw new ForbiddenError(action, actor !== null, actor?.suspended === true);
}

/** Throws ForbiddenError unless `allowed`: the guard of a read, which the public may be allowed. */
export function enforceRead(allowed: boolean, actor: Actor, action: string): void {
  if (!allowed) throw new ForbiddenError(action, actor !== null, actor?.suspended === true);
}
