import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BallotError, castBallot } from '../../app/modules/voting/ballots.server.ts';
import { boardOf, findCode } from '../../app/modules/voting/ballot-board.server.ts';
import { verifyBoard } from '../../app/modules/voting/verify-board.ts';
import { createRoundKey, destroyRoundKey } from '../../app/modules/voting/keys.server.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import { closeRound } from '../../app/modules/voting/round-closing.server.ts';
import { createRound, rescheduleClose, VotingError } from '../../app/modules/voting/rounds.server.ts';
import { openAndCloseDue } from '../../app/modules/voting/round-clock.server.ts';
import { KEEP_CURRENT, type Board } from '../../app/modules/voting/types.ts';
import { type Actor } from '../../app/policies/actor.ts';
import { appConfig } from '../../app/utils/config.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { admissibleChange, manyMembers, votingProgram, roundOn } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { listNotifications, notificationText } from '../../app/modules/notifications/notifications.server.ts';
import { unlockSection } from '../../app/modules/programs/section-locks.server.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

const HOUR = 3600_000;

async function roundWith(amendmentIds: string[], options: { quorumPercent?: number; slug: string; moderator: Actor }) {
  return createRound({
    actor: options.moderator,
    slug: options.slug,
    title: 'First round',
    explanation: 'We settle the transport amendments.',
    opensAt: new Date(Date.now() - 1000),
    closesAt: new Date(Date.now() + HOUR),
    quorumPercent: options.quorumPercent ?? 0,
    majority: { numerator: 1, denominator: 2 },
    method: 'SCHULZE',
    censusJoinedBefore: new Date(Date.now() - 1000),
    amendmentIds,
  });
}

const keyFile = (roundId: string) => path.join(appConfig().keysDir, `round-${roundId}.key`);
const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

