import { createHash } from 'node:crypto';
import { db } from '~/utils/db.server.ts';
import { appConfig } from '~/utils/config.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { isPermanent, MailError, sendMail, type Mail } from '~/utils/mail.server.ts';

/**
 * The mail queue (docs/decisions/0028-mail-queue-and-call-to-vote.md). Rows are claimed in batches (FOR UPDATE
 * SKIP LOCKED: two drainers never take the same row), marked SENDING with a lease and committed; the batch is sent
 * at the configured rate per SMTP server; then the sent ones are marked SENT and the failed ones go back to the
 * queue with an exponential backoff (or FAILED, for a final refusal or after the last attempt). A row left SENDING
 * by a crash is never sent again once its lease lapses: AT MOST ONCE for the mails of a batch interrupted between
 * the SMTP server's acceptance and the SENT mark; at least once (retried) for every mail whose failure was seen.
 */

/** How the queue is drained (settings: MAIL_BATCH_SIZE, MAIL_RATE_PER_SECOND, MAIL_RETRY_BASE_MS...). */
export interface DrainOptions {
  /** Mails claimed and sent together. */
  batchSize: number;
  /** At most this many mails a second to the SMTP server (in this process). */
  ratePerSecond: number;
  /** The first retry's delay; each next one doubles it (up to an hour). */
  retryBaseMs: number;
  /** Attempts before a mail is given up as FAILED. */
  maxAttempts: number;
  /** How long a claim holds; a row still SENDING after it was interrupted and is never sent again. */
  leaseMs: number;
  /** A run stops after this long (the next run continues), so that a stop is never kept waiting for long. */
  budgetMs?: number;
  /** Asked between batches: stop now (the server is shutting down). */
  stopping?: () => boolean;
}

export const DRAIN_DEFAULTS: DrainOptions = {
  batchSize: 50,
  ratePerSecond: 200,
  retryBaseMs: 30_000,
  maxAttempts: 8,
  leaseMs: 10 * 60_000,
};

/** A claimed row, and the mail it becomes (or why it is not sent at all). */
export interface Claimed {
  id: string;
  kind: 'ROUND_CALL' | 'ROUND_REMINDER' | 'PHASE_NOTICE' | 'MODERATION_DIGEST';
  /** A call's or a reminder's round (null for a phase notice or a moderators' digest). */
  roundId: string | null;
  /** A phase notice's program (ADR 0037). */
  programId: string | null;
  memberId: string;
  attempts: number;
}

/** Writes the mails of claimed rows; a row mapped to a string is SKIPPED, for that reason (e.g. 'voted'). */
export type Renderer = (rows: Claimed[]) => Promise<Map<string, Mail | string>>;

/**
 * Claims up to `limit` due rows for this drainer in one short transaction: on PostgreSQL FOR UPDATE SKIP LOCKED,
 * so that drainers running side by side (several processes) each take other rows; PGlite runs one transaction at a
 * time, which gives the same guarantee.
 */
