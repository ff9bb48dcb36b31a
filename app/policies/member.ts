import type { Role } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';

/** Admins see the member list (emails included); nobody else does. */
export function canListMembers(actor: Actor): boolean {
  return hasRole(actor, 'ADMIN');
}

/**
 * Admins manage roles. An admin may not change their own role: the last admin could otherwise lock everyone
 * out, and a second admin is a witness to any change of the kind.
 */
export function canChangeRole(actor: Actor, target: { id: string; role: Role }, _newRole: Role): boolean {
  return hasRole(actor, 'ADMIN') && actor.id !== target.id;
}

/** Administrators suspend (and reinstate) members and moderators, never themselves nor another administrator. */
export function canSuspend(actor: Actor, target: { id: string; role: Role }): boolean {
  return hasRole(actor, 'ADMIN') && actor.id !== target.id && target.role !== 'ADMIN';
}

/** Admins decide whether moderators and admins must use two-factor authentication. */
export function canRequireTwoFactor(actor: Actor): boolean {
  return hasRole(actor, 'ADMIN');
}

/** Whether a role must use two-factor authentication when the installation requires it: moderators and admins. */
export function roleNeedsTwoFactor(role: Role): boolean {
  return role !== 'MEMBER';
}
