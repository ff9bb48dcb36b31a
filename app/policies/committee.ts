import type { AmendmentStatus, Phase } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';
import { canManageProgram } from './program.ts';

/**
 * The drafting committee (issue 21, docs/decisions/0037-committee-and-scheduled-phases.md): moderators name its
 * members; its members recommend a position on each amendment still standing and draft compromises, while the
 * program takes amendments or votes; an amendment's authors accept that a compromise replace it, until its vote
 * opens.
 */

/** What the committee's policies need to know of a program, for one actor. */
export interface CommitteeFacts {
  phase: Phase;
  /** Whether the actor sits on the program's drafting committee. */
  actorOnCommittee: boolean;
}

/** The statuses an amendment may be recommended on: submitted, and not yet in a vote nor decided. */
const RECOMMENDABLE: readonly AmendmentStatus[] = ['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'];

/** The committee works while amendments are written and weighed, and until the vote that settles them opens. */
const WORKING: readonly Phase[] = ['AMENDING', 'VOTING'];

/** Moderators (and administrators) name and remove the committee's members. */
export function canManageCommittee(actor: Actor, program: { phase: Phase }): boolean {
  return canManageProgram(actor, program);
}

/**
 * The committee's members record a recommendation on a standing amendment (not on a compromise: that is the
 * committee's own text). Sitting on the committee is what counts: a moderator who does not sit on it may not.
 */
export function canRecommend(
  actor: Actor,
  program: CommitteeFacts,
  amendment: { status: AmendmentStatus; isCompromise: boolean },
): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    program.actorOnCommittee &&
    WORKING.includes(program.phase) &&
    RECOMMENDABLE.includes(amendment.status) &&
    !amendment.isCompromise
  );
}

/** The committee's members write a compromise's live draft, and submit it, while it is a draft. */
export function canDraftCompromise(actor: Actor, program: CommitteeFacts, compromise: { status: AmendmentStatus }) {
  return (
    hasRole(actor, 'MEMBER') &&
    program.actorOnCommittee &&
    WORKING.includes(program.phase) &&
    compromise.status === 'DRAFT'
  );
}

/**
 * An author of the original accepts that the committee's submitted compromise replace it (in its round too), as
 * long as both still stand: any one author may, as any one may withdraw it.
 */
export function canAcceptCompromise(
  actor: Actor,
  original: { status: AmendmentStatus; actorIsAuthor: boolean },
  compromise: { status: AmendmentStatus } | null,
): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    original.actorIsAuthor &&
    RECOMMENDABLE.includes(original.status) &&
    compromise?.status === 'ADMISSIBLE'
  );
}
