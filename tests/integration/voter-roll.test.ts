import { describe, expect, it } from 'vitest';
import { moderationQueue } from '../../app/modules/amendments/moderation.server.ts';
import { deleteAccount } from '../../app/modules/members/deletion.server.ts';
import { exportMemberData } from '../../app/modules/members/export.server.ts';
import { listNotifications } from '../../app/modules/notifications/notifications.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { boardOf } from '../../app/modules/voting/ballot-board.server.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import { reportRoll, rollPage } from '../../app/modules/voting/roll.server.ts';
import { rescheduleClose } from '../../app/modules/voting/rounds.server.ts';
import type { Board } from '../../app/modules/voting/types.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { verifyBoard } from '../../app/modules/voting/verify-board.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { admissibleChange, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();

/**
 * A program with one yes/no round open now; Ana, Ben and Chloé in its census (Chloé will not vote), and Omar, who
 * joined after it opened, outside it. Returns a way to vote as the ballot page does (the mail after the commit).
 */
async function openRound() {
  const ctx = await votingProgram();
  const ana = await createMember({ displayName: 'Ana Alves' });
  const ben = await createMember({ displayName: 'Ben Brun' });
  const chloe = await createMember({ displayName: 'Chloé Chen' });
  const amendment = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
  const roundId = await roundOn(ctx, [amendment.id], { censusJoinedBefore: new Date(Date.now() + 1000) });
  const omar = await createMember({ displayName: 'Omar Outside' });
  const question = (await getRound(ana, ctx.slug, roundId)).questions[0]!.id;
  /** Casts as the route does: the confirmation mail runs once the answer is "sent", here awaited. */
  const vote = async (actor: Actor, answer: 'YES' | 'NO', now = new Date()) => {
    const after: (() => Promise<unknown>)[] = [];
    const receipt = await castBallot(
      { actor, roundId, answers: { [question]: answer }, afterCommit: (_what, task) => after.push(task) },
      now,
    );
    for (const task of after) await task();
    return receipt;
  };
  const close = () =>
    rescheduleClose({ actor: ctx.moderator, roundId, closesAt: new Date(Date.now() - 1), reason: 'Done.' });
  return { ctx, roundId, ana, ben, chloe, omar, vote, close };
}

describe('the voter roll', () => {
  it('shows census members and moderators who voted after the close, never before, and nobody else', async () => {
    const { ctx, roundId, ana, ben, chloe, omar, vote, close } = await openRound();
    await vote(ben, 'NO');
    await vote(ana, 'YES');
    // Before the close there is no roll to see, even for a voter.
    await expect(rollPage(ana, ctx.slug, roundId)).rejects.toMatchObject({ kind: 'not-found' });
    expect((await getRound(ana, ctx.slug, roundId)).me).toMatchObject({ voted: true, counted: false });
    await close();

    const seen = await rollPage(chloe, ctx.slug, roundId);
    // Names as members show them, in alphabetical order (not the order of voting); Chloé did not vote.
    expect(seen.voters).toEqual(['Ana Alves', 'Ben Brun']);
    expect(seen.me).toEqual({ onRoll: false, reported: false, canReport: false });
    expect((await rollPage(ctx.moderator, ctx.slug, roundId)).voters).toEqual(['Ana Alves', 'Ben Brun']);
    expect((await rollPage(ana, ctx.slug, roundId)).me).toMatchObject({ onRoll: true, canReport: true });

    // The public and a member outside the census are refused: the roll says who is a member.
    await expect(rollPage(null, ctx.slug, roundId)).rejects.toMatchObject({ kind: 'forbidden', signedIn: false });
    await expect(rollPage(omar, ctx.slug, roundId)).rejects.toMatchObject({ kind: 'forbidden', signedIn: true });
    expect((await getRound(null, ctx.slug, roundId)).me.canSeeRoll).toBe(false);
    expect((await getRound(omar, ctx.slug, roundId)).me.canSeeRoll).toBe(false);

    // The round page tells each census member whether a ballot of theirs was counted.
    expect((await getRound(ana, ctx.slug, roundId)).me).toMatchObject({ counted: true, canSeeRoll: true });
    expect((await getRound(chloe, ctx.slug, roundId)).me).toMatchObject({ counted: false, canSeeRoll: true });

    // A member who deleted their account stays counted, as "former member" (no name).
    await deleteAccount({ actor: ben, password: ben.password });
    expect((await rollPage(chloe, ctx.slug, roundId)).voters).toEqual(['Ana Alves', null]);
  }, 60_000);

  it('states on the board as many roll entries as counted ballots, which verify-tally checks', async () => {
    const { roundId, ana, ben, vote, close } = await openRound();
    await vote(ana, 'YES');
    await vote(ben, 'NO');
    await vote(ana, 'NO'); // replaces her first ballot: still one entry and one ballot
    await close();
    const published = (await boardOf(roundId))!;
    const board = JSON.parse(published.text) as Board;
    expect(board.roll).toEqual({ size: 2 });
    expect(board.ballots).toHaveLength(2);
    // The hash the round published is that of the board with its roll.
    const round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.rollSize).toBe(2);
    expect(round.boardSha256).toBe(published.sha256);
    expect(verifyBoard(board)).toMatchObject({ ok: true, roll: 'matches' });

    // A board edited to claim one more voter, or one ballot fewer, fails.
    const moreVoters = verifyBoard({ ...board, roll: { size: 3 } });
    expect(moreVoters.ok).toBe(false);
    expect(moreVoters.roll).toBe('mismatch');
    expect(moreVoters.problems).toContain(
      'The voter roll holds 3 members but the board counts 2 ballots: there must be one ballot per voter.',
    );
    expect(verifyBoard({ ...board, roll: { size: 'two' } }).ok).toBe(false);
    // A board from before the roll was stated still verifies, and says that check was not possible.
    const { roll: _roll, ...older } = board;
    expect(verifyBoard(older)).toMatchObject({ ok: true, roll: 'absent' });
  }, 60_000);

  it('mails the voter when a ballot was recorded or replaced, never what it says, after the commit', async () => {
    const { roundId, ana, ben, vote } = await openRound();
    // Now (the round is open), to the second, as the mail says it in the member's language, in UTC.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }).format(at);
    const yes = await vote(ana, 'YES', at);
    await vote(ben, 'NO', at);
    const [anaMail] = await readOutbox(outbox.outboxDir, ana.email);
    const [benMail] = await readOutbox(outbox.outboxDir, ben.email);
    expect(anaMail!.subject).toBe('Your ballot in “Round” is recorded');
    expect(anaMail!.body).toContain(`on ${when} UTC.`);
    expect(anaMail!.body).toContain('If this was not you');
    expect(anaMail!.body).toContain('http://plenum.test/forgot-password');
    expect(anaMail!.body).toContain(`http://plenum.test/p/`);
    // A yes and a no at the same time give the same mail: nothing in it depends on the answers.
    expect(benMail!.body).toBe(anaMail!.body);
    expect(anaMail!.body).not.toContain(yes.code);
    expect(anaMail!.body).not.toMatch(/\b(YES|Yes|NO)\b/);

    // Voting again says the ballot was replaced; a refused ballot mails nothing.
    await vote(ana, 'NO', new Date(at.getTime() + 60_000));
    const again = await readOutbox(outbox.outboxDir, ana.email);
    expect(again.map((m) => m.subject)).toEqual([
      'Your ballot in “Round” is recorded',
      'Your ballot in “Round” was replaced',
    ]);
    expect(again[1]!.body).toContain('replaced your last one');
    const tasks: unknown[] = [];
    await expect(
      castBallot({ actor: ana, roundId, answers: { nothing: 'YES' }, afterCommit: (w) => tasks.push(w) }),
    ).rejects.toMatchObject({ key: 'vote.errors.invalidAnswers' });
    expect(tasks).toEqual([]);
  }, 60_000);

  it('lets a member on the roll report it once to the moderators, who see and are told of it', async () => {
    const { ctx, roundId, ana, ben, chloe, vote, close } = await openRound();
    const admin = await createMember({ role: 'ADMIN' });
    await vote(ana, 'YES');
    await vote(ben, 'YES');
    // Before the close, nothing to report.
    await expect(reportRoll({ actor: ana, slug: ctx.slug, roundId, message: 'Not me.' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await close();

    // Chloé is not on the roll: nothing to report. The public cannot report at all.
    await expect(reportRoll({ actor: chloe, slug: ctx.slug, roundId, message: 'Hm.' })).rejects.toMatchObject({
      key: 'roll.errors.notOnRoll',
    });
    await expect(reportRoll({ actor: null, slug: ctx.slug, roundId, message: 'Hm.' })).rejects.toMatchObject({
      kind: 'forbidden',
    });

    await reportRoll({ actor: ana, slug: ctx.slug, roundId, message: 'I never voted: I was abroad.' });
    await expect(
      reportRoll({ actor: ana, slug: ctx.slug, roundId, message: 'Again, I never voted.' }),
    ).rejects.toMatchObject({ kind: 'conflict', key: 'roll.errors.alreadyReported' });
    expect(await db().rollReport.count({ where: { roundId } })).toBe(1);
    expect((await rollPage(ana, ctx.slug, roundId)).me).toMatchObject({ reported: true, canReport: false });

    // Audited, without the message (it is for the moderators only).
    const audit = await db().auditEvent.findMany({ where: { action: 'round.roll_reported', targetId: roundId } });
    expect(audit.map((a) => a.actorId)).toEqual([ana.id]);
    expect(JSON.stringify(audit.map((a) => [a.reason, a.data]))).not.toContain('abroad');

    // Moderators see it in the moderation queue and are notified in the app; members are not.
    const queue = await moderationQueue(ctx.moderator, ctx.slug);
    expect(queue.rollReports).toMatchObject([
      { member: 'Ana Alves', message: 'I never voted: I was abroad.', round: { id: roundId, title: 'Round' } },
    ]);
    for (const moderator of [ctx.moderator, admin]) {
      const [note] = await listNotifications(moderator);
      expect(note).toMatchObject({ kind: 'ROLL_REPORT', title: 'Round', unread: true });
      expect(note!.path).toBe(`/p/${ctx.slug}/moderation/queue#queue-roll-reports`);
    }
    expect(await listNotifications(ben)).toEqual([]);
    await expect(moderationQueue(ben, ctx.slug)).rejects.toMatchObject({ kind: 'forbidden' });

    // The report is the member's: in their export, gone with their account.
    const exported = await exportMemberData(ana);
    expect(exported.rollReports).toMatchObject([{ roundId, message: 'I never voted: I was abroad.' }]);
    await deleteAccount({ actor: ana, password: ana.password });
    expect(await db().rollReport.count({ where: { roundId } })).toBe(0);
  }, 60_000);
});
