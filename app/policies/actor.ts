import type { Role } from '~/generated/prisma/enums.ts';

/** Who is acting: a signed-in member (id and role), or null for the public. */
export type Actor = { id: string; role: Role } | null;

const RANK: Record<Role, number> = { MEMBER: 1, MODERATOR: 2, ADMIN: 3 };

/** True when the actor is signed in with at least `role`. */
export function hasRole(actor: Actor, role: Role): actor is NonNullable<Actor> {
  return actor !== null && RANK[actor.role] >= RANK[role];
}

/** Thrown by a module function when a policy refuses; routes turn it into a 403 (or a login for the public). */
export class ForbiddenError extends Error {
  constructor(
    public readonly action: string,
    public readonly signedIn: boolean,
  ) {
    super(`Forbidden: ${action}`);
    this.name = 'ForbiddenError';
  }
}

/** Throws ForbiddenError unless `allowed`. */
export function enforce(allowed: boolean, actor: Actor, action: string): void {
  if (!allowed) throw new ForbiddenError(action, actor !== null);
}
