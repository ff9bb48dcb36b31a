import { describe, expect, it } from 'vitest';
import { claimBatch } from '../../app/modules/mailing/queue.server.ts';
import { renderPhaseMails } from '../../app/modules/mailing/phase-notice.server.ts';
import { setPhaseAnnouncements } from '../../app/modules/notifications/email-subscriptions.server.ts';
import { runPhaseSchedule } from '../../app/modules/programs/phase-schedule.server.ts';
import { getPhaseHistory } from '../../app/modules/programs/programs.server.ts';
import { updateProgramSettings } from '../../app/modules/programs/program-commands.server.ts';
import { closeRound } from '../../app/modules/voting/round-closing.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { admissibleAmendment, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const HOUR = 3600_000;
const NOTICE = { noticeMs: 48 * HOUR };

/** A program in AMENDING whose moderators scheduled the move to VOTING `inHours` from `now`. */
async function scheduled(now: Date, inHours: number) {
  const ctx = await votingProgram();
  const at = new Date(now.getTime() + inHours * HOUR);
  await db().program.update({ where: { id: ctx.programId }, data: { phaseEndsAt: at, phaseAutoAdvance: true } });
  return { ...ctx, at };
}

const program = (id: string) => db().program.findUniqueOrThrow({ where: { id } });

