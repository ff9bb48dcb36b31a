import { hasRole, type Actor } from './actor.ts';

/** Admins import and read the movement's membership register (names, addresses, numbers): nobody else. */
export function canManageRegister(actor: Actor): boolean {
  return hasRole(actor, 'ADMIN');
}
