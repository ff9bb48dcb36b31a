import { hasRole, type Actor } from './actor.ts';
import { canReadAmendment, type AmendmentFacts } from './amendment.ts';
import type { ProgramFacts } from './program.ts';

/** Members follow what they may read: a program, chapter or section they read, an amendment they read. */
export function canFollow(actor: Actor, readable: boolean): boolean {
  return hasRole(actor, 'MEMBER') && readable;
}

/**
 * Whether the followers of an amendment are told of it: only what a member who is not one of its authors may
 * read (a draft stays its authors'). Suspended and deleted members are never told anything (the fan-out leaves
 * them out), so a plain member is the least any follower may read.
 */
export function followersMayRead(
  program: Pick<ProgramFacts, 'phase' | 'draftIsPublic'>,
  amendment: Pick<AmendmentFacts, 'status' | 'submitted'>,
): boolean {
  return canReadAmendment({ id: '', role: 'MEMBER' }, program, { ...amendment, actorIsAuthor: false });
}

/** Moderators take a chapter: what concerns it comes first in their notifications. */
export function canTakeChapter(actor: Actor): boolean {
  return hasRole(actor, 'MODERATOR');
}
