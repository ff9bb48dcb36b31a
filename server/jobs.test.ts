import { describe, expect, it } from 'vitest';
import { jobs, startJobs } from './jobs.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background jobs', () => {
  it('run at the interval their setting gives', () => {
    const list = jobs({
      AMENDMENTS_SWEEP_MS: 1_000,
      ROUNDS_SWEEP_MS: 2_000,
      DIGESTS_SWEEP_MS: 3_000,
      MAIL_SWEEP_MS: 500,
      MAIL_BATCH_SIZE: 50,
      MAIL_RATE_PER_SECOND: 200,
      MAIL_RETRY_BASE_MS: 1_000,
      MAIL_MAX_ATTEMPTS: 3,
      MAIL_LEASE_MS: 60_000,
      PHASES_SWEEP_MS: 4_000,
      PHASE_NOTICE_HOURS: 48,
    });
    expect(list.map((job) => [job.name, job.everyMs])).toEqual([
      ['expiring amendments', 1_000],
      ['sweeping voting rounds', 2_000],
      ['moving scheduled phases', 4_000],
      ['telling moderators of rounds soon', 2_000],
      ['sending digests', 3_000],
      ['queueing moderators digests', 3_000],
      ['sending queued mail', 500],
      ['purging expired rows', 3_000],
    ]);
  });

  it('never run a job beside itself, survive a failure, and stop when told', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    let failures = 0;
    const slow = async () => {
      runs++;
      concurrent++;
      most = Math.max(most, concurrent);
      await wait(60);
      concurrent--;
    };
    const failing = async () => {
      failures++;
      throw new Error('the database is away');
    };
    const background = startJobs([
      { name: 'slow', everyMs: 10, run: slow },
      { name: 'failing', everyMs: 10, run: failing },
    ]);
    await wait(300);
    void background.stop();
    const [runsAtStop, failuresAtStop] = [runs, failures];
    await wait(100);
    expect(runs).toBeGreaterThan(1);
    expect(most).toBe(1);
    expect(failures).toBeGreaterThan(1);
    expect([runs, failures]).toEqual([runsAtStop, failuresAtStop]);
  });

  it('stop when told only once the run under way has ended, and tell a long run to end early', async () => {
    let ended = false;
    let sawStop = false;
    const background = startJobs([
      {
        name: 'long',
        everyMs: 10,
        run: async (stopping) => {
          while (!stopping()) await wait(5);
          sawStop = true;
          await wait(50);
          ended = true;
        },
      },
    ]);
    await wait(50);
    await background.stop();
    expect(sawStop).toBe(true);
    expect(ended).toBe(true);
  });
});