describe('voting rounds', () => {
  it('opens with a frozen census and fixed questions, turns the sections read-only, and keeps a collision group whole', async () => {
    const ctx = await votingProgram();
    const voters = await manyMembers(3);
    const up30 = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const all = await admissibleChange(ctx, 'everyone under 26', 'everyone', 'For everyone');
    const other = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    // Naming one member of a collision group brings the whole group.
    const roundId = await roundWith([up30.id, other.id], ctx);
    const view = await getRound(voters[0]!, ctx.slug, roundId);
    expect(view.round.status).toBe('OPEN');
    expect(view.questions.map((q) => q.kind).sort()).toEqual(['PREFERENTIAL', 'YES_NO']);
    const preferential = view.questions.find((q) => q.kind === 'PREFERENTIAL')!;
    expect(preferential.alternatives.map((a) => a.id)).toEqual([KEEP_CURRENT, up30.id, all.id]);
    expect(view.me).toMatchObject({ inCensus: true, voted: false, canVote: true, counted: false, canSeeRoll: false });
    const census = await db().member.count({
      where: { emailVerifiedAt: { not: null }, createdAt: { lt: view.round.censusJoinedBefore } },
    });
    expect(view.round.censusSize).toBe(census);
    for (const id of [up30.id, all.id, other.id]) {
      expect((await db().amendment.findUniqueOrThrow({ where: { id } })).status).toBe('IN_VOTE');
    }
    const sections = await db().section.findMany({ where: { id: { in: ctx.sections } } });
    expect(sections.every((s) => s.lockedAt && s.lockedByRoundId === roundId)).toBe(true);
    // Nobody lifts a vote's lock by hand.
    await expect(unlockSection({ actor: ctx.moderator, sectionId: ctx.sections[0]! })).rejects.toMatchObject({
      key: 'structure.errors.lockedByVote',
    });
    // A member who joins now is not in the census.
    const late = await createMember();
    const yesNo = view.questions.find((q) => q.kind === 'YES_NO')!.id;
    await expect(castBallot({ actor: late, roundId, answers: { [yesNo]: 'YES' } })).rejects.toMatchObject({
      key: 'vote.errors.notInCensus',
    });
    expect(await exists(keyFile(roundId))).toBe(true);
  });

  it('refuses a round of amendments that are not admissible, or a group whose competitors are not', async () => {
    const ctx = await votingProgram();
    const a = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const b = await admissibleChange(ctx, 'under 26', 'under 25', 'Up to 25');
    await db().amendment.update({ where: { id: b.id }, data: { status: 'QUALIFIED' } });
    await expect(roundWith([a.id], ctx)).rejects.toMatchObject({ key: 'vote.errors.groupIncomplete' });
    await expect(roundWith([b.id], ctx)).rejects.toMatchObject({ key: 'vote.errors.notAdmissible' });
    await expect(roundWith([], ctx)).rejects.toBeInstanceOf(VotingError);
    await expect(
      roundWith([a.id], { ...ctx, moderator: { ...a.author, role: 'MEMBER' } as never }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().votingRound.count({ where: { programId: ctx.programId } })).toBe(0);
  });

  it('counts the last ballot of each voter, shows no result before the close, and publishes a board anyone can recount', async () => {
    const ctx = await votingProgram();
    const [ana, ben, chloe, dan] = await manyMembers(4);
    const up30 = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const all = await admissibleChange(ctx, 'everyone under 26', 'everyone', 'For everyone');
    const cities = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    const roundId = await roundWith([up30.id, cities.id], { ...ctx, quorumPercent: 0 });
    const view = await getRound(ana!, ctx.slug, roundId);
    const yesNo = view.questions.find((q) => q.kind === 'YES_NO')!.id;
    const pref = view.questions.find((q) => q.kind === 'PREFERENTIAL')!.id;

    const first = await castBallot({ actor: ana!, roundId, answers: { [yesNo]: 'NO', [pref]: [[KEEP_CURRENT]] } });
    // Ana changes her mind: her first receipt no longer counts.
    const anaLast = await castBallot({
      actor: ana!,
      roundId,
      answers: { [yesNo]: 'YES', [pref]: [[all.id], [up30.id]] },
    });
    const benReceipt = await castBallot({
      actor: ben!,
      roundId,
      answers: { [yesNo]: 'YES', [pref]: [[all.id], [KEEP_CURRENT]] },
    });
    const chloeReceipt = await castBallot({
      actor: chloe!,
      roundId,
      answers: { [yesNo]: 'ABSTAIN', [pref]: [[up30.id]] },
    });
    expect(anaLast.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(anaLast.code).not.toBe(first.code);

    // While open: turnout only, for everyone, moderators included; the ballots hold nothing readable.
    const open = await getRound(ctx.moderator, ctx.slug, roundId);
    expect(open.results).toBeNull();
    expect(open.voters).toBe(3);
    expect((await getRound(dan!, ctx.slug, roundId)).me.voted).toBe(false);
    expect((await getRound(ana!, ctx.slug, roundId)).me.voted).toBe(true);
    const stored = await db().ballot.findMany({ where: { roundId } });
    expect(stored).toHaveLength(3);
    // All sealed alike: the size of a ballot says nothing of its answers.
    expect(new Set(stored.map((b) => b.sealed!.length)).size).toBe(1);
    for (const b of stored) {
      expect(b.answers).toBeNull();
      expect(b.code).toBeNull();
      expect(Buffer.from(b.sealed!).toString('utf8')).not.toContain(yesNo);
    }
    expect(await boardOf(roundId)).toBeNull();

    // A moderator brings the close forward, with a public reason: the round is counted at once.
    await rescheduleClose({
      actor: ctx.moderator,
      roundId,
      closesAt: new Date(Date.now() - 1),
      reason: 'Everyone voted.',
    });
    const closed = await getRound(null, ctx.slug, roundId);
    expect(closed.round.status).toBe('CLOSED');
    const results = closed.results!;
    expect(results.ballots).toBe(3);
    const q1 = results.questions.find((q) => q.id === yesNo)!;
    expect(q1).toMatchObject({ kind: 'YES_NO', yes: 2, no: 0, abstain: 1, adopted: true });
    const q2 = results.questions.find((q) => q.id === pref)!;
    // Ana and Ben put "everyone" first; Chloe prefers "up to 30": "everyone" wins.
    expect(q2).toMatchObject({ kind: 'PREFERENTIAL', winner: all.id });
    const status = async (id: string) => (await db().amendment.findUniqueOrThrow({ where: { id } })).status;
    // Adopted, then written into the text at once (tests/integration/application.test.ts says more).
    expect(await status(all.id)).toBe('APPLIED');
    expect(await status(up30.id)).toBe('REJECTED');
    expect(await status(cities.id)).toBe('APPLIED');
    expect(await db().section.count({ where: { id: { in: ctx.sections }, lockedAt: { not: null } } })).toBe(0);
    // Authors are told the outcome.
    const told = (await listNotifications(all.author)).filter((n) => n.kind === 'VOTE_RESULT');
    expect(told.map((n) => notificationText('en', n)).sort()).toEqual([
      '“For everyone” is now part of the program’s text.',
      '“For everyone” was adopted by the members’ vote.',
    ]);
    const rejected = (await listNotifications(up30.author)).filter((n) => n.kind === 'VOTE_RESULT');
    expect(rejected.map((n) => notificationText('en', n))).toEqual([
      '“Up to 30” was not adopted by the members’ vote.',
    ]);

    // The board: every last receipt on it, no replaced one; nothing links a ballot to a voter; it recounts.
    const board = (await boardOf(roundId))!;
    const parsed = JSON.parse(board.text) as Board;
    expect(parsed.ballots.map((b) => b.code).sort()).toEqual([anaLast.code, benReceipt.code, chloeReceipt.code].sort());
    expect(board.text).not.toContain(first.code);
    expect(board.text).not.toContain(ana!.id);
    expect(board.sha256).toBe(closed.round.boardSha256);
    expect(verifyBoard(parsed)).toMatchObject({ ok: true, problems: [] });
    expect(await findCode(roundId, anaLast.code.toLowerCase().replace(/-/g, ' '))).toEqual({
      [yesNo]: 'YES',
      [pref]: [[all.id], [up30.id]],
    });
    expect(await findCode(roundId, first.code)).toBeNull();
    // After the close: no slot, no sealed content, no key.
    expect(
      await db().ballot.count({ where: { roundId, OR: [{ slot: { not: null } }, { sealed: { not: null } }] } }),
    ).toBe(0);
    expect(await exists(keyFile(roundId))).toBe(false);
    // A ballot after the close is refused, and the board does not move.
    await expect(castBallot({ actor: dan!, roundId, answers: { [yesNo]: 'NO' } })).rejects.toMatchObject({
      key: 'vote.errors.closed',
    });
    expect((await boardOf(roundId))!.sha256).toBe(board.sha256);
  });

  it('refuses a second roll entry, a ballot for an amendment not in the round and a malformed ranking, storing nothing', async () => {
    const ctx = await votingProgram();
    const [ana] = await manyMembers(1);
    const up30 = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const all = await admissibleChange(ctx, 'everyone under 26', 'everyone', 'For everyone');
    const outside = await admissibleChange(ctx, 'every region', 'every town', 'Towns', 1);
    const roundId = await roundWith([up30.id], ctx);
    const pref = (await getRound(ana!, ctx.slug, roundId)).questions[0]!.id;
    const refused = async (answers: unknown, key: string) => {
      const error = (await castBallot({ actor: ana!, roundId, answers }).catch((e: unknown) => e)) as BallotError;
      expect(error).toBeInstanceOf(BallotError);
      expect(error.problems.map((p) => p.key)).toContain(key);
    };
    await refused({ [pref]: [[up30.id]], [outside.id]: 'YES' }, 'vote.errors.unknownQuestion');
    await refused({ [pref]: [[up30.id], [up30.id]] }, 'vote.errors.duplicateAlternative');
    await refused({ [pref]: [[outside.id]] }, 'vote.errors.unknownAlternative');
    await refused({ [pref]: 'YES' }, 'vote.errors.badAnswer');
    await refused({ [pref]: [up30.id] }, 'vote.errors.malformedRanking');
    await refused('not even an object', 'vote.errors.badAnswer');
    expect(await db().voterRoll.count({ where: { roundId } })).toBe(0);
    expect(await db().ballot.count({ where: { roundId } })).toBe(0);
    await castBallot({ actor: ana!, roundId, answers: { [pref]: [[all.id, up30.id]] } });
    // Changing one's mind is allowed; flooding is not.
    for (let i = 0; i < 9; i++) await castBallot({ actor: ana!, roundId, answers: { [pref]: [[up30.id]] } });
    await expect(castBallot({ actor: ana!, roundId, answers: { [pref]: [[up30.id]] } })).rejects.toMatchObject({
      key: 'vote.errors.tooFast',
    });
    // The voter roll holds one entry per member, whatever happens.
    await expect(db().voterRoll.create({ data: { id: 'second', roundId, memberId: ana!.id } })).rejects.toThrow();
    expect(await db().voterRoll.count({ where: { roundId } })).toBe(1);
  });

  it('leaves exactly one counted ballot for each of 2,000 members casting and re-casting at once', async () => {
    const ctx = await votingProgram();
    const voters = await manyMembers(2000);
    const a = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    const roundId = await roundWith([a.id], ctx);
    const [question] = (await getRound(voters[0]!, ctx.slug, roundId)).questions;
    const { roundDefinition } = await import('../../app/modules/voting/definition.server.ts');
    const definition = await roundDefinition(db(), roundId);
    const answers = ['YES', 'NO', 'ABSTAIN'] as const;
    const last = new Map<string, { code: string; answer: string }>();
    const cast = async (voter: (typeof voters)[number], answer: (typeof answers)[number]) => {
      const receipt = await castBallot({ actor: voter, roundId, answers: { [question!.id]: answer }, definition });
      return { voter, receipt, answer };
    };
    // Every voter casts twice: most one after the other (the second counts), every tenth twice at the same
    // moment (either may count, never both).
    const either = new Map<string, Map<string, string>>();
    await Promise.all(
      voters.map(async (voter, i) => {
        if (i % 10 === 0) {
          const both = await Promise.all([cast(voter, answers[i % 3]!), cast(voter, answers[(i + 1) % 3]!)]);
          either.set(voter.id, new Map(both.map((b) => [b.receipt.code, b.answer])));
          return;
        }
        await cast(voter, answers[i % 3]!);
        const second = await cast(voter, answers[(i + 1) % 3]!);
        last.set(voter.id, { code: second.receipt.code, answer: second.answer });
      }),
    );
    expect(await db().voterRoll.count({ where: { roundId } })).toBe(2000);
    expect(await db().ballot.count({ where: { roundId } })).toBe(2000);
    await closeRound(roundId, new Date(Date.now() + 2 * HOUR));
    const board = JSON.parse((await boardOf(roundId))!.text) as Board;
    expect(board.ballots).toHaveLength(2000);
    const onBoard = new Map(board.ballots.map((b) => [b.code, b.answers[question!.id]]));
    for (const { code, answer } of last.values()) expect(onBoard.get(code)).toBe(answer);
    const expected = { YES: 0, NO: 0, ABSTAIN: 0 };
    for (const { answer } of last.values()) expected[answer as keyof typeof expected] += 1;
    for (const codes of either.values()) {
      const counted = [...codes.keys()].filter((code) => onBoard.has(code));
      expect(counted).toHaveLength(1);
      expected[codes.get(counted[0]!) as keyof typeof expected] += 1;
    }
    expect(board.results.questions[0]).toMatchObject({ yes: expected.YES, no: expected.NO, abstain: expected.ABSTAIN });
    expect(verifyBoard(board).ok).toBe(true);
  }, 180_000);

  it('counts every ballot accepted while the close runs, and refuses the others with a clear message', async () => {
    const ctx = await votingProgram();
    const voters = await manyMembers(300);
    const a = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    const roundId = await roundWith([a.id], ctx);
    const { roundDefinition } = await import('../../app/modules/voting/definition.server.ts');
    const definition = await roundDefinition(db(), roundId);
    const q = definition.questions[0]!.id;
    await Promise.all(
      voters.slice(0, 100).map((v) => castBallot({ actor: v, roundId, answers: { [q]: 'YES' }, definition })),
    );
    const late = voters.slice(100).map((v) =>
      castBallot({ actor: v, roundId, answers: { [q]: 'NO' }, definition }).then(
        (receipt) => receipt.code,
        (error: unknown) => {
          expect(error).toMatchObject({ key: 'vote.errors.closed' });
          return null;
        },
      ),
    );
    await closeRound(roundId, new Date(Date.now() + 2 * HOUR));
    const accepted = (await Promise.all(late)).filter((c): c is string => c !== null);
    const board = JSON.parse((await boardOf(roundId))!.text) as Board;
    const codes = new Set(board.ballots.map((b) => b.code));
    for (const code of accepted) expect(codes.has(code)).toBe(true);
    expect(board.ballots).toHaveLength(100 + accepted.length);
    expect(await db().voterRoll.count({ where: { roundId } })).toBe(100 + accepted.length);
  });

  it('keeps the key of a round being opened, and brings in competitors declared admissible since its creation', async () => {
    const ctx = await votingProgram();
    await manyMembers(2);
    const a = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const soon = new Date(Date.now() + HOUR);
    const roundId = await roundOn(ctx, [a.id], {
      title: 'Later',
      explanation: 'Opens in an hour.',
      opensAt: soon,
      closesAt: new Date(Date.now() + 3 * HOUR),
      method: 'BORDA',
      questionMajorities: { [a.id]: { numerator: 3, denominator: 5 } },
    });
    expect((await db().votingRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe('SCHEDULED');
    // A sweep running while the round's opening is under way leaves its fresh key alone.
    await createRoundKey(roundId);
    await openAndCloseDue();
    expect(await exists(keyFile(roundId))).toBe(true);
    await destroyRoundKey(roundId);
    // A competitor appears and is declared admissible before the opening: it comes along.
    const b = await admissibleChange(ctx, 'under 26', 'under 25', 'Up to 25');
    expect((await db().amendment.findUniqueOrThrow({ where: { id: b.id } })).collisionGroup).not.toBeNull();
    await openAndCloseDue(new Date(soon.getTime() + 1000));
    const view = await getRound(ctx.moderator, ctx.slug, roundId, new Date(soon.getTime() + 2000));
    expect(view.round.status).toBe('OPEN');
    expect(view.questions).toHaveLength(1);
    expect(view.questions[0]!.alternatives.map((x) => x.id)).toEqual([KEEP_CURRENT, a.id, b.id]);
    await destroyRoundKey(roundId);
  });

  it('asks each amendment with its own majority when the moderator set one', async () => {
    const ctx = await votingProgram();
    const a = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    const roundId = await roundOn(ctx, [a.id], {
      title: 'Qualified',
      explanation: 'A change of the statutes needs three fifths.',
      questionMajorities: { [a.id]: { numerator: 3, denominator: 5 } },
    });
    const { roundDefinition } = await import('../../app/modules/voting/definition.server.ts');
    expect((await roundDefinition(db(), roundId)).questions[0]).toMatchObject({
      kind: 'YES_NO',
      majority: { kind: 'QUALIFIED', numerator: 3, denominator: 5 },
    });
    await destroyRoundKey(roundId);
  });
});
