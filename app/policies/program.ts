import type { Phase } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';

/** What the policies need to know of a program. */
export interface ProgramFacts {
  phase: Phase;
  /** The program opens its live draft to the public (on in the demo: openness is the point). */
  draftIsPublic: boolean;
}

/** Anyone may read a program's published versions (there is something to read once one exists). */
export function canReadPublished(_actor: Actor, _program: ProgramFacts): boolean {
  return true;
}

/**
 * Members always read the live draft; the public when the program opens it, and always once it is
 * PUBLISHED (until published versions exist, the text as it stands is what was published).
 */
export function canReadDraft(actor: Actor, program: ProgramFacts): boolean {
  return program.draftIsPublic || program.phase === 'PUBLISHED' || hasRole(actor, 'MEMBER');
}

/** Members co-write the draft while the program is in DRAFTING. */
export function canEditDraft(actor: Actor, program: ProgramFacts): boolean {
  return hasRole(actor, 'MEMBER') && program.phase === 'DRAFTING';
}

/** Members propose amendments while the program is in AMENDING. */
export function canProposeAmendment(actor: Actor, program: ProgramFacts): boolean {
  return hasRole(actor, 'MEMBER') && program.phase === 'AMENDING';
}

/** Moderators run the process: phases, structure, admissibility, rounds, publication. */
export function canManageProgram(actor: Actor, _program: ProgramFacts): boolean {
  return hasRole(actor, 'MODERATOR');
}

/** Everything the UI may offer on a program, computed once on the server and handed to the page. */
export function programAbilities(actor: Actor, program: ProgramFacts) {
  return {
    readDraft: canReadDraft(actor, program),
    editDraft: canEditDraft(actor, program),
    proposeAmendment: canProposeAmendment(actor, program),
    manage: canManageProgram(actor, program),
  };
}
export type ProgramAbilities = ReturnType<typeof programAbilities>;
