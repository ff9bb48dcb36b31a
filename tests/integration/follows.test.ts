import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { decideAdmissibility } from '../../app/modules/amendments/moderation.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { postComment, reportComment } from '../../app/modules/debate/comments.server.ts';
import { follow, notifyFollowers, unfollow } from '../../app/modules/follows/follows.server.ts';
import { personalPage } from '../../app/modules/follows/personal-page.server.ts';
import { deleteAccount } from '../../app/modules/members/deletion.server.ts';
import { exportMemberData } from '../../app/modules/members/export.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { renderQueuedMails } from '../../app/modules/mailing/call-to-vote.server.ts';
import { drainMailQueue } from '../../app/modules/mailing/queue.server.ts';
import {
  noticeRoundsSoon,
  moderationDigestOf,
  queueModerationDigests,
  setModerationDigest,
  unsubscribeModerationDigest,
  takeChapter,
} from '../../app/modules/notifications/moderators.server.ts';
import { listNotifications, notificationText } from '../../app/modules/notifications/notifications.server.ts';
import { sendDigests, setDigest } from '../../app/modules/notifications/email-subscriptions.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { createTestProgram } from '../factories/programs.ts';
import {
  admissibleAmendment,
  manyMembers,
  roundOn,
  SECTION_TEXT,
  votingProgram,
  writeLive,
} from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();

/** A program taking amendments at one support, its first section and chapter, and a moderator. */
async function program() {
  const ctx = await votingProgram();
  await db().program.update({ where: { id: ctx.programId }, data: { supportValue: 1 } });
  const outline = await getProgramOutline(null, ctx.slug);
  return { ...ctx, chapterId: outline.chapters[0]!.id, sectionId: ctx.sections[0]! };
}

/** An amendment of `sectionId` by `author`, with `text`, submitted. */
async function submitted(slug: string, sectionId: string, author: Actor, title: string, text: string) {
  const id = await startAmendment({ actor: author, slug, sectionId, kind: 'CHANGE', title, justification: 'Why.' });
  await writeLive(liveDocumentName.amendment(id), text);
  await submitAmendment({ actor: author, id });
  return id;
}

const kinds = async (member: Actor) => (await listNotifications(member)).map((n) => n.kind).sort();

