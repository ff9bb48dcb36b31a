import { describe, expect, it } from 'vitest';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { postComment } from '../../app/modules/debate/comments.server.ts';
import { exportMemberData } from '../../app/modules/members/export.server.ts';
import { noteWriters } from '../../app/modules/live-text/storage.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { roundDefinition } from '../../app/modules/voting/definition.server.ts';
import { destroyRoundKey } from '../../app/modules/voting/keys.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { admissibleChange, votingProgram, roundOn } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

const state = setupTestDatabase();

describe('a member’s data', () => {
  it('exports everything of theirs, the rounds they voted in but never a ballot, and nothing of anyone else', async () => {
    const ctx = await votingProgram();
    const ana = await createMember({ displayName: 'Ana Export' });
    const ben = await createMember({ displayName: 'Ben Other' });
    await db().member.updateMany({
      where: { id: { in: [ana.id, ben.id] } },
      data: { createdAt: new Date(Date.now() - 86_400_000) },
    });
    const mine = await admissibleChange(ctx, '26', '30', 'Mine');
    await db().amendmentAuthor.create({ data: { amendmentId: mine.id, memberId: ana.id } });
    const other = await admissibleChange(ctx, 'region', 'city', 'Theirs', 1);
    await db().amendment.update({ where: { id: other.id }, data: { status: 'SUBMITTED' } });
    await supportAmendment({ actor: ana, id: other.id });
    await supportAmendment({ actor: ben, id: other.id });
    await postComment({ actor: ana, amendmentId: other.id, stance: 'FOR', body: 'Ana thinks this is *right*.' });
    await postComment({ actor: ben, amendmentId: other.id, stance: 'AGAINST', body: 'Ben secret opinion.' });
    const roundId = await roundOn(ctx, [mine.id]);
    const definition = await roundDefinition(db(), roundId);
    const receipt = await castBallot({
      actor: ana,
      roundId,
      answers: { [definition.questions[0]!.id]: 'YES' },
      definition,
    });

    // Both wrote into a section's live text: when they did is kept (direct edits between versions), and is theirs.
    const name = liveDocumentName.section(ctx.sections[0]!);
    await noteWriters([
      { name, memberId: ana.id },
      { name, memberId: ben.id },
    ]);

    const data = await exportMemberData(ana);
    const text = JSON.stringify(data);
    expect(data.writing).toEqual([
      expect.objectContaining({ document: liveDocumentName.section(ctx.sections[0]!), phase: expect.any(String) }),
    ]);
    expect(data.profile).toMatchObject({
      email: ana.email,
      displayName: 'Ana Export',
      consents: { emailDigest: false },
    });
    expect(data.amendments.map((a) => a.title)).toEqual(['Mine']);
    expect(data.supports.map((s) => s.title)).toEqual(['Theirs']);
    expect(data.comments.map((c) => c.source)).toEqual(['Ana thinks this is *right*.']);
    expect(data.rounds).toEqual([expect.objectContaining({ id: roundId, voted: true })]);
    // Never a ballot, a tracking code or anything that could find one.
    expect(text).not.toContain(receipt.code);
    expect(text).not.toContain(receipt.nonce);
    expect(text).not.toMatch(/slot|sealed/);
    // Nothing of anyone else.
    expect(text).not.toContain(ben.email);
    expect(text).not.toContain('Ben secret opinion');
    expect(text).not.toContain(ctx.moderator.email);
    expect(text).not.toContain(ana.passwordHash);
    await destroyRoundKey(roundId);
  });
});

