import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { t, type Locale } from '~/i18n/index.ts';
import type { Actor } from '~/policies/actor.ts';
import { appConfig } from '~/utils/config.server.ts';
import { negotiateLocale, offeredLocales } from '~/modules/installation/languages.server.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import type { Mail } from '~/utils/mail.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { loadProgramFacts } from '../programs/programs.server.ts';
import { enforceRoundPhase } from '../voting/rounds.server.ts';
import { renderPhaseMails } from './phase-notice.server.ts';
import { renderModerationDigests } from '../notifications/moderators.server.ts';
import { drainMailQueue, type Claimed, type DrainOptions, type DrainReport } from './queue.server.ts';

/**
 * The call to vote (docs/decisions/0028-mail-queue-and-call-to-vote.md): when a round opens every census member
 * is mailed the questions and the closing time; moderators schedule reminders, mailed to the census members who
 * have not voted and did not stop them. A message about the member's membership, not a newsletter: no opt-in,
 * and one click (a signed link, no sign-in) stops the reminders of that round. The words are written when each
 * mail is sent, in the member's language, so the queue holds no address and no text.
 */

/** At most this many reminders per round: moderators remind, they do not spam. */
export const MAX_REMINDERS = 5;

/**
 * Queues the call to vote of an open round for its whole census, in one statement (idempotent: the row's id is
 * the idempotency key, a second call queues nothing). Run after the opening commits, and by the sweep for a round
 * whose opening was interrupted before this ran.
 */
export async function queueCallToVote(roundId: string, now = new Date()): Promise<number> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`
      INSERT INTO "RoundMailing" ("roundId", secret) VALUES (${roundId}, ${randomBytes(32).toString('base64url')})
      ON CONFLICT ("roundId") DO NOTHING`;
      const [mailing] = await tx.$queryRaw<{ queuedAt: Date | null }[]>`
      SELECT "queuedAt" FROM "RoundMailing" WHERE "roundId" = ${roundId} FOR UPDATE`;
      if (mailing?.queuedAt) return 0;
      const queued = await tx.$executeRaw`
      INSERT INTO "MailMessage" (id, kind, "roundId", "memberId", "nextAttemptAt")
      SELECT 'call:' || c."roundId" || ':' || c."memberId", 'ROUND_CALL', c."roundId", c."memberId", ${now}
      FROM "CensusEntry" c JOIN "VotingRound" r ON r.id = c."roundId"
      WHERE c."roundId" = ${roundId} AND c."memberId" IS NOT NULL AND r.status = 'OPEN'
      ON CONFLICT (id) DO NOTHING`;
      await tx.$executeRaw`UPDATE "RoundMailing" SET "queuedAt" = ${now} WHERE "roundId" = ${roundId}`;
      return queued;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/** Schedules a reminder of an open or scheduled round (moderators); `sendAt` null or past means now. */
export async function scheduleReminder(
  props: { actor: Actor; roundId: string; sendAt: Date | null },
  now = new Date(),
): Promise<Date> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "VotingRound" WHERE id = ${props.roundId} FOR UPDATE`;
    const round = await tx.votingRound.findUnique({ where: { id: props.roundId } });
    if (!round) throw new NotFoundError(`round ${props.roundId}`);
    const program = await loadProgramFacts(tx, props.actor, { id: round.programId });
    enforceRoundPhase(props.actor, program);
    const sendAt = !props.sendAt || props.sendAt < now ? now : props.sendAt;
    if (round.status === 'CLOSED' || sendAt >= round.closesAt) {
      throw new DomainError('invalid', 'mailing.errors.afterClose', { field: 'sendAt' });
    }
    if ((await tx.roundReminder.count({ where: { roundId: round.id } })) >= MAX_REMINDERS) {
      throw new DomainError('conflict', 'mailing.errors.tooMany', { field: 'sendAt', values: { max: MAX_REMINDERS } });
    }
    const id = newId();
    await tx.roundReminder.create({ data: { id, roundId: round.id, sendAt, createdById: props.actor.id } });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'round.reminder_scheduled',
      targetType: 'VotingRound',
      targetId: round.id,
      data: { reminderId: id, sendAt: sendAt.toISOString() },
    });
    return sendAt;
  });
}

/**
 * Queues the reminders whose time has come, each for the census members who, now, have not voted and did not
 * stop reminders (checked again when each mail is written). A reminder of a round that is not open is dropped.
 */
export async function queueDueReminders(now = new Date()): Promise<number> {
  const due = await db().roundReminder.findMany({
    where: { queuedAt: null, sendAt: { lte: now }, round: { status: 'OPEN' } },
    select: { id: true, roundId: true },
  });
  let queued = 0;
  for (const reminder of due) {
    queued += await db().$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE "RoundReminder" SET "queuedAt" = ${now} WHERE id = ${reminder.id} AND "queuedAt" IS NULL`;
      if (!claimed) return 0;
      return tx.$executeRaw`
        INSERT INTO "MailMessage" (id, kind, "roundId", "memberId", "nextAttemptAt")
        SELECT 'reminder:' || ${reminder.id} || ':' || c."memberId", 'ROUND_REMINDER', c."roundId", c."memberId", ${now}
        FROM "CensusEntry" c
        WHERE c."roundId" = ${reminder.roundId} AND c."memberId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "VoterRoll" v WHERE v."roundId" = c."roundId" AND v."memberId" = c."memberId")
          AND NOT EXISTS (SELECT 1 FROM "ReminderStop" s WHERE s."roundId" = c."roundId" AND s."memberId" = c."memberId")
        ON CONFLICT (id) DO NOTHING`;
    });
  }
  // Reminders of rounds that closed before their time are never sent.
  await db().roundReminder.updateMany({
    where: { queuedAt: null, round: { status: 'CLOSED' } },
    data: { queuedAt: now },
  });
  return queued;
}

