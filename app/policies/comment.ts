import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';
import { canManageProgram, type ProgramFacts } from './program.ts';

type Program = Pick<ProgramFacts, 'phase' | 'draftIsPublic'>;

/** How long after posting its author may still edit a comment. */
export const COMMENT_EDIT_MINUTES = 15;

/** What the policies need to know of a comment, for one actor. */
export interface CommentFacts {
  authorId: string | null;
  createdAt: Date;
  hidden: boolean;
}

/**
 * Members debate an amendment once it is submitted, while the program takes amendments or votes on them; after
 * that the debate stays readable but closed.
 */
export function canComment(
  actor: Actor,
  program: Program,
  amendment: { status: AmendmentStatus; submitted: boolean },
): boolean {
  return (
    hasRole(actor, 'MEMBER') && amendment.submitted && (program.phase === 'AMENDING' || program.phase === 'VOTING')
  );
}

/** Authors edit their comment for a short while after posting it, unless moderators hid it. */
export function canEditComment(actor: Actor, comment: CommentFacts, now: Date): boolean {
  return (
    hasRole(actor, 'MEMBER') &&
    comment.authorId === actor.id &&
    !comment.hidden &&
    now.getTime() - comment.createdAt.getTime() < COMMENT_EDIT_MINUTES * 60_000
  );
}

/** Members report someone else's comment to moderators (a hidden one is already dealt with). */
export function canReportComment(actor: Actor, comment: CommentFacts): boolean {
  return hasRole(actor, 'MEMBER') && comment.authorId !== actor.id && !comment.hidden;
}

/** Moderators hide a comment with a public reason, or keep it and dismiss its reports. */
export function canModerateComment(actor: Actor, program: Program): boolean {
  return canManageProgram(actor, program);
}
