import { logger } from './logger.server.ts';

/** Work deferred until its request was answered, still running: awaited before the database closes. */
const running = new Set<Promise<void>>();

/**
 * Runs `task` once `answered` resolves (the HTTP server resolves it when the response is sent, or the client
 * gone). What the task does, and how long it takes, then shows nowhere in the answer: a form that must not
 * reveal whether an address has an account answers before looking it up. Its errors are logged, since
 * nobody waits for them.
 */
export function runAfter(answered: Promise<void>, what: string, task: () => Promise<unknown>): void {
  const run = answered
    .then(task)
    .then(
      () => undefined,
      (error: unknown) => logger.error(`${what} failed after the answer`, { error }),
    )
    .finally(() => running.delete(run));
  running.add(run);
}

/** Resolves once deferred work started so far has ended (shutdown, before the database closes). */
export async function deferredWorkDone(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
