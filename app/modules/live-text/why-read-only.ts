import type { AmendmentStatus, DraftingAccess, Phase } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from '~/policies/actor.ts';
import type { WriteEnded } from './names.ts';

/**
 * Why a member may not write a live text, in the words the editor shows (issue 17): the policies answer whether,
 * this answers why, checked in the same order as the policies' conditions, the member's own state first.
 */

/** Why `actor` may not write a section's text (asked only once the policy said no). */
export function whySectionReadOnly(
  actor: Actor,
  program: { phase: Phase; phaseStartedAt: Date | null; draftingAccess: DraftingAccess; actorIsDrafter: boolean },
  section: { lockedAt: Date | null; archivedAt: Date | null },
): WriteEnded {
  const mine = whyNotMe(actor);
  if (mine) return mine;
  if (section.archivedAt) return { reason: 'other', since: section.archivedAt };
  if (program.phase !== 'DRAFTING') return { reason: 'phase', since: program.phaseStartedAt };
  if (section.lockedAt) return { reason: 'locked', since: section.lockedAt };
  if (program.draftingAccess === 'NAMED_DRAFTERS' && !program.actorIsDrafter && !hasRole(actor, 'MODERATOR')) {
    return { reason: 'drafter', since: null };
  }
  return { reason: 'other', since: null };
}

/** Why `actor` may not write an amendment's draft (asked only once the policy said no). */
export function whyAmendmentReadOnly(
  actor: Actor,
  program: { phase: Phase; phaseStartedAt: Date | null },
  amendment: { status: AmendmentStatus; actorIsAuthor: boolean },
): WriteEnded {
  const mine = whyNotMe(actor);
  if (mine) return mine;
  if (program.phase !== 'AMENDING') return { reason: 'phase', since: program.phaseStartedAt };
  if (!amendment.actorIsAuthor) return { reason: 'author', since: null };
  return { reason: amendment.status === 'DRAFT' ? 'other' : 'notDraft', since: null };
}

function whyNotMe(actor: Actor): WriteEnded | null {
  if (actor === null) return { reason: 'signedOut', since: null };
  if (actor.suspended) return { reason: 'suspended', since: null };
  return null;
}
