import { describe, expect, it } from 'vitest';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { checkReceipt } from '../../app/modules/voting/receipt-check.server.ts';
import { closeRound } from '../../app/modules/voting/round-closing.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { admissibleChange, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

describe('an arbiter’s receipt check', () => {
  it('cannot tell before the count, then finds a kept receipt with its answers and not a replaced one', async () => {
    const ctx = await votingProgram();
    const voter = await createMember();
    await db().member.update({ where: { id: voter.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const amendment = await admissibleChange(ctx, 'region', 'town', 'Towns', 1);
    const roundId = await roundOn(ctx, [amendment.id], { title: 'Checked round' });
    const question = await db().roundQuestion.findFirstOrThrow({ where: { roundId } });
    const first = await castBallot({ actor: voter, roundId, answers: { [question.id]: 'NO' } });
    const last = await castBallot({ actor: voter, roundId, answers: { [question.id]: 'YES' } });

    // Open: no board yet, whatever the code.
    expect(await checkReceipt(roundId, last.code)).toEqual({ outcome: 'not-counted', title: 'Checked round' });
    await db().votingRound.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 1000) } });
    await closeRound(roundId);

    const kept = await checkReceipt(`http://plenum.test/p/${ctx.slug}/rounds/${roundId}`, last.code.toLowerCase());
    expect(kept).toMatchObject({ outcome: 'on-board', title: 'Checked round', code: last.code, ballots: 1 });
    expect(kept.outcome === 'on-board' && kept.answers).toEqual([{ question: question.title, answer: 'Yes' }]);
    expect(kept.outcome === 'on-board' && kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkReceipt(roundId, first.code)).toMatchObject({ outcome: 'not-on-board', answers: [] });
    expect(await checkReceipt(roundId, 'nonsense')).toEqual({ outcome: 'malformed', code: 'nonsense' });
    expect(await checkReceipt('no-such-round', last.code)).toEqual({
      outcome: 'unknown-round',
      round: 'no-such-round',
    });
    // A round opened, two ballots, a close and a count: well over the default 20 s on a busy machine.
  }, 120_000);
});