describe('following', () => {
  it('tells a follower of each event once, however many ways they follow, and never the member who acted', async () => {
    const ctx = await program();
    const [follower, author, rival, supporter] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember({ displayName: 'Sam Supporter' }),
    ]);
    await follow(follower, `program:${ctx.programId}`);
    await follow(follower, `chapter:${ctx.chapterId}`);
    await follow(follower, `section:${ctx.sectionId}`);
    await follow(follower, `section:${ctx.sectionId}`); // twice: still one follow

    const x = await submitted(
      ctx.slug,
      ctx.sectionId,
      author,
      'Up to 30',
      SECTION_TEXT.replace('under 26', 'under 30'),
    );
    await follow(follower, `amendment:${x}`);
    expect(await kinds(follower)).toEqual(['FOLLOWED_NEW_AMENDMENT']);
    // Its author follows it from the start, and is not told of their own submission.
    expect(await db().follow.count({ where: { memberId: author.id, target: `amendment:${x}` } })).toBe(1);
    expect(await kinds(author)).toEqual([]);

    await supportAmendment({ actor: supporter, id: x });
    await postComment({ actor: supporter, amendmentId: x, body: 'I support this.', stance: 'FOR' });
    await postComment({ actor: follower, amendmentId: x, body: 'Me too.', stance: 'FOR' });
    await submitted(ctx.slug, ctx.sectionId, rival, 'Up to 28', SECTION_TEXT.replace('under 26', 'under 28'));
    await decideAdmissibility({ actor: ctx.moderator, id: x, admissible: true, reason: 'Within scope.' });

    expect(await kinds(follower)).toEqual(
      [
        'FOLLOWED_NEW_AMENDMENT', // x
        'FOLLOWED_QUALIFIED',
        'FOLLOWED_COMMENT', // Sam's, not their own
        'FOLLOWED_NEW_AMENDMENT', // y
        'FOLLOWED_COMPETING', // x now competes
        'FOLLOWED_COMPETING', // and so does y
        'FOLLOWED_STATUS',
      ].sort(),
    );
    const texts = (await listNotifications(follower)).map((n) => notificationText('en', n));
    expect(texts).toContain('“Up to 30” is now: Admissible.');
    expect(texts).toContain('Sam Supporter commented on “Up to 30”.');
    expect(texts).toContain('“Up to 28” now competes with another amendment.');
    // The author hears of the comments as a follower, of the rest as an author (once each).
    expect(await kinds(author)).toEqual(
      ['QUALIFIED', 'FOLLOWED_COMMENT', 'FOLLOWED_COMMENT', 'FOLLOWED_COMPETING', 'DECISION'].sort(),
    );
    // The moderator who decided is not told of their own decision; they were told of the rest.
    expect(await kinds(ctx.moderator)).toEqual(['MOD_COLLISION', 'MOD_QUALIFIED']);
    expect(notificationText('fr', (await listNotifications(ctx.moderator))[1]!)).toBe(
      'À décider : « Up to 30 » a atteint son seuil.',
    );

    await unfollow(follower, `amendment:${x}`);
    await unfollow(follower, `section:${ctx.sectionId}`);
    await unfollow(follower, `chapter:${ctx.chapterId}`);
    await unfollow(follower, `program:${ctx.programId}`);
    await postComment({ actor: supporter, amendmentId: x, body: 'Again.', stance: 'FOR' });
    expect((await kinds(follower)).filter((k) => k === 'FOLLOWED_COMMENT')).toHaveLength(1);
  });

  it('tells suspended and deleted members nothing, and nobody of a draft', async () => {
    const ctx = await program();
    const [suspended, deleted, active, author] = await manyMembers(4);
    for (const member of [suspended!, deleted!, active!]) await follow(member, `section:${ctx.sectionId}`);
    await db().member.update({ where: { id: suspended!.id }, data: { suspendedAt: new Date() } });
    await db().member.update({ where: { id: deleted!.id }, data: { deletedAt: new Date() } });
    const draft = await startAmendment({
      actor: author!,
      slug: ctx.slug,
      sectionId: ctx.sectionId,
      kind: 'CHANGE',
      title: 'Draft',
      justification: 'Why.',
    });
    // A draft is its authors' alone: its followers are told nothing, nor may others follow it.
    expect(await db().$transaction((tx) => notifyFollowers(tx, { amendmentId: draft, kind: 'FOLLOWED_STATUS' }))).toBe(
      0,
    );
    await expect(follow(active!, `amendment:${draft}`)).rejects.toMatchObject({ kind: 'not-found' });
    await writeLive(liveDocumentName.amendment(draft), SECTION_TEXT.replace('under 26', 'under 27'));
    await submitAmendment({ actor: author!, id: draft });
    expect(await kinds(active!)).toEqual(['FOLLOWED_NEW_AMENDMENT']);
    expect(await db().notification.count({ where: { memberId: { in: [suspended!.id, deleted!.id] } } })).toBe(0);
  });

  it('lets nobody follow a program they may not know exists, and members follow a closed draft', async () => {
    const { id: programId } = await createTestProgram({ shape: [1], draftIsPublic: false });
    await expect(follow(null, `program:${programId}`)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(follow(null, 'nonsense')).rejects.toMatchObject({ kind: 'invalid' });
    const member = await createMember();
    await follow(member, `program:${programId}`);
    expect(await db().follow.count({ where: { programId } })).toBe(1);
  });

  it('lists what a member follows in their data export, and forgets it with their account', async () => {
    const ctx = await program();
    const member = await createMember();
    await follow(member, `section:${ctx.sectionId}`);
    expect((await exportMemberData(member)).follows.map((f) => f.target)).toEqual([`section:${ctx.sectionId}`]);
    await deleteAccount({ actor: member, password: member.password });
    expect(await db().follow.count({ where: { memberId: member.id } })).toBe(0);
  });

  it('fans out to many followers in one statement', async () => {
    const ctx = await program();
    const followers = await manyMembers(300);
    await db().follow.createMany({
      data: followers.map((m) => ({
        memberId: m.id,
        target: `program:${ctx.programId}`,
        programId: ctx.programId,
      })),
    });
    const { id } = await admissibleAmendment(ctx.slug, ctx.sectionId, SECTION_TEXT.replace('26', '25'), 'Lower');
    expect(await db().notification.count({ where: { amendmentId: id, kind: 'FOLLOWED_NEW_AMENDMENT' } })).toBe(300);
    const told = await db().$transaction((tx) =>
      notifyFollowers(tx, { amendmentId: id, kind: 'FOLLOWED_STATUS', data: { status: 'ADMISSIBLE' } }),
    );
    // Its author follows it too: told of a status change, unlike of its submission (which they made).
    expect(told).toBe(301);
  });
});

