import { describe, expect, it } from 'vitest';
import { readRegister } from '../../app/modules/register/register-file.ts';
import { syncRegister } from '../../app/modules/register/register.server.ts';
import { censusCommitment, censusLeaf } from '../../app/modules/voting/census.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import { openAndCloseDue } from '../../app/modules/voting/round-clock.server.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { registerCsv } from '../factories/register.ts';
import { admissibleChange, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

async function importFile(rows: Parameters<typeof registerCsv>[0]) {
  return syncRegister(readRegister(registerCsv(rows)), { actorId: null });
}

describe('census rules', () => {
  it('freezes a REGISTER census of members in good standing, publishes its commitment, and stands when the register changes', async () => {
    const ctx = await votingProgram();
    await db().program.update({ where: { id: ctx.programId }, data: { censusRule: 'REGISTER' } });
    const good = await createMember();
    const expired = await createMember();
    const lapsed = await createMember();
    const noDate = await createMember();
    const unlisted = await createMember();
    const unverified = await createMember({ verified: false });
    await importFile([
      { email: good.email, name: 'Good', until: '2099-12-31' },
      { email: expired.email, name: 'Expired', until: '2020-01-01' },
      { email: lapsed.email, name: 'Lapsed', until: '2099-12-31' },
      { email: noDate.email, name: 'No date' },
      { email: unverified.email, name: 'Unverified', until: '2099-12-31' },
    ]);
    await importFile([
      { email: good.email, name: 'Good', until: '2099-12-31' },
      { email: expired.email, name: 'Expired', until: '2020-01-01' },
      { email: noDate.email, name: 'No date' },
      { email: unverified.email, name: 'Unverified', until: '2099-12-31' },
    ]);
    const amendment = await admissibleChange(ctx, '26', '30', 'Thirty');
    const roundId = await roundOn(ctx, [amendment.id]);
    await openAndCloseDue();
    const round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId } });
    const census = await db().censusEntry.findMany({ where: { roundId } });
    expect(round).toMatchObject({ status: 'OPEN', censusRule: 'REGISTER', censusSize: 2 });
    expect(census.map((c) => c.memberId).sort()).toEqual([good.id, noDate.id].sort());
    // The commitment is over the salted hashes, recomputable by anyone given them.
    for (const c of census) expect(c.leaf).toBe(censusLeaf(c.salt!, c.memberId!));
    expect(round.censusCommitment).toBe(censusCommitment(census.map((c) => c.leaf!)));

    // Removed from the register during the round: the frozen census stands.
    await importFile([{ email: noDate.email, name: 'No date' }]);
    expect(await db().censusEntry.count({ where: { roundId, memberId: good.id } })).toBe(1);
    const view = await getRound(good, ctx.slug, roundId);
    expect(view.me).toMatchObject({ inCensus: true, canVote: true, censusReceipt: { memberId: good.id } });

    const outside = async (m: Actor) => (await getRound(m, ctx.slug, roundId)).me.outsideRegister;
    expect(await outside(lapsed)).toEqual({ key: 'lapsed' });
    expect(await outside(expired)).toEqual({ key: 'expired', date: '2020-01-01' });
    expect(await outside(unlisted)).toEqual({ key: 'unlisted' });
  }, 60_000);

  it('keeps the OPEN rule as before, with a commitment too', async () => {
    const ctx = await votingProgram();
    const voter = await createMember();
    const amendment = await admissibleChange(ctx, '26', '31', 'Thirty-one');
    const roundId = await roundOn(ctx, [amendment.id], { censusJoinedBefore: new Date(Date.now() + 1000) });
    await openAndCloseDue();
    const round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.censusRule).toBe('OPEN');
    expect(await db().censusEntry.count({ where: { roundId, memberId: voter.id } })).toBe(1);
    const leaves = (await db().censusEntry.findMany({ where: { roundId } })).map((c) => c.leaf!);
    expect(round.censusCommitment).toBe(censusCommitment(leaves));
    expect(leaves).toHaveLength(round.censusSize!);
  }, 60_000);
});
