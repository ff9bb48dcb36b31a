import { describe, expect, it } from 'vitest';
import { secretFromBase32, totpAt } from '../../app/modules/members/totp.ts';
import {
  confirmTwoFactorSetup,
  startTwoFactorSetup,
  twoFactorPage,
} from '../../app/modules/members/two-factor.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { MAX_BALLOT_CODES_PER_HOUR, mailBallotCode } from '../../app/modules/voting/binding.server.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { admissibleChange, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();
const address = '192.0.2.55';

/** A binding round open now, with voters who joined before it. */
async function bindingRound() {
  const voters = [await createMember(), await createMember(), await createMember()];
  const ctx = await votingProgram();
  const amendment = await admissibleChange(ctx, '26', '30', 'Up');
  const roundId = await roundOn(ctx, [amendment.id], {
    binding: true,
    censusJoinedBefore: new Date(Date.now() + 1000),
  });
  const view = await getRound(voters[0]!, ctx.slug, roundId);
  // The round's page says it is binding.
  expect(view.round.binding).toBe(true);
  const question = view.questions[0]!.id;
  return { ...ctx, voters, roundId, answers: { [question]: 'YES' } };
}

async function mailedCode(email: string) {
  const mail = (await readOutbox(outbox.outboxDir, email)).at(-1);
  return mail?.subject.match(/(\d{6})$/)?.[1] ?? '';
}

const stored = (roundId: string) => db().ballot.count({ where: { roundId } });

describe('binding rounds', () => {
  it('refuses a ballot without a right code and stores nothing; takes a mailed code once', async () => {
    const round = await bindingRound();
    const [voter] = round.voters;
    const cast = (code?: string) =>
      castBallot({ actor: voter!, roundId: round.roundId, slug: round.slug, answers: round.answers, code, address });
    await expect(cast()).rejects.toMatchObject({ key: 'vote.errors.codeRequired', kind: 'invalid' });
    await expect(cast('123456')).rejects.toMatchObject({ key: 'vote.errors.codeWrong' });
    expect(await stored(round.roundId)).toBe(0);
    expect(await db().voterRoll.count({ where: { roundId: round.roundId } })).toBe(0);

    await mailBallotCode(voter!, round.slug, round.roundId);
    const code = await mailedCode(voter!.email);
    expect(code).toMatch(/^\d{6}$/);
    // Another member cannot use it.
    await expect(
      castBallot({
        actor: round.voters[1]!,
        roundId: round.roundId,
        slug: round.slug,
        answers: round.answers,
        code,
        address,
      }),
    ).rejects.toMatchObject({ key: 'vote.errors.codeWrong' });
    const receipt = await cast(code);
    expect(receipt.code).toBeTruthy();
    expect(await stored(round.roundId)).toBe(1);
    await expect(cast(code)).rejects.toMatchObject({ key: 'vote.errors.codeWrong' });
  });

  it('accepts the voter’s authenticator code instead of a mailed one', async () => {
    const round = await bindingRound();
    const voter = round.voters[2]!;
    const actor = { id: voter.id, role: voter.role };
    await startTwoFactorSetup(actor);
    const secret = secretFromBase32((await twoFactorPage(actor)).setup!.key);
    await confirmTwoFactorSetup({ actor, code: totpAt(secret, Date.now()), address });
    const code = totpAt(secret, Date.now() + 30_000);
    await expect(
      castBallot({ actor, roundId: round.roundId, slug: round.slug, answers: round.answers, code, address }),
    ).resolves.toHaveProperty('code');
  });

  it('mails at most five codes an hour, and throttles guessing', async () => {
    const round = await bindingRound();
    const voter = round.voters[1]!;
    for (let i = 0; i < MAX_BALLOT_CODES_PER_HOUR; i++) await mailBallotCode(voter, round.slug, round.roundId);
    await expect(mailBallotCode(voter, round.slug, round.roundId)).rejects.toMatchObject({
      kind: 'throttled',
      key: 'vote.code.tooMany',
    });
    const code = await mailedCode(voter.email);
    const cast = (c: string) =>
      castBallot({ actor: voter, roundId: round.roundId, slug: round.slug, answers: round.answers, code: c, address });
    for (let i = 0; i < 5; i++)
      await expect(cast(String(200000 + i))).rejects.toMatchObject({ key: 'vote.errors.codeWrong' });
    await expect(cast(code)).rejects.toMatchObject({ key: 'vote.errors.codeThrottled', kind: 'throttled' });
    expect(await stored(round.roundId)).toBe(0);
  });

  it('asks no code in a round that is not binding', async () => {
    const round = await bindingRound();
    await db().votingRound.update({ where: { id: round.roundId }, data: { binding: false } });
    await expect(
      castBallot({ actor: round.voters[0]!, roundId: round.roundId, slug: round.slug, answers: round.answers }),
    ).resolves.toHaveProperty('code');
    await expect(mailBallotCode(round.voters[0]!, round.slug, round.roundId)).rejects.toMatchObject({
      key: 'vote.code.notBinding',
    });
  });
});
