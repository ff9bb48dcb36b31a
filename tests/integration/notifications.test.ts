import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { answerInvitation, inviteCoauthor } from '../../app/modules/amendments/coauthors.server.ts';
import { decideAdmissibility } from '../../app/modules/amendments/moderation.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { postComment } from '../../app/modules/debate/comments.server.ts';
import {
  listNotifications,
  markRead,
  notificationText,
  unreadCount,
} from '../../app/modules/notifications/notifications.server.ts';
import {
  sendDigests,
  setDigest,
  unsubscribeDigest,
} from '../../app/modules/notifications/email-subscriptions.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { updateProgramSettings } from '../../app/modules/programs/program-commands.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';

const outbox = setupTestDatabase();

async function amendmentWithCoauthor() {
  const { slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
  const moderator = await createMember({ role: 'MODERATOR' });
  await updateProgramSettings({
    actor: moderator,
    slug,
    phase: 'AMENDING',
    phaseEndsAt: null,
    draftIsPublic: true,
    draftingAccess: 'ALL_MEMBERS',
    supportRule: 'ABSOLUTE',
    supportValue: 1,
    reason: 'One support is enough here',
  });
  const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
  const author = await createMember({ displayName: 'Ana Autora' });
  const coauthor = await createMember({ displayName: 'Carla' });
  const id = await startAmendment({
    actor: author,
    slug,
    sectionId,
    kind: 'CHANGE',
    title: 'Trains de nuit',
    justification: 'Because it matters to people.',
  });
  await inviteCoauthor({ actor: author, id, email: coauthor.email });
  await answerInvitation({ actor: coauthor, id, accept: true });
  await db().collabDocument.create({
    data: { name: liveDocumentName.amendment(id), snapshot: Buffer.from(encodeDocAsUpdate(doc('A new text.'))) },
  });
  await submitAmendment({ actor: author, id });
  return { slug, id, author, coauthor, moderator };
}

describe('notifications', () => {
  it('tells authors of an invitation, a qualification, a decision, and a reply to them', async () => {
    const { id, author, coauthor, moderator } = await amendmentWithCoauthor();
    const [invited] = await listNotifications(coauthor);
    // Read: the co-author answered it by accepting (issue 17).
    expect(invited).toMatchObject({ kind: 'COAUTHOR_ADDED', title: 'Trains de nuit', unread: false });
    expect(notificationText('en', invited!)).toBe('Ana Autora invites you to co-author “Trains de nuit”.');
    expect(await listNotifications(author)).toEqual([]);

    await supportAmendment({ actor: await createMember(), id });
    await decideAdmissibility({ actor: moderator, id, admissible: false, reason: 'Outside the program’s scope.' });
    for (const member of [author, coauthor]) {
      const kinds = (await listNotifications(member)).map((n) => n.kind);
      expect(kinds.slice(0, 2)).toEqual(['DECISION', 'QUALIFIED']);
    }
    const [decision] = await listNotifications(author);
    expect(notificationText('fr', decision!)).toBe(
      '« Trains de nuit » a été déclaré irrecevable : Outside the program’s scope.',
    );

    const reader = await createMember({ displayName: 'Rui' });
    const question = await postComment({ actor: author, amendmentId: id, stance: 'QUESTION', body: 'Who pays?' });
    await postComment({ actor: author, amendmentId: id, parentId: question, body: 'I answer myself.' });
    await postComment({ actor: reader, amendmentId: id, parentId: question, body: 'The state does.' });
    const replies = (await listNotifications(author)).filter((n) => n.kind === 'REPLY');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.path).toMatch(/#comment-[a-z2-7]{16}$/);

    expect(await unreadCount(author.id)).toBe(3);
    await markRead(author, replies[0]!.id);
    expect(await unreadCount(author.id)).toBe(2);
    await markRead(author);
    expect(await unreadCount(author.id)).toBe(0);
  });

  it('marks an invitation read once it is answered, accepted or declined, and nothing else', async () => {
    const { slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
    const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
    const author = await createMember();
    const [accepting, declining] = [await createMember(), await createMember()];
    const start = (title: string) =>
      startAmendment({ actor: author, slug, sectionId, kind: 'CHANGE', title, justification: 'Because it matters.' });
    const [first, second] = [await start('Trains de nuit'), await start('Vélos partout')];
    for (const member of [accepting, declining]) {
      for (const id of [first, second]) await inviteCoauthor({ actor: author, id, email: member.email });
      expect(await unreadCount(member.id)).toBe(2);
    }
    await answerInvitation({ actor: accepting, id: first, accept: true });
    await answerInvitation({ actor: declining, id: first, accept: false });
    for (const member of [accepting, declining]) {
      // The invitation answered is read; the other one still waits.
      expect(await unreadCount(member.id)).toBe(1);
      const unread = (await listNotifications(member)).filter((n) => n.unread).map((n) => n.title);
      expect(unread).toEqual(['Vélos partout']);
    }
  });

  it('mails a daily digest only to members who opted in, with a one-click unsubscribe', async () => {
    const { id, author, coauthor } = await amendmentWithCoauthor();
    const now = new Date(Date.now() + 60_000);
    await setDigest(coauthor, true);
    expect(await sendDigests(now)).toBe(1);
    const mails = await readOutbox(outbox.outboxDir, coauthor.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain('Ana Autora');
    expect(mails[0]!.body).toContain('Trains de nuit');
    expect(await readOutbox(outbox.outboxDir, author.email)).toEqual([]);

    // New notifications wait for the next day's digest.
    await db().notification.create({
      data: { id: 'nnnnnnnnnnnnnnnn', memberId: coauthor.id, kind: 'QUALIFIED', amendmentId: id },
    });
    expect(await sendDigests(new Date(now.getTime() + 3600_000))).toBe(0);
    expect(await sendDigests(new Date(now.getTime() + 25 * 3600_000))).toBe(1);
    expect(await readOutbox(outbox.outboxDir, coauthor.email)).toHaveLength(2);

    const link = new URL(mails[0]!.body.match(/https?:\/\/\S+unsubscribe\S+/)![0]);
    expect(await unsubscribeDigest(link.searchParams.get('m')!, 'wrong-key')).toBe(false);
    expect(await unsubscribeDigest(link.searchParams.get('m')!, link.searchParams.get('k')!)).toBe(true);
    expect((await db().member.findUniqueOrThrow({ where: { id: coauthor.id } })).emailDigest).toBe(false);
    expect(await unsubscribeDigest(link.searchParams.get('m')!, link.searchParams.get('k')!)).toBe(false);
  });
});
