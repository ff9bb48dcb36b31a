import { describe, expect, it } from 'vitest';
import { AMENDMENT_PAGE_INTENTS, AmendmentCommandSchema } from './amendments.schema.ts';

describe("the amendment page's commands", () => {
  it('take a moderator’s decision only with a reason of 3 to 500 characters', () => {
    expect(AmendmentCommandSchema.parse({ intent: 'admissible', reason: '  Conforme aux statuts ' })).toEqual({
      intent: 'admissible',
      reason: 'Conforme aux statuts',
    });
    for (const reason of [undefined, '', ' ok ', 'x'.repeat(501)]) {
      const parsed = AmendmentCommandSchema.safeParse({ intent: 'inadmissible', reason });
      expect(parsed.success).toBe(false);
      // Too short says how short, too long says the limit.
      if (!parsed.success && reason !== undefined)
        expect(parsed.error.issues[0]?.message).toBe(
          reason.length > 500 ? 'errors.reasonTooLong' : 'errors.reasonRequired',
        );
    }
  });

  it('refuse an intent the page does not send, and name every intent its forms do', () => {
    expect(AmendmentCommandSchema.safeParse({ intent: 'publish' }).success).toBe(false);
    expect(AmendmentCommandSchema.safeParse({}).success).toBe(false);
    expect(AmendmentCommandSchema.parse({ intent: 'merge', intoId: 'abc', reason: 'Le même texte' })).toMatchObject({
      intoId: 'abc',
    });
    expect([...AMENDMENT_PAGE_INTENTS].sort()).toEqual(
      [
        'acceptCompromise',
        'acceptInvite',
        'admissible',
        'comment',
        'declineInvite',
        'editComment',
        'endorse',
        'hideComment',
        'inadmissible',
        'invite',
        'keepComment',
        'leave',
        'merge',
        'recommend',
        'report',
        'resolveConflict',
        'saveUpdate',
        'submit',
        'support',
        'unsupport',
        'withdraw',
      ].sort(),
    );
  });
});
