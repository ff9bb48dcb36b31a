import type { DraftingAccess, Phase } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';

/** What the policies need to know of a program. */
export interface ProgramFacts {
  phase: Phase;
  /** The program opens its live draft to the public (on in the demo: openness is the point). */
  draftIsPublic: boolean;
  /** Who writes during DRAFTING: every member, or only the members moderators named. */
  draftingAccess: DraftingAccess;
  /** Whether the acting member is one of the named drafters (false for the public). */
  actorIsDrafter: boolean;
}

/** Anyone may read a program's published versions (there is something to read once one exists). */
export function canReadPublished(_actor: Actor, _program: ProgramFacts): boolean {
  return true;
}

/**
 * Members always read the live draft; the public when the program opens it, and always once it is
 * PUBLISHED (until published versions exist, the text as it stands is what was published).
 */
export function canReadDraft(actor: Actor, program: Pick<ProgramFacts, 'phase' | 'draftIsPublic'>): boolean {
  return program.draftIsPublic || program.phase === 'PUBLISHED' || hasRole(actor, 'MEMBER');
}

/**
 * Whether the actor may know that the program exists at all: whoever reads its draft, and anyone once a version is
 * published. For anyone else it does not exist: every page and answer about it is the one a program that does not
 * exist gets (issue 15: a refusal or a login page would tell that it exists).
 */
export function canKnowProgram(
  actor: Actor,
  program: Pick<ProgramFacts, 'phase' | 'draftIsPublic'> & { published: boolean },
): boolean {
  return program.published || canReadDraft(actor, program);
}

/**
 * Members co-write the draft while the program is in DRAFTING: all of them, or only the named drafters when the
 * program says so. Moderators always may (they run the process and fix what goes wrong).
 */
export function canEditDraft(actor: Actor, program: ProgramFacts): boolean {
  if (!hasRole(actor, 'MEMBER') || program.phase !== 'DRAFTING') return false;
  return program.draftingAccess === 'ALL_MEMBERS' || program.actorIsDrafter || hasRole(actor, 'MODERATOR');
}

/** A section's text: the draft's rule, unless moderators locked the section (then nobody writes it). */
export function canEditSection(actor: Actor, program: ProgramFacts, section: { lockedAt: Date | null }): boolean {
  return section.lockedAt === null && canEditDraft(actor, program);
}

/**
 * Creating, renaming, reordering and removing chapters and sections: moderators at any time, and the named
 * drafters during DRAFTING. When every member may write, the structure stays with moderators: one member of
 * thousands must not be able to remove a chapter (docs/decisions/0010-shaping-the-program.md).
 */
export function canShapeProgram(actor: Actor, program: ProgramFacts): boolean {
  if (hasRole(actor, 'MODERATOR')) return true;
  return (
    hasRole(actor, 'MEMBER') &&
    program.phase === 'DRAFTING' &&
    program.draftingAccess === 'NAMED_DRAFTERS' &&
    program.actorIsDrafter
  );
}

/** Members propose amendments while the program is in AMENDING. */
export function canProposeAmendment(actor: Actor, program: ProgramFacts): boolean {
  return hasRole(actor, 'MEMBER') && program.phase === 'AMENDING';
}

/** Moderators run the process: phases, structure, admissibility, rounds, publication. */
export function canManageProgram(actor: Actor, _program: Pick<ProgramFacts, 'phase'>): boolean {
  return hasRole(actor, 'MODERATOR');
}

/** Moderators open new programs (empty, to be written or imported). */
export function canCreateProgram(actor: Actor): boolean {
  return hasRole(actor, 'MODERATOR');
}

/** Everything the UI may offer on a program, computed once on the server and handed to the page. */
export function programAbilities(actor: Actor, program: ProgramFacts) {
  return {
    readDraft: canReadDraft(actor, program),
    editDraft: canEditDraft(actor, program),
    proposeAmendment: canProposeAmendment(actor, program),
    manage: canManageProgram(actor, program),
    shape: canShapeProgram(actor, program),
  };
}