/** The signature of a member's stop-reminders link for a round (HMAC under the round's mailing secret). */
function stopSignature(secret: string, roundId: string, memberId: string): string {
  return createHmac('sha256', secret).update(`stop:${roundId}:${memberId}`).digest('base64url').slice(0, 32);
}

/** The one-click link that stops a member's reminders of a round, without signing in. */
export function stopLink(secret: string, roundId: string, memberId: string): string {
  const sig = stopSignature(secret, roundId, memberId);
  return `${appConfig().publicOrigin}/reminders/stop?r=${roundId}&m=${memberId}&s=${sig}`;
}

/** Whether a stop-reminders link is genuine: the round's title if so, else null. */
async function checkStopLink(link: { r: string; m: string; s: string }) {
  const mailing = await db().roundMailing.findUnique({
    where: { roundId: link.r },
    select: { secret: true, round: { select: { title: true, program: { select: { language: true } } } } },
  });
  if (!mailing || !link.m) return null;
  const expected = Buffer.from(stopSignature(mailing.secret, link.r, link.m));
  const given = Buffer.from(link.s);
  return expected.length === given.length && timingSafeEqual(expected, given) ? mailing.round : null;
}

/**
 * The stop-reminders page (GET): the round's title, and its program's language, when the link is genuine; the link
 * itself changes nothing.
 */
export async function reminderStopPage(link: { r: string; m: string; s: string }) {
  const round = await checkStopLink(link);
  return { title: round?.title ?? null, language: round?.program.language ?? null };
}

/** Stops a member's reminders of a round (the page's button, POST); false when the link is not genuine. */
export async function stopReminders(link: { r: string; m: string; s: string }): Promise<boolean> {
  if (!(await checkStopLink(link))) return false;
  await db().$executeRaw`
    INSERT INTO "ReminderStop" ("roundId", "memberId") VALUES (${link.r}, ${link.m}) ON CONFLICT DO NOTHING`;
  return true;
}

/** Where a mail's stop link goes in its text written once for many: a NUL, which no database text can hold. */
const STOP_MARK = '\u0000stop\u0000';

/**
 * Writes the claimed mails of a batch (a few queries for the whole batch): in each member's language, with the
 * round's questions, its closing time (UTC) and the stop link. Not sent (SKIPPED): a deleted or suspended
 * account, a round no longer open, and a reminder to someone who voted or stopped reminders since it was queued.
 */