export async function claimBatch(limit: number, leaseMs: number, now = new Date()): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + leaseMs);
  return db().$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id FROM "MailMessage"
      WHERE status = 'QUEUED' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "MailMessage" m SET status = 'SENDING', attempts = m.attempts + 1, "nextAttemptAt" = ${lease}
    FROM due WHERE m.id = due.id
    RETURNING m.id, m.kind::text AS kind, m."roundId", m."programId", m."memberId", m.attempts`;
}

/** The delay before attempt n+1 after n failed attempts: base, 2 base, 4 base... at most an hour. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** A Message-ID from the idempotency key, without the member id it holds in clear. */
export function messageIdOf(id: string): string {
  const host = new URL(appConfig().publicOrigin).hostname || 'plenum';
  return `<${createHash('sha256').update(id).digest('hex').slice(0, 32)}@${host}>`;
}

/** Spaces mails out to each SMTP server at the configured rate (in this process). */
const nextSlot = new Map<string, number>();
async function waitForSlot(server: string, ratePerSecond: number): Promise<void> {
  const now = performance.now();
  const slot = Math.max(now, nextSlot.get(server) ?? 0);
  nextSlot.set(server, slot + 1000 / ratePerSecond);
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

/** What a drain did, for tests and the log. */
export interface DrainReport {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  interrupted: number;
}

/**
 * Sends what is due, batch after batch, until nothing is due, the time budget is spent, a stop is asked, or the
 * SMTP server cannot be reached (the batch waits for its retry; the queue resumes at a later run).
 */
export async function drainMailQueue(
  render: Renderer,
  options: DrainOptions = DRAIN_DEFAULTS,
  clock: () => Date = () => new Date(),
): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, skipped: 0, retried: 0, failed: 0, interrupted: 0 };
  const started = performance.now();
  // Claims that lapsed: a drainer died between claiming and marking. Maybe sent, maybe not: never sent again.
  report.interrupted = await db().$executeRaw`
    UPDATE "MailMessage" SET status = 'FAILED', error = 'interrupted'
    WHERE status = 'SENDING' AND "nextAttemptAt" < ${clock()}`;
  if (report.interrupted) logger.warn('mails interrupted mid-send are not sent again', { n: report.interrupted });
  const server = appConfig().smtpUrl ?? 'outbox';
  while (!options.stopping?.() && performance.now() - started < (options.budgetMs ?? 10_000)) {
    const batch = await claimBatch(options.batchSize, options.leaseMs, clock());
    if (!batch.length) break;
    const mails = await render(batch);
    const sent: string[] = [];
    const skipped: { id: string; why: string }[] = [];
    const failures: { row: Claimed; error: string; final: boolean }[] = [];
    let unreachable = false;
    await Promise.all(
      batch.map(async (row) => {
        const mail = mails.get(row.id) ?? 'unknown';
        if (typeof mail === 'string') return skipped.push({ id: row.id, why: mail });
        await waitForSlot(server, options.ratePerSecond);
        if (unreachable) return failures.push({ row, error: 'not-tried', final: false });
        try {
          await sendMail({ ...mail, messageId: messageIdOf(row.id), pooled: true });
          sent.push(row.id);
        } catch (error) {
          const final = isPermanent(error);
          // No answer at all (refused, timed out): the server is down, the rest of the batch waits with this one.
          if (error instanceof MailError && !error.responseCode) unreachable = true;
          failures.push({ row, error: error instanceof Error ? error.message : 'error', final });
        }
      }),
    );
    await markBatch(sent, skipped, failures, options, clock());
    report.sent += sent.length;
    report.skipped += skipped.length;
    for (const f of failures) {
      if (f.final || f.row.attempts >= options.maxAttempts) report.failed++;
      else report.retried++;
    }
    if (unreachable) {
      logger.warn('the mail server cannot be reached: the queue waits', { retried: report.retried });
      break;
    }
  }
  return report;
}

/**
 * Marks a batch's outcome in one statement: SENT, SKIPPED, back to QUEUED after a backoff, or FAILED. Only rows
 * still SENDING are marked (a row whose lease lapsed meanwhile was already given up as interrupted).
 */
async function markBatch(
  sent: string[],
  skipped: { id: string; why: string }[],
  failures: { row: Claimed; error: string; final: boolean }[],
  options: DrainOptions,
  now: Date,
) {
  const outcomes = [
    ...sent.map((id) => ({ id, status: 'SENT', error: null, delayMs: null })),
    ...skipped.map(({ id, why }) => ({ id, status: 'SKIPPED', error: why, delayMs: null })),
    ...failures.map(({ row, error, final }) => ({
      id: row.id,
      status: final || row.attempts >= options.maxAttempts ? 'FAILED' : 'QUEUED',
      error: error.slice(0, 200),
      delayMs: backoffMs(row.attempts, options.retryBaseMs),
    })),
  ];
  if (!outcomes.length) return;
  await db().$executeRaw`
    UPDATE "MailMessage" m
    SET status = o.status::"MailStatus",
        "sentAt" = CASE WHEN o.status = 'SENT' THEN ${now}::timestamp(3) ELSE m."sentAt" END,
        "nextAttemptAt" = CASE WHEN o.delay IS NULL THEN m."nextAttemptAt"
                          ELSE ${now}::timestamp(3) + o.delay * interval '1 millisecond' END,
        error = o.error
    FROM unnest(${outcomes.map((o) => o.id)}::text[], ${outcomes.map((o) => o.status)}::text[],
                ${outcomes.map((o) => o.error)}::text[], ${outcomes.map((o) => o.delayMs)}::int[])
         AS o(id, status, error, delay)
    WHERE m.id = o.id AND m.status = 'SENDING'`;
}

/** Counts of a round's mails by kind and status, for the moderators' progress view. */
export async function mailCounts(roundId: string) {
  const rows = await db().$queryRaw<{ kind: string; status: string; n: number }[]>`
    SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM "MailMessage"
    WHERE "roundId" = ${roundId} GROUP BY kind, status`;
  const counts = (kind: string) => {
    const of = (status: string) => rows.find((r) => r.kind === kind && r.status === status)?.n ?? 0;
    return { queued: of('QUEUED') + of('SENDING'), sent: of('SENT'), skipped: of('SKIPPED'), failed: of('FAILED') };
  };
  return { calls: counts('ROUND_CALL'), reminders: counts('ROUND_REMINDER') };
}

/**
 * The queue's backlog for /metrics: mails still to send (queued or being sent, every kind, every process: the
 * queue is the database's) and how long, in seconds, the oldest of them has waited since it was queued (0 when
 * none). `LOCALTIMESTAMP` is the clock `queuedAt`'s default was read from.
 */
export async function mailBacklog(): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await db().$queryRaw<{ pending: number; oldest: number | null }[]>`
    SELECT count(*)::int AS pending, EXTRACT(EPOCH FROM LOCALTIMESTAMP - min("queuedAt"))::float8 AS oldest
    FROM "MailMessage" WHERE status IN ('QUEUED', 'SENDING')`;
  return { pending: row?.pending ?? 0, oldestSeconds: Math.max(0, row?.oldest ?? 0) };
}
