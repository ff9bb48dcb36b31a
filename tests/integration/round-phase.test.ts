import { describe, expect, it } from 'vitest';
import { votableAmendments } from '../../app/modules/voting/ballot-paper.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';
import { createMember } from '../factories/members.ts';
import { roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

describe('rounds outside their phases (issue 17, item 14)', () => {
  it('tells a moderator the phase is the reason, and still refuses anyone else as before', async () => {
    const ctx = await votingProgram();
    await db().program.update({ where: { id: ctx.programId }, data: { phase: 'PUBLISHED' } });
    expect(await votableAmendments(ctx.moderator, ctx.slug)).toMatchObject({ wrongPhase: true, choices: [] });
    await expect(roundOn(ctx, ['aaaaaaaaaaaaaaaa'])).rejects.toMatchObject({
      kind: 'conflict',
      key: 'rounds.errors.phase',
    });
    const member = await createMember();
    await expect(votableAmendments(member, ctx.slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(roundOn({ ...ctx, moderator: member }, ['aaaaaaaaaaaaaaaa'])).rejects.toBeInstanceOf(ForbiddenError);
  });
});
