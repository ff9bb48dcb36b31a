import type { Phase } from '~/generated/prisma/enums.ts';

/** The phase a program moves to after `phase` (null after PUBLISHED): drafting, amending, voting, published. */
export function nextPhaseOf(phase: Phase): Phase | null {
  const order: readonly Phase[] = ['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'];
  return order[order.indexOf(phase) + 1] ?? null;
}