export async function renderRoundMails(rows: Claimed[]): Promise<Map<string, Mail | string>> {
  const roundIds = [...new Set(rows.flatMap((r) => (r.roundId ? [r.roundId] : [])))];
  const memberIds = [...new Set(rows.map((r) => r.memberId))];
  const [rounds, members, voted, stopped] = await Promise.all([
    db().votingRound.findMany({
      where: { id: { in: roundIds } },
      select: {
        id: true,
        title: true,
        status: true,
        closesAt: true,
        program: { select: { slug: true, title: true } },
        questions: { orderBy: { position: 'asc' }, select: { title: true } },
        mailing: { select: { secret: true } },
      },
    }),
    db().member.findMany({
      where: { id: { in: memberIds } },
      select: { id: true, email: true, locale: true, deletedAt: true, suspendedAt: true },
    }),
    db().voterRoll.findMany({
      where: { roundId: { in: roundIds }, memberId: { in: memberIds } },
      select: { roundId: true, memberId: true },
    }),
    db().reminderStop.findMany({ where: { roundId: { in: roundIds }, memberId: { in: memberIds } } }),
  ]);
  const roundOf = new Map(rounds.map((r) => [r.id, r]));
  const memberOf = new Map(members.map((m) => [m.id, m]));
  const votedSet = new Set(voted.map((v) => `${v.roundId}:${v.memberId}`));
  const stoppedSet = new Set(stopped.map((s) => `${s.roundId}:${s.memberId}`));
  const offered = await offeredLocales();
  const origin = appConfig().publicOrigin;
  // The words depend on the round, the language and the kind only: written once per batch for each, then each
  // mail is that text with its member's stop link put in.
  const texts = new Map<string, { subject: string[]; body: string[] }>();
  const textOf = (round: (typeof rounds)[number], locale: Locale, which: 'call' | 'reminder') => {
    const key = `${round.id}:${locale}:${which}`;
    let text = texts.get(key);
    if (!text) {
      const closes = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      const values = {
        program: round.program.title,
        title: round.title,
        closes: closes.format(round.closesAt),
        questions: round.questions.map((q) => `- ${q.title}`).join('\n'),
        link: `${origin}/p/${round.program.slug}/rounds/${round.id}`,
        stop: STOP_MARK,
      };
      text = {
        subject: t(locale, `mail.${which}.subject`, values).split(STOP_MARK),
        body: t(locale, `mail.${which}.body`, values).split(STOP_MARK),
      };
      texts.set(key, text);
    }
    return text;
  };
  const out = new Map<string, Mail | string>();
  for (const row of rows) {
    const round = row.roundId ? roundOf.get(row.roundId) : undefined;
    const member = memberOf.get(row.memberId);
    const pair = `${row.roundId}:${row.memberId}`;
    if (!round || round.status !== 'OPEN' || !round.mailing) out.set(row.id, 'round-not-open');
    else if (!member || member.deletedAt || member.suspendedAt) out.set(row.id, 'account-unavailable');
    else if (row.kind === 'ROUND_REMINDER' && votedSet.has(pair)) out.set(row.id, 'voted');
    else if (row.kind === 'ROUND_REMINDER' && stoppedSet.has(pair)) out.set(row.id, 'stopped');
    else {
      const locale = negotiateLocale(offered, { member: member.locale });
      const text = textOf(round, locale, row.kind === 'ROUND_CALL' ? 'call' : 'reminder');
      const stop = stopLink(round.mailing.secret, round.id, member.id);
      out.set(row.id, { to: member.email, subject: text.subject.join(stop), text: text.body.join(stop) });
    }
  }
  return out;
}

/**
 * Writes a claimed batch: calls and reminders here, phase notices (ADR 0037) and moderators' digests (ADR 0035)
 * by their modules.
 */
export async function renderQueuedMails(rows: Claimed[]): Promise<Map<string, Mail | string>> {
  const phases = rows.filter((r) => r.kind === 'PHASE_NOTICE');
  const digests = rows.filter((r) => r.kind === 'MODERATION_DIGEST');
  const rounds = rows.filter((r) => r.kind !== 'PHASE_NOTICE' && r.kind !== 'MODERATION_DIGEST');
  const [roundMails, phaseMails, digestMails] = await Promise.all([
    rounds.length ? renderRoundMails(rounds) : new Map<string, Mail | string>(),
    phases.length ? renderPhaseMails(phases) : new Map<string, Mail | string>(),
    digests.length ? renderModerationDigests(digests) : new Map<string, Mail | string>(),
  ]);
  return new Map([...roundMails, ...phaseMails, ...digestMails]);
}

/**
 * The mail job (server/jobs.ts): calls to vote the opening did not queue, reminders whose time came, then the
 * queue itself; mails of rounds closed for 30 days are deleted (the progress view needs them no longer).
 */
export async function sendRoundMails(options: DrainOptions, now = new Date()): Promise<DrainReport> {
  const unqueued = await db().votingRound.findMany({
    where: { status: 'OPEN', OR: [{ mailing: null }, { mailing: { queuedAt: null } }] },
    select: { id: true },
  });
  for (const round of unqueued) await queueCallToVote(round.id, now);
  await queueDueReminders(now);
  const report = await drainMailQueue(renderQueuedMails, options);
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  await db().$executeRaw`
    DELETE FROM "MailMessage" WHERE "roundId" IN (
      SELECT id FROM "VotingRound" WHERE status = 'CLOSED' AND "closedAt" < ${monthAgo})`;
  // Phase notices (ADR 0037) go 30 days after they were due, like a closed round's mails.
  await db().$executeRaw`
    DELETE FROM "MailMessage" WHERE kind = 'PHASE_NOTICE' AND "nextAttemptAt" < ${monthAgo} AND status <> 'QUEUED'`;
  if (report.sent || report.failed) logger.info('mail queue drained', { ...report });
  return report;
}
