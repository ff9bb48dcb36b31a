import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { newId } from '../../app/utils/ids.ts';
import { buildState } from '../../scripts/build-stamp.mjs';

/**
 * Issue 19, item 1: `npm run bench:movement` at a tiny size, as a test of its setup, not of its speed. The same
 * script starts two Plenum processes on PostgreSQL and Redis behind nginx on the deploy guide's file, with TLS,
 * restarts one of them during the load as an upgrade would, then runs again with one process. Whatever the
 * machine's load, nothing may fail: every request answered as it should, every ballot accepted is counted, every
 * live edit reaches the other editors of its section, and the editors of the restarted process connect again.
 */

const BASE = process.env.TEST_DATABASE_URL!;

/** Runs the benchmark to its end; resolves to its last line (JSON) and everything it printed. */
function runBench(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/movement.ts'], {
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // Stopped (its own cleanup runs on SIGTERM) rather than left running past the test's time.
    const timer = setTimeout(() => child.kill('SIGTERM'), 400_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('bench:movement at a tiny size', () => {
  it('runs two processes behind nginx with TLS through a rolling restart, then one, losing nothing', async () => {
    expect(buildState(), 'the production build (npm run build) the processes run').toBe('fresh');
    const server = new URL(BASE);
    server.pathname = '/';
    const { code, output } = await runBench({
      BENCH_SCALE: '0.002',
      BENCH_SECONDS: '6',
      BENCH_AMENDMENTS: '60',
      BENCH_DATABASE_URL: server.toString(),
      BENCH_DATABASE_NAME: `plenum_movement_${newId()}`,
      BENCH_REDIS_URL: process.env.TEST_REDIS_URL!,
    });
    expect(code, output.slice(-3000)).toBe(0);
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as {
      runs: {
        processes: number;
        tls: boolean;
        restart: { at: number; downSeconds: number } | null;
        classes: Record<
          string,
          { requests: number; errors: number; statuses: Record<string, number>; firstError?: string }
        >;
        editors: {
          editors: number;
          connected: number;
          arrivals: number;
          expectedArrivals: number;
          droppedSockets: number;
          reconnects: number;
        };
        ballots: { sent: number; accepted: number; stored: number; counted: number; lost: number };
      }[];
      goals: { noError: boolean; noLostBallot: boolean };
    };
    expect(result.runs.map((r) => r.processes)).toEqual([2, 1]);
    for (const run of result.runs) {
      const what = `${run.processes} process(es)`;
      expect(run.tls, what).toBe(true);
      for (const [name, c] of Object.entries(run.classes)) {
        expect(c.requests, `${name} requests, ${what}`).toBeGreaterThan(0);
        expect(c.errors, `${name} errors, ${what}: ${JSON.stringify(c.statuses)} ${c.firstError ?? ''}`).toBe(0);
      }
      expect(run.ballots.accepted, what).toBe(run.ballots.sent);
      expect(run.ballots.stored, what).toBe(run.ballots.sent);
      expect(run.ballots.counted, what).toBe(run.ballots.sent);
      expect(run.editors.connected, what).toBe(run.editors.editors);
      expect(run.editors.arrivals, what).toBe(run.editors.expectedArrivals);
      expect(run.editors.reconnects, what).toBe(run.editors.droppedSockets);
    }
    // The restart happened under the load, and the restarted process's editors were among those connected.
    const [two] = result.runs;
    expect(two!.restart).not.toBeNull();
    expect(two!.editors.droppedSockets).toBeGreaterThan(0);
    expect(result.goals).toMatchObject({ noError: true, noLostBallot: true });
  }, 600_000);
});
