import type { Env } from '~/utils/env.server.ts';
import { expireOverdue } from '~/modules/amendments/supports.server.ts';
import { sendDigests } from '~/modules/notifications/email-subscriptions.server.ts';
import { noticeRoundsSoon, queueModerationDigests } from '~/modules/notifications/moderators.server.ts';
import { purgeExpired } from '~/modules/members/sessions.server.ts';
import { openAndCloseDue } from '~/modules/voting/round-clock.server.ts';
import { sendRoundMails } from '~/modules/mailing/call-to-vote.server.ts';
import { runPhaseSchedule } from '~/modules/programs/phase-schedule.server.ts';
import { logger } from '~/utils/logger.server.ts';

/**
 * The background work of the process, in one place: each job, what it does, and the setting that says how often
 * (README, "Settings"; tests set them short rather than wait). The pages that show rounds and amendments also
 * check on reading, so a sweep only makes things happen on time for those who are not looking.
 */
export interface Job {
  name: string;
  everyMs: number;
  /** One run; `stopping()` turns true when the process stops, for a long run to end early. */
  run: (stopping: () => boolean) => Promise<unknown>;
}

type PhaseSettings = 'PHASES_SWEEP_MS' | 'PHASE_NOTICE_HOURS';

type MailSettings =
  | 'MAIL_SWEEP_MS'
  | 'MAIL_BATCH_SIZE'
  | 'MAIL_RATE_PER_SECOND'
  | 'MAIL_RETRY_BASE_MS'
  | 'MAIL_MAX_ATTEMPTS'
  | 'MAIL_LEASE_MS';

export function jobs(
  env: Pick<Env, 'AMENDMENTS_SWEEP_MS' | 'ROUNDS_SWEEP_MS' | 'DIGESTS_SWEEP_MS' | MailSettings | PhaseSettings>,
): Job[] {
  return [
    // Amendments whose support deadline passed short of the threshold expire.
    { name: 'expiring amendments', everyMs: env.AMENDMENTS_SWEEP_MS, run: () => expireOverdue() },
    // Voting rounds open and close on time; adopted amendments are written into the live text (ADR 0015).
    { name: 'sweeping voting rounds', everyMs: env.ROUNDS_SWEEP_MS, run: () => openAndCloseDue() },
    // Phases that move by themselves at their date: announced beforehand, postponed while a round is open (ADR 0037).
    {
      name: 'moving scheduled phases',
      everyMs: env.PHASES_SWEEP_MS,
      run: () => runPhaseSchedule({ noticeMs: env.PHASE_NOTICE_HOURS * 3600_000 }),
    },
    // Moderators hear of rounds opening or closing within a day (ADR 0035).
    { name: 'telling moderators of rounds soon', everyMs: env.ROUNDS_SWEEP_MS, run: () => noticeRoundsSoon() },
    // Email digests of notifications, for members who opted in (each at most once a day).
    { name: 'sending digests', everyMs: env.DIGESTS_SWEEP_MS, run: () => sendDigests() },
    // Moderators' daily digests, queued for the mail job (ADR 0035).
    { name: 'queueing moderators digests', everyMs: env.DIGESTS_SWEEP_MS, run: () => queueModerationDigests() },
    // The mail queue: calls to vote and reminders, in batches, at the SMTP server's rate (ADR 0028).
    {
      name: 'sending queued mail',
      everyMs: env.MAIL_SWEEP_MS,
      run: (stopping) =>
        sendRoundMails({
          batchSize: env.MAIL_BATCH_SIZE,
          ratePerSecond: env.MAIL_RATE_PER_SECOND,
          retryBaseMs: env.MAIL_RETRY_BASE_MS,
          maxAttempts: env.MAIL_MAX_ATTEMPTS,
          leaseMs: env.MAIL_LEASE_MS,
          stopping,
        }),
    },
    // Expired sessions, old sign-in links and failed sign-ins go as soon as they are no longer needed.
    { name: 'purging expired rows', everyMs: env.DIGESTS_SWEEP_MS, run: () => purgeExpired() },
  ];
}

/**
 * Runs each job at its interval until `stop()`; a run still under way is never started again beside itself, and
 * a failed run is logged, never thrown (the next one tries again). `stop()` resolves once the runs under way have
 * ended (a mail batch is marked sent before the database closes).
 */
export function startJobs(list: Job[]): { stop: () => Promise<void> } {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = list.map((job) => {
    let busy = false;
    const timer = setInterval(() => {
      if (stopped || busy) return;
      busy = true;
      const run = job
        .run(() => stopped)
        .catch((error: unknown) => logger.warn(`${job.name} failed`, { error }))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([...running]);
    },
  };
}
