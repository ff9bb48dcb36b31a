import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { queuePhaseNotice } from '../mailing/phase-notice.server.ts';
import { notify } from '../notifications/notifications.server.ts';
import { nextPhaseOf as nextPhase } from './phase-order.ts';

/**
 * Scheduled phases (issue 21, docs/decisions/0037-committee-and-scheduled-phases.md): a program whose moderators
 * ask for it moves to its next phase by itself at `phaseEndsAt` (drafting -> amending -> voting -> published). Its
 * members are told beforehand (in the app, and by mail to those who opted in to announcements), once per date;
 * moderators are warned when amendments are still pending. No move while a voting round is open: the date is
 * postponed to the round's close, which members are told of as a new date, and moderators are told why. Each move
 * is one scheduled step: the next needs a new date. The job (server/jobs.ts) runs it; tests call it with a clock.
 */

/** What one run did, by program id (for the log and tests). */
export interface PhaseScheduleReport {
  announced: string[];
  moved: string[];
  postponed: string[];
}

/**
 * Amendments a move would leave pending: drafts, those collecting supports or waiting for a decision, and those
 * declared admissible but in no round yet.
 */
export async function pendingAmendments(tx: Tx, programId: string): Promise<number> {
  return tx.amendment.count({
    where: {
      programId,
      OR: [{ status: { in: ['DRAFT', 'SUBMITTED', 'QUALIFIED'] } }, { status: 'ADMISSIBLE', roundId: null }],
    },
  });
}

/** The program's moderators (and administrators), who are told of postponements and pending amendments. */
async function moderatorIds(tx: Tx): Promise<string[]> {
  const rows = await tx.member.findMany({
    where: { role: { in: ['MODERATOR', 'ADMIN'] }, deletedAt: null, suspendedAt: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Runs the schedule once: announces the moves due within `noticeMs`, makes those whose date has come (or postpones
 * them). Idempotent: each program row is locked and its state checked again, so that two runs (two processes, or
 * a run beside a moderator's change) announce and move once.
 */
export async function runPhaseSchedule(options: { noticeMs: number }, now = new Date()): Promise<PhaseScheduleReport> {
  const report: PhaseScheduleReport = { announced: [], moved: [], postponed: [] };
  const due = await db().program.findMany({
    where: {
      phaseAutoAdvance: true,
      phase: { not: 'PUBLISHED' },
      phaseEndsAt: { not: null, lte: new Date(now.getTime() + options.noticeMs) },
    },
    select: { id: true },
  });
  for (const { id } of due) {
    try {
      if (await announce(id, options.noticeMs, now)) report.announced.push(id);
      const outcome = await moveOrPostpone(id, now);
      if (outcome === 'moved') report.moved.push(id);
      // A postponement is a new date: members hear of it at once when it is already within the notice.
      if (outcome === 'postponed') {
        report.postponed.push(id);
        await announce(id, options.noticeMs, now);
      }
    } catch (error) {
      logger.error('a scheduled phase could not be announced or moved', { programId: id, error });
    }
  }
  return report;
}

async function lockedProgram(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${id} FOR UPDATE`;
  return tx.program.findUniqueOrThrow({ where: { id } });
}

/** Tells the members of a move due within the notice, once per date. True if it did now. */
async function announce(id: string, noticeMs: number, now: Date): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const program = await lockedProgram(tx, id);
    const to = nextPhase(program.phase);
    const at = program.phaseEndsAt;
    if (!program.phaseAutoAdvance || !to || !at || at.getTime() - noticeMs > now.getTime()) return false;
    if (program.phaseNoticeFor?.getTime() === at.getTime()) return false;
    await tx.program.update({ where: { id }, data: { phaseNoticeFor: at } });
    const data = { slug: program.slug, program: program.title, phase: to, at: at.toISOString() };
    // Every member, in one statement (a movement has many): what is about to change for them.
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "memberId", kind, data, "createdAt")
      SELECT 'phase-' || ${newId()} || '-' || m.id, m.id, 'PHASE_SCHEDULED', ${JSON.stringify(data)}::jsonb, ${now}
      FROM "Member" m
      WHERE m."deletedAt" IS NULL AND m."suspendedAt" IS NULL AND m."emailVerifiedAt" IS NOT NULL`;
    const pending = await pendingAmendments(tx, id);
    if (pending) {
      await notify(tx, { memberIds: await moderatorIds(tx), kind: 'PHASE_PENDING', data: { ...data, pending } });
    }
    const mails = await queuePhaseNotice(tx, { programId: id, at, now });
    await recordAudit(tx, {
      actorId: null,
      action: 'program.phase_announced',
      targetType: 'Program',
      targetId: id,
      data: { from: program.phase, to, at: at.toISOString(), pending, mails },
    });
    return true;
  });
}

/** At its date: the move, or its postponement while a round is open. */
async function moveOrPostpone(id: string, now: Date): Promise<'moved' | 'postponed' | null> {
  return db().$transaction(async (tx) => {
    const program = await lockedProgram(tx, id);
    const to = nextPhase(program.phase);
    const at = program.phaseEndsAt;
    if (!program.phaseAutoAdvance || !to || !at || at > now) return null;
    const open = await tx.votingRound.findMany({
      where: { programId: id, status: 'OPEN' },
      select: { id: true, closesAt: true },
    });
    if (open.length) {
      const until = new Date(Math.max(...open.map((r) => r.closesAt.getTime())));
      // A round past its closing time is about to be counted by its sweep: the date stays, the next run moves.
      if (until <= at) return null;
      await tx.program.update({ where: { id }, data: { phaseEndsAt: until } });
      const data = { slug: program.slug, program: program.title, phase: to, at: until.toISOString() };
      await notify(tx, { memberIds: await moderatorIds(tx), kind: 'PHASE_POSTPONED', data });
      await recordAudit(tx, {
        actorId: null,
        action: 'program.phase_postponed',
        targetType: 'Program',
        targetId: id,
        data: { from: at.toISOString(), to: until.toISOString(), rounds: open.map((r) => r.id) },
      });
      return 'postponed';
    }
    const pending = await pendingAmendments(tx, id);
    await tx.program.update({
      where: { id },
      data: { phase: to, phaseStartedAt: now, phaseEndsAt: null, phaseAutoAdvance: false, phaseNoticeFor: null },
    });
    // The phase history reads these events: a scheduled move is one, with no person behind it.
    await recordAudit(tx, {
      actorId: null,
      action: 'program.settings_changed',
      targetType: 'Program',
      targetId: id,
      data: {
        from: { phase: program.phase, phaseEndsAt: at.toISOString() },
        to: { phase: to, phaseEndsAt: null },
        scheduled: true,
        pending,
      },
    });
    return 'moved';
  });
}