describe('deleting an account', () => {
  it('erases the personal data at once and keeps contributions, signed by no one, and every count', async () => {
    const { deleteAccount } = await import('../../app/modules/members/deletion.server.ts');
    const { getAmendment } = await import('../../app/modules/amendments/amendment-view.server.ts');
    const { listComments } = await import('../../app/modules/debate/debate.server.ts');
    const ctx = await votingProgram();
    const ana = await createMember({ displayName: 'Ana Gone' });
    await db().member.update({ where: { id: ana.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const mine = await admissibleChange(ctx, '26', '30', 'Mine');
    await db().amendmentAuthor.create({ data: { amendmentId: mine.id, memberId: ana.id } });
    const other = await admissibleChange(ctx, 'region', 'city', 'Other', 1);
    await db().amendment.update({ where: { id: other.id }, data: { status: 'SUBMITTED' } });
    await supportAmendment({ actor: ana, id: other.id });
    await postComment({ actor: ana, amendmentId: other.id, stance: 'FOR', body: 'Signed by Ana.' });
    const roundId = await roundOn(ctx, [mine.id]);
    const definition = await roundDefinition(db(), roundId);
    await castBallot({ actor: ana, roundId, answers: { [definition.questions[0]!.id]: 'YES' }, definition });
    const before = {
      census: await db().censusEntry.count({ where: { roundId } }),
      roll: await db().voterRoll.count({ where: { roundId } }),
      supports: await db().amendmentSupport.count({ where: { amendmentId: other.id } }),
    };
    await db().session.create({
      data: { id: 'ana-session', memberId: ana.id, expiresAt: new Date(Date.now() + 3600_000) },
    });

    await expect(deleteAccount({ actor: ana, password: 'wrong password' })).rejects.toMatchObject({
      key: 'account.delete.wrongPassword',
    });
    await deleteAccount({ actor: ana, password: ana.password });

    const row = await db().member.findUniqueOrThrow({ where: { id: ana.id } });
    expect(row).toMatchObject({ displayName: '', passwordHash: '!', emailVerifiedAt: null, area: null });
    expect(row.email).not.toContain(ana.email.split('@')[0]!);
    expect(row.deletedAt).not.toBeNull();
    expect(await db().session.count({ where: { memberId: ana.id } })).toBe(0);
    // Every count stays; the roll and the census no longer name her.
    expect(await db().censusEntry.count({ where: { roundId } })).toBe(before.census);
    expect(await db().voterRoll.count({ where: { roundId } })).toBe(before.roll);
    expect(await db().voterRoll.count({ where: { roundId, memberId: ana.id } })).toBe(0);
    expect(await db().amendmentSupport.count({ where: { amendmentId: other.id } })).toBe(before.supports);
    // Contributions stay, signed by no one: pages say "former member".
    const page = await getAmendment(ctx.moderator, ctx.slug, mine.id);
    expect(page.authors.map((a) => a.name)).toContain('');
    const debate = await listComments(ctx.moderator, other.id);
    expect(debate.threads.map((c) => [c.author, c.body && 'kept'])).toEqual([[null, 'kept']]);
    expect(JSON.stringify(await db().member.findUniqueOrThrow({ where: { id: ana.id } }))).not.toContain('Ana Gone');
    await destroyRoundKey(roundId);
  });
});

describe('a suspended member', () => {
  it('takes part in nothing, is told why, and can still export and delete their data', async () => {
    const { setSuspension } = await import('../../app/modules/members/members.server.ts');
    const { deleteAccount } = await import('../../app/modules/members/deletion.server.ts');
    const { ForbiddenError } = await import('../../app/utils/domain-errors.ts');
    const ctx = await votingProgram();
    const admin = await createMember({ role: 'ADMIN' });
    const zoe = await createMember({ displayName: 'Zoe Suspended' });
    const other = await admissibleChange(ctx, 'region', 'city', 'Other', 1);
    await db().amendment.update({ where: { id: other.id }, data: { status: 'SUBMITTED' } });
    await expect(
      setSuspension({ actor: zoe, memberId: admin.id, suspend: true, reason: 'No.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await setSuspension({ actor: admin, memberId: zoe.id, suspend: true, reason: 'Harassment in the debate' });
    expect(await db().auditEvent.count({ where: { targetId: zoe.id, action: 'member.suspended' } })).toBe(1);
    const suspended = { id: zoe.id, role: zoe.role, suspended: true };
    await expect(supportAmendment({ actor: suspended, id: other.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      postComment({ actor: suspended, amendmentId: other.id, stance: 'FOR', body: 'Still here.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await exportMemberData(suspended)).profile.email).toBe(zoe.email);
    await deleteAccount({ actor: suspended, password: zoe.password });
    expect((await db().member.findUniqueOrThrow({ where: { id: zoe.id } })).deletedAt).not.toBeNull();
  });
});

describe('announcements of phases', () => {
  it('add no mail to the call to vote: a member who opted in gets exactly one mail when a round opens', async () => {
    const { setPhaseAnnouncements } = await import('../../app/modules/notifications/email-subscriptions.server.ts');
    const { sendRoundMails } = await import('../../app/modules/mailing/call-to-vote.server.ts');
    const { DRAIN_DEFAULTS } = await import('../../app/modules/mailing/queue.server.ts');
    const { readOutbox } = await import('../factories/outbox.ts');
    const ctx = await votingProgram();
    const keen = await createMember({ email: `keen.${Date.now()}@example.org` });
    const quiet = await createMember({ email: `quiet.${Date.now()}@example.org` });
    await db().member.updateMany({
      where: { id: { in: [keen.id, quiet.id] } },
      data: { createdAt: new Date(Date.now() - 86_400_000) },
    });
    await setPhaseAnnouncements(keen, true);
    const a = await admissibleChange(ctx, 'region', 'town', 'Towns', 1);
    const roundId = await roundOn(ctx, [a.id], { title: 'Announced round' });
    // The opening queues the call; the mail job sends it (twice here: a second pass must send nothing more).
    await sendRoundMails(DRAIN_DEFAULTS);
    await sendRoundMails(DRAIN_DEFAULTS);
    await new Promise((r) => setTimeout(r, 300)); // nothing else is on its way either
    for (const member of [keen, quiet]) {
      const mails = await readOutbox(state.outboxDir, member.email);
      expect(mails.map((m) => m.subject)).toEqual(['Call to vote: Announced round']);
    }
    await destroyRoundKey(roundId);
  });

  it('are mailed to those who opted in, and stop in one click from the email', async () => {
    const { setPhaseAnnouncements, phaseAnnouncementsEnabled, unsubscribeAnnouncements } = await import(
      '../../app/modules/notifications/email-subscriptions.server.ts'
    );
    const { sendRoundMails } = await import('../../app/modules/mailing/call-to-vote.server.ts');
    const { DRAIN_DEFAULTS } = await import('../../app/modules/mailing/queue.server.ts');
    const { runPhaseSchedule } = await import('../../app/modules/programs/phase-schedule.server.ts');
    const { readOutbox } = await import('../factories/outbox.ts');
    const ctx = await votingProgram();
    const keen = await createMember({ email: `keen2.${Date.now()}@example.org` });
    const quiet = await createMember({ email: `quiet2.${Date.now()}@example.org` });
    await setPhaseAnnouncements(keen, true);
    const at = new Date(Date.now() + 24 * 3600_000);
    await db().program.update({ where: { id: ctx.programId }, data: { phaseEndsAt: at, phaseAutoAdvance: true } });
    expect((await runPhaseSchedule({ noticeMs: 48 * 3600_000 })).announced).toEqual([ctx.programId]);
    await sendRoundMails(DRAIN_DEFAULTS);
    const mails = await readOutbox(state.outboxDir, keen.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Voting')]);
    expect(mails[0]!.body).toContain('you asked for announcements of phases');
    expect(await readOutbox(state.outboxDir, quiet.email)).toEqual([]);
    const unsubscribe = new URL(mails[0]!.body.match(/https?:\/\/\S+unsubscribe\S+/)![0]);
    expect(unsubscribe.searchParams.get('what')).toBe('votes');
    expect(await unsubscribeAnnouncements(keen.id, 'wrong')).toBe(false);
    expect(await phaseAnnouncementsEnabled(keen.id)).toBe(true);
    expect(await unsubscribeAnnouncements(keen.id, unsubscribe.searchParams.get('k')!)).toBe(true);
    expect(await phaseAnnouncementsEnabled(keen.id)).toBe(false);
  });
});
