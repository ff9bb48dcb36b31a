import type { GroupStatus } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';

/** What the policies need to know of a group, for one actor. */
export interface GroupFacts {
  status: GroupStatus;
  actorIsMember: boolean;
  actorIsCoordinator: boolean;
}

/** Members create groups (moderators then validate them). */
export function canCreateGroup(actor: Actor): boolean {
  return hasRole(actor, 'MEMBER');
}

/** Everyone sees validated groups (name, area, description, size); members also see pending ones they are in. */
export function canSeeGroup(actor: Actor, group: GroupFacts): boolean {
  return group.status === 'VALIDATED' || group.actorIsMember || hasRole(actor, 'MODERATOR');
}

/** A group's member list is visible only to its members. */
export function canSeeGroupMembers(actor: Actor, group: GroupFacts): boolean {
  return hasRole(actor, 'MEMBER') && group.actorIsMember;
}

/** Members join a group that is not rejected, and leave it. */
export function canJoinGroup(actor: Actor, group: GroupFacts): boolean {
  return hasRole(actor, 'MEMBER') && !group.actorIsMember && group.status !== 'REJECTED';
}

/** Moderators validate or reject a group, with a public reason. */
export function canDecideGroup(actor: Actor, group: GroupFacts): boolean {
  return hasRole(actor, 'MODERATOR') && group.status === 'PENDING';
}

/** A validated group's coordinators endorse amendments on its behalf. */
export function canEndorseFor(actor: Actor, group: GroupFacts): boolean {
  return hasRole(actor, 'MEMBER') && group.status === 'VALIDATED' && group.actorIsCoordinator;
}
