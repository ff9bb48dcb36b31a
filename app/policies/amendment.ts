import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';
import { canManageProgram, canReadDraft, canProposeAmendment, type ProgramFacts } from './program.ts';

/** What the policies need to know of an amendment, for one actor. */
export interface AmendmentFacts {
  status: AmendmentStatus;
  /** Whether the actor is one of its authors. */
  actorIsAuthor: boolean;
  /**
   * Whether it was ever submitted. A draft withdrawn before submission stays its authors' alone: withdrawing
   * must never publish what was never submitted.
   */
  submitted: boolean;
  /** Whether the actor was invited to co-author it and has not answered yet (they may read the draft). */
  actorIsInvited?: boolean;
  /**
   * Whether a published version includes its application: its text is then part of what was published, and its
   * page (the provenance a version's notes link to) is public with it, whatever the program's phase.
   */
  inPublishedVersion?: boolean;
  /** Whether it is the drafting committee's compromise: drafted while the program votes too (ADR 0037). */
  isCompromise?: boolean;
}

type Program = Pick<ProgramFacts, 'phase' | 'draftIsPublic'>;

/** Members start amendments while the program is in AMENDING. */
export function canStartAmendment(actor: Actor, program: Program): boolean {
  return canProposeAmendment(actor, { ...program, draftingAccess: 'ALL_MEMBERS', actorIsDrafter: false });
}

/**
 * A draft is its authors' until they submit it; after that, whoever reads the program reads it; and anyone once a
 * published version includes it (the provenance of published text is public record, issue 17, item 9).
 */
export function canReadAmendment(actor: Actor, program: Program, amendment: AmendmentFacts): boolean {
  if ((amendment.actorIsAuthor || amendment.actorIsInvited) && hasRole(actor, 'MEMBER')) return true;
  return amendment.submitted && (canReadDraft(actor, program) || amendment.inPublishedVersion === true);
}

/**
 * Authors write the draft (live) and submit it, while it is a draft and the program takes amendments; the drafting
 * committee's compromise also while the program votes (until the round that settles the original opens).
 */
export function canEditAmendment(actor: Actor, program: Program, amendment: AmendmentFacts): boolean {
  const phase = program.phase === 'AMENDING' || (amendment.isCompromise === true && program.phase === 'VOTING');
  return hasRole(actor, 'MEMBER') && amendment.actorIsAuthor && amendment.status === 'DRAFT' && phase;
}

/**
 * Authors rewrite a submitted amendment whose base moved under it in a way that overlaps its change, while the
 * program takes amendments (docs/decisions/0012-collisions-and-carry-over.md).
 */
export function canUpdateAmendment(
  actor: Actor,
  program: Program,
  amendment: AmendmentFacts & { needsUpdate: boolean },
): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    amendment.actorIsAuthor &&
    amendment.needsUpdate &&
    ['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'].includes(amendment.status) &&
    program.phase === 'AMENDING'
  );
}

/** A co-author leaves a draft, as long as another author remains to carry it. */
export function canLeaveAmendment(actor: Actor, amendment: AmendmentFacts & { authors: number }): boolean {
  return hasRole(actor, 'MEMBER') && amendment.actorIsAuthor && amendment.status === 'DRAFT' && amendment.authors > 1;
}

/** Authors invite co-authors while drafting. */
export const canInviteCoauthor = canEditAmendment;

/** Authors withdraw their amendment until its vote opens. */
export function canWithdrawAmendment(actor: Actor, amendment: AmendmentFacts): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    amendment.actorIsAuthor &&
    ['DRAFT', 'SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'].includes(amendment.status)
  );
}

/**
 * Members support a submitted amendment until its deadline, while the program takes amendments; its authors
 * do not count among its supporters.
 */
export function canSupportAmendment(
  actor: Actor,
  program: Program,
  amendment: AmendmentFacts & { supportDeadline: Date | null },
  now: Date,
): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    !amendment.actorIsAuthor &&
    program.phase === 'AMENDING' &&
    (amendment.status === 'SUBMITTED' || amendment.status === 'QUALIFIED') &&
    amendment.supportDeadline !== null &&
    now < amendment.supportDeadline
  );
}

/** The statuses of an amendment that still stands for a vote: submitted, and not yet in one nor decided. */
export const STANDING: readonly AmendmentStatus[] = ['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'];

/** Moderators decide whether an amendment that qualified goes to the vote. */
export function canDecideAdmissibility(actor: Actor, program: Program, amendment: { status: AmendmentStatus }) {
  return canManageProgram(actor, program) && amendment.status === 'QUALIFIED';
}

/** Moderators merge a standing amendment into another standing one of the same section, as a duplicate. */
export function canMergeAmendment(actor: Actor, program: Program, amendment: { status: AmendmentStatus }) {
  return canManageProgram(actor, program) && STANDING.includes(amendment.status);
}

/** Everything the actor may do with one amendment, as its page offers it: the policies above, asked once. */
export function amendmentAbilities(
  actor: Actor,
  program: Program,
  amendment: AmendmentFacts & { supportDeadline: Date | null; needsUpdate: boolean; authors: number },
  now: Date,
) {
  return {
    support: canSupportAmendment(actor, program, amendment, now),
    edit: canEditAmendment(actor, program, amendment),
    invite: canInviteCoauthor(actor, program, amendment),
    withdraw: canWithdrawAmendment(actor, amendment),
    leave: canLeaveAmendment(actor, amendment),
    update: canUpdateAmendment(actor, program, amendment),
    decide: canDecideAdmissibility(actor, program, amendment),
    merge: canMergeAmendment(actor, program, amendment),
  };
}
