import os from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Module tests run on the embedded database, and again on PostgreSQL when TEST_DATABASE_URL is set.
// Browser journeys (tests/e2e) run the real server and Debian's Chromium, on each engine likewise.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const engines = onPostgres ? (['pglite', 'postgresql'] as const) : (['pglite'] as const);

/**
 * Browser journeys whose behaviour depends on the engine: they run on PostgreSQL as well as on the embedded
 * database (every other journey runs once, on PGlite; module tests run on both). The reason for each is in
 * docs/architecture.md ("Tests").
 */
const ENGINE_JOURNEYS = [
  'tests/e2e/collaboration-redis.test.ts',
  'tests/e2e/collaboration-sync.test.ts',
  'tests/e2e/errors-and-throttling.test.ts',
  'tests/e2e/lifecycle.test.ts',
  'tests/e2e/offline-editing.test.ts',
];
/** The attack that measures answer times: it runs alone, after everything else. */
const TIMING_ATTACK = 'tests/adversarial/account-timing.test.ts';
/** Journeys that need PostgreSQL and Redis (and nginx): they run only where both are given. */
const POSTGRES_AND_REDIS_ONLY = ['tests/e2e/collaboration-redis.test.ts', 'tests/e2e/movement-setup.test.ts'];

export default defineConfig({
  resolve: { alias: { '~': path.resolve('app') } },
  test: {
    // One worker per core: module test files run side by side (each has its own database). Vitest's default
    // leaves a core free, which on the 2-core CI machine meant one file at a time.
    maxWorkers: os.availableParallelism(),
    globalSetup: ['tests/setup/global-setup.ts'],
    // Every run ends with the count of tests and assertions (tests/setup/count-reporter.ts).
    setupFiles: ['tests/setup/count-assertions.ts'],
    reporters: ['default', './tests/setup/count-reporter.ts'],
    projects: [
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engines.length > 1 ? `unit:${engine}` : 'unit',
          // Pure functions do not care about the engine: they run once, in the PGlite project.
          include:
            engine === 'pglite'
              ? ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts']
              : ['tests/integration/**/*.test.ts'],
          // Several connections at once, or prepared statements: PostgreSQL only (PGlite has one connection).
          exclude: [
            ...configDefaults.exclude,
            ...(engine === 'pglite'
              ? [
                  'tests/integration/collab-storage-processes.test.ts',
                  'tests/integration/round-sweep-locks.test.ts',
                  'tests/integration/statement-names.test.ts',
                ]
              : []),
            // The machine's Redis, on the embedded database once: only where Redis is given (CI gives it).
            ...(process.env.TEST_REDIS_URL && engine === 'pglite'
              ? []
              : ['tests/integration/shared-writes-redis.test.ts']),
          ],
          // Reads kept across requests (ADR 0048) are read again when used and compared: a fixture that writes
          // behind Prisma's back, or a stamp that misses a write, fails with a clear message.
          env: { PLENUM_TEST_ENGINE: engine, PLENUM_VERIFY_KEPT_READS: '1' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
          // A worker keeps its modules from one test file to the next (issue 16): importing them again, the
          // WASM of the embedded database included, was ~40 % of these projects' CPU. Each file still starts
          // with a database of its own, and with what Plenum keeps per process emptied (the setup file).
          isolate: false,
          setupFiles: ['tests/setup/fresh-process-state.ts'],
          execArgv: ['--liftoff-only'],
        },
      })),
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engines.length > 1 ? `e2e:${engine}` : 'e2e',
          // On PostgreSQL, only the journeys that depend on the engine. Several processes need PostgreSQL and
          // Redis: that journey runs only where both are given.
          include:
            engine === 'postgresql' ? [...ENGINE_JOURNEYS, ...POSTGRES_AND_REDIS_ONLY] : ['tests/e2e/**/*.test.ts'],
          exclude: [
            ...configDefaults.exclude,
            ...(engine === 'postgresql' && process.env.TEST_REDIS_URL ? [] : POSTGRES_AND_REDIS_ONLY),
          ],
          env: { PLENUM_TEST_ENGINE: engine },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // After the module tests (group 0), three journeys at a time: each waits on its browser, its server and
          // their timers for much of its time (two at a time, the whole run used 653 s of CPU in 615 s on two
          // cores). Beside the module tests, two at a time had made the run slower: they share the cores with work
          // that uses both. Vitest asks projects sharing a group to share their number of workers, so the journeys
          // have a group of their own.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          // The files share one process, its loaded modules and one Chromium (tests/e2e/support/browser.ts):
          // loading Playwright and the helpers again, and starting a browser, cost each file a second or more.
          // Each file still starts its own server; the people it left in the browser leave after it.
          isolate: false,
          // The embedded database the journeys open themselves (onStoppedServer, sqlOn) compiled unoptimised, as
          // the servers' is (tests/e2e/support/server.ts: NODE_FLAGS): 2 s less CPU for a file that seeds that way.
          execArgv: ['--liftoff-only'],
          setupFiles: ['tests/setup/count-assertions.ts', 'tests/e2e/support/each-file.ts'],
        },
      })),
      // The adversarial suite (issue 15): attacks replayed against a real server, on the embedded database
      // (files that attack engine-specific behaviour start a PostgreSQL server themselves when it is given). Two
      // files at a time, after the journeys: each attacks its own server, which answers /healthz within 1 s
      // throughout. The attack that compares answer times (account-timing) runs last, alone.
      ...(['adversarial', 'adversarial:timing'] as const).map((name) => ({
        extends: true as const,
        test: {
          name,
          include: name === 'adversarial' ? ['tests/adversarial/**/*.test.ts'] : [TIMING_ATTACK],
          exclude: [...configDefaults.exclude, ...(name === 'adversarial' ? [TIMING_ATTACK] : [])],
          env: { PLENUM_TEST_ENGINE: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: name === 'adversarial' ? 2 : 1,
          sequence: { groupOrder: name === 'adversarial' ? 2 : 3 },
          setupFiles: ['tests/setup/count-assertions.ts', 'tests/e2e/support/each-file.ts'],
        },
      })),
    ],
  },
});