describe('scheduled phases', () => {
  it('are announced once to members within the notice, by mail to those who opted in, with a warning about pending amendments', async () => {
    const now = new Date();
    const ctx = await scheduled(now, 72);
    const listener = await createMember();
    await setPhaseAnnouncements(listener, true);
    await admissibleAmendment(ctx.slug, ctx.sections[0]!, 'Public transport is free for all.', 'Free for all');
    // Three days ahead: not yet within the two days' notice.
    expect(await runPhaseSchedule(NOTICE, now)).toEqual({ announced: [], moved: [], postponed: [] });
    const later = new Date(now.getTime() + 25 * HOUR);
    expect((await runPhaseSchedule(NOTICE, later)).announced).toEqual([ctx.programId]);
    // A second run (another process, the next tick) announces nothing again.
    expect(await runPhaseSchedule(NOTICE, later)).toEqual({ announced: [], moved: [], postponed: [] });
    const told = await db().notification.findMany({ where: { kind: 'PHASE_SCHEDULED' } });
    const members = await db().member.count({ where: { emailVerifiedAt: { not: null } } });
    expect(told).toHaveLength(members);
    expect(told[0]!.data).toMatchObject({ slug: ctx.slug, phase: 'VOTING', at: ctx.at.toISOString() });
    const warned = await db().notification.findMany({ where: { kind: 'PHASE_PENDING' } });
    expect(warned.map((n) => n.memberId)).toEqual([ctx.moderator!.id]);
    expect(warned[0]!.data).toMatchObject({ pending: 1 });
    // One mail, to the member who asked, written in their language when it is sent.
    const queued = await db().mailMessage.findMany({ where: { kind: 'PHASE_NOTICE' } });
    expect(queued.map((m) => m.memberId)).toEqual([listener.id]);
    const claimed = await claimBatch(10, 60_000, later);
    const mails = await renderPhaseMails(claimed);
    const mail = mails.get(queued[0]!.id);
    expect(typeof mail === 'object' && mail.subject).toContain('Voting');
    expect(typeof mail === 'object' && mail.text).toContain(`/p/${ctx.slug}`);
    // A date moved since: the queued notice is no longer true, and is not sent.
    await db().program.update({
      where: { id: ctx.programId },
      data: { phaseEndsAt: new Date(ctx.at.getTime() + HOUR) },
    });
    expect((await renderPhaseMails(claimed)).get(queued[0]!.id)).toBe('schedule-changed');
  });

  it('move the phase at its date, once, into the phase history, and stop there', async () => {
    const now = new Date();
    const ctx = await scheduled(now, 1);
    const at = new Date(now.getTime() + HOUR + 1000);
    const report = await runPhaseSchedule(NOTICE, at);
    expect(report).toEqual({ announced: [ctx.programId], moved: [ctx.programId], postponed: [] });
    expect(await runPhaseSchedule(NOTICE, at)).toEqual({ announced: [], moved: [], postponed: [] });
    const after = await program(ctx.programId);
    expect(after).toMatchObject({ phase: 'VOTING', phaseAutoAdvance: false, phaseEndsAt: null });
    expect(after.phaseStartedAt.getTime()).toBe(at.getTime());
    const history = await getPhaseHistory(ctx.moderator, ctx.slug);
    expect(history[0]).toMatchObject({ from: 'AMENDING', to: 'VOTING', by: null });
  });

  it('wait while a round is open: postponed to its close, moderators told why, then move once it closed', async () => {
    const now = new Date();
    const ctx = await scheduled(now, 1);
    const { id } = await admissibleAmendment(ctx.slug, ctx.sections[0]!, 'Public transport is free for all.', 'All');
    const closesAt = new Date(now.getTime() + 5 * HOUR);
    const roundId = await roundOn(ctx, [id], { closesAt });
    const at = new Date(now.getTime() + 2 * HOUR);
    expect(await runPhaseSchedule(NOTICE, at)).toEqual({
      announced: [ctx.programId],
      moved: [],
      postponed: [ctx.programId],
    });
    expect(await program(ctx.programId)).toMatchObject({ phase: 'AMENDING', phaseEndsAt: closesAt });
    // To every moderator (one database per file: those of earlier tests too), and to no one else.
    const postponed = await db().notification.findMany({ where: { kind: 'PHASE_POSTPONED' } });
    expect(postponed.map((n) => n.memberId)).toContain(ctx.moderator!.id);
    const moderators = await db().member.count({ where: { role: { in: ['MODERATOR', 'ADMIN'] } } });
    expect(postponed).toHaveLength(moderators);
    expect(postponed[0]!.data).toMatchObject({ at: closesAt.toISOString() });
    // Members hear of the new date, once.
    const told = (await db().notification.findMany({ where: { kind: 'PHASE_SCHEDULED' } }))
      .map((n) => n.data as { at: string; slug: string })
      .filter((d) => d.slug === ctx.slug)
      .map((d) => d.at);
    expect(new Set(told)).toEqual(new Set([ctx.at.toISOString(), closesAt.toISOString()]));
    // Nothing more while the round is open.
    expect(await runPhaseSchedule(NOTICE, new Date(now.getTime() + 3 * HOUR))).toEqual({
      announced: [],
      moved: [],
      postponed: [],
    });
    expect(await db().auditEvent.count({ where: { action: 'program.phase_postponed' } })).toBe(1);
    // The round closes; the phase moves at the next run.
    const end = new Date(closesAt.getTime() + 1000);
    await closeRound(roundId, end);
    expect((await runPhaseSchedule(NOTICE, end)).moved).toEqual([ctx.programId]);
    expect((await program(ctx.programId)).phase).toBe('VOTING');
  });

  it('are set by moderators with the phase’s date; without a date nothing moves', async () => {
    const now = new Date();
    const ctx = await votingProgram();
    const settings = {
      actor: ctx.moderator,
      slug: ctx.slug,
      phase: 'AMENDING' as const,
      draftIsPublic: true,
      draftingAccess: 'ALL_MEMBERS' as const,
      reason: 'Planning the vote',
    };
    await updateProgramSettings({ ...settings, phaseEndsAt: null, phaseAutoAdvance: true });
    expect((await program(ctx.programId)).phaseAutoAdvance).toBe(false);
    await updateProgramSettings({ ...settings, phaseEndsAt: new Date(now.getTime() + HOUR), phaseAutoAdvance: true });
    expect((await program(ctx.programId)).phaseAutoAdvance).toBe(true);
    expect((await runPhaseSchedule(NOTICE, new Date(now.getTime() + 2 * HOUR))).moved).toEqual([ctx.programId]);
    const member = await createMember();
    await expect(
      updateProgramSettings({ ...settings, actor: member, phaseEndsAt: new Date(), phaseAutoAdvance: true }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
