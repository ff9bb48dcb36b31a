import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/**
 * An amendment's life: draft -> submitted (text frozen, collecting supports) -> qualified (threshold reached in
 * time) or expired -> admissible, inadmissible or merged into a duplicate -> in a voting round -> adopted or
 * rejected -> applied. Authors may withdraw until the vote opens. An admissible amendment that its authors had
 * to rewrite (its base moved) goes back to qualified: moderators judge the new text. Every other move is refused.
 */
export const TRANSITIONS: Record<AmendmentStatus, readonly AmendmentStatus[]> = {
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['QUALIFIED', 'EXPIRED', 'MERGED', 'WITHDRAWN'],
  QUALIFIED: ['ADMISSIBLE', 'INADMISSIBLE', 'MERGED', 'WITHDRAWN'],
  ADMISSIBLE: ['IN_VOTE', 'MERGED', 'WITHDRAWN', 'QUALIFIED'],
  IN_VOTE: ['ADOPTED', 'REJECTED'],
  ADOPTED: ['APPLIED'],
  EXPIRED: [],
  INADMISSIBLE: [],
  MERGED: [],
  REJECTED: [],
  APPLIED: [],
  WITHDRAWN: [],
};

/** A move the life cycle forbids, with both ends for the message. */
export class IllegalTransitionError extends DomainError {
  constructor(
    public readonly from: AmendmentStatus,
    public readonly to: AmendmentStatus,
  ) {
    super('conflict', 'amendments.errors.illegalTransition', {
      values: { status: from },
      log: `An amendment cannot go from ${from} to ${to}`,
    });
  }
}

/** Whether an amendment may move from `from` to `to`. */
export function canMove(from: AmendmentStatus, to: AmendmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws IllegalTransitionError unless the move is allowed. */
export function assertMove(from: AmendmentStatus, to: AmendmentStatus): void {
  if (!canMove(from, to)) throw new IllegalTransitionError(from, to);
}
