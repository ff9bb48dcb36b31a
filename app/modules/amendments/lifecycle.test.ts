import { describe, expect, it } from 'vitest';
import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { assertMove, canMove, IllegalTransitionError, TRANSITIONS } from './lifecycle.ts';

const ALL = Object.keys(TRANSITIONS) as AmendmentStatus[];

describe('amendment life cycle', () => {
  it('follows draft, submission, qualification, admissibility, vote and application', () => {
    const path: AmendmentStatus[] = ['DRAFT', 'SUBMITTED', 'QUALIFIED', 'ADMISSIBLE', 'IN_VOTE', 'ADOPTED', 'APPLIED'];
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('lets authors withdraw until the vote opens, and not after', () => {
    for (const from of ['DRAFT', 'SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'] as const)
      expect(canMove(from, 'WITHDRAWN')).toBe(true);
    for (const from of ['IN_VOTE', 'ADOPTED', 'REJECTED', 'APPLIED'] as const)
      expect(canMove(from, 'WITHDRAWN')).toBe(false);
  });

  it('sends a rewritten admissible amendment back to the moderators, and nothing else back', () => {
    expect(canMove('ADMISSIBLE', 'QUALIFIED')).toBe(true);
    expect(canMove('INADMISSIBLE', 'QUALIFIED')).toBe(false);
    expect(canMove('QUALIFIED', 'SUBMITTED')).toBe(false);
  });

  it('refuses every other move with an error naming both ends', () => {
    let refused = 0;
    for (const from of ALL)
      for (const to of ALL) {
        if (TRANSITIONS[from].includes(to)) continue;
        expect(() => assertMove(from, to)).toThrow(IllegalTransitionError);
        refused++;
      }
    expect(refused).toBe(ALL.length * ALL.length - Object.values(TRANSITIONS).flat().length);
    expect(() => assertMove('DRAFT', 'ADOPTED')).toThrow('An amendment cannot go from DRAFT to ADOPTED');
  });
});