describe("moderators' notices", () => {
  it('puts the chapters a moderator took first, and mails their daily digest through the queue', async () => {
    const ctx = await program();
    const other = await createMember({ role: 'MODERATOR' });
    await takeChapter(ctx.moderator, ctx.chapterId);
    const [author, reporter] = await manyMembers(2);
    const x = await submitted(ctx.slug, ctx.sectionId, author!, 'Up to 30', SECTION_TEXT.replace('26', '30'));
    const comment = await postComment({ actor: author!, amendmentId: x, body: 'Rude words.', stance: 'FOR' });
    await reportComment({ actor: reporter!, commentId: comment, reason: 'Insulting.' });
    await reportComment({ actor: reporter!, commentId: comment, reason: 'Insulting.' });
    const mine = await listNotifications(ctx.moderator);
    expect(mine.map((n) => [n.kind, n.yourChapter])).toEqual([['MOD_COMMENT_REPORTED', true]]);
    expect((await listNotifications(other)).map((n) => [n.kind, n.yourChapter])).toEqual([
      ['MOD_COMMENT_REPORTED', false],
    ]);

    // The member digest carries none of it; the moderators' digest, once chosen, does (once a day).
    await setDigest(ctx.moderator, true);
    expect(await sendDigests()).toBe(0);
    expect(await queueModerationDigests()).toBe(0);
    await setModerationDigest(ctx.moderator, true);
    expect(await queueModerationDigests()).toBe(1);
    expect(await queueModerationDigests()).toBe(0);
    const report = await drainMailQueue(renderQueuedMails);
    expect(report.sent).toBe(1);
    const [mail] = await readOutbox(outbox.outboxDir, ctx.moderator.email);
    expect(mail?.subject).toContain('1 notification');
    expect(mail?.body).toContain('[Your chapter] A comment on “Up to 30” was reported.');
    expect(mail?.body).toContain('Up to 30');
    expect(mail?.body).toContain(`#comment-${comment}`);
    // Mailed once: the next digest has nothing new to say.
    expect(
      await db().notification.count({
        where: { memberId: ctx.moderator.id, emailedAt: null, kind: 'MOD_COMMENT_REPORTED' },
      }),
    ).toBe(0);
    expect(await readOutbox(outbox.outboxDir, other.email)).toEqual([]);

    // One click in the mail turns the digest off, signed out (no actor), once; a wrong signature changes nothing.
    const link = new URL(mail!.body.match(/https?:\/\/\S+\/notifications\/unsubscribe\S+/)![0]);
    expect(link.searchParams.get('what')).toBe('moderation');
    const raw = await fs.readFile(path.join(outbox.outboxDir, mail!.file), 'utf8');
    expect(raw).toContain(`List-Unsubscribe: <${link.href}>`);
    const [m, k] = [link.searchParams.get('m')!, link.searchParams.get('k')!];
    expect(
      await unsubscribeModerationDigest(
        m,
        k.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBe(false);
    expect(await unsubscribeModerationDigest(other.id, k)).toBe(false);
    expect(await moderationDigestOf(ctx.moderator)).toBe(true);
    expect(await unsubscribeModerationDigest(m, k)).toBe(true);
    expect(await moderationDigestOf(ctx.moderator)).toBe(false);
    expect(await unsubscribeModerationDigest(m, k)).toBe(false);
    // Turned on again, it has a new key: the old link stays dead.
    await setModerationDigest(ctx.moderator, true);
    expect(await unsubscribeModerationDigest(m, k)).toBe(false);
    expect(await moderationDigestOf(ctx.moderator)).toBe(true);
  });

  it('tells moderators once of a round opening, then closing, within a day', async () => {
    const ctx = await program();
    const { id } = await admissibleAmendment(ctx.slug, ctx.sectionId, SECTION_TEXT.replace('26', '24'), 'Lower');
    const roundId = await roundOn(ctx, [id], {
      opensAt: new Date(Date.now() + 3600_000),
      closesAt: new Date(Date.now() + 2 * 3600_000),
    });
    expect(await noticeRoundsSoon()).toBeGreaterThan(0);
    expect(await noticeRoundsSoon()).toBe(0);
    const [opening] = await listNotifications(ctx.moderator);
    expect(opening).toMatchObject({ kind: 'MOD_ROUND_OPENING', path: `/p/${ctx.slug}/rounds/${roundId}` });
    expect(notificationText('en', opening!)).toBe('The voting round “Round” opens within a day.');
    await db().votingRound.update({ where: { id: roundId }, data: { status: 'OPEN' } });
    await noticeRoundsSoon();
    await noticeRoundsSoon();
    const notices = (await listNotifications(ctx.moderator)).map((n) => n.kind);
    expect(notices).toEqual(['MOD_ROUND_CLOSING', 'MOD_ROUND_OPENING']);
  });
});

describe('the personal page', () => {
  it('lists what a member wrote, supports and follows, and the open votes they have or have not taken', async () => {
    const ctx = await program();
    const [me, author] = await manyMembers(2);
    const mine = await submitted(ctx.slug, ctx.sectionId, me!, 'Mine', SECTION_TEXT.replace('26', '29'));
    const theirs = await admissibleAmendment(ctx.slug, ctx.sections[1]!, SECTION_TEXT.replace('26', '21'), 'Theirs');
    await postComment({ actor: me!, amendmentId: theirs.id, body: 'Good.', stance: 'FOR' });
    const supported = await submitted(ctx.slug, ctx.sectionId, author!, 'Supported', SECTION_TEXT.replace('26', '31'));
    await supportAmendment({ actor: me!, id: supported });
    await follow(me!, `chapter:${ctx.chapterId}`);
    const first = await roundOn(ctx, [theirs.id], { censusJoinedBefore: new Date() });
    await getRound(me!, ctx.slug, first); // opens it
    let page = await personalPage(me!);
    expect(page.amendments.map((a) => a.title)).toEqual(['Mine']);
    expect(page.supports.map((a) => [a.title, a.status])).toEqual([['Supported', 'QUALIFIED']]);
    expect(page.comments.map((c) => c.title)).toEqual(['Theirs']);
    expect(page.follows.map((f) => [f.kind, f.path])).toEqual([
      ['chapter', `/p/${ctx.slug}/chapters/${ctx.chapterId}`],
      ['amendment', `/p/${ctx.slug}/amendments/${mine}`],
    ]);
    expect(page.toVote.map((r) => r.id)).toEqual([first]);
    const view = await getRound(me!, ctx.slug, first);
    await castBallot({ actor: me!, roundId: first, answers: { [view.questions[0]!.id]: 'YES' } });
    page = await personalPage(me!);
    expect(page.toVote).toEqual([]);
    expect(page.voted.map((r) => r.id)).toEqual([first]);
    // Nothing of the ballot itself: the page holds no answer.
    expect(JSON.stringify(page)).not.toContain('YES');
    await expect(personalPage(null)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
