import { db } from '~/utils/db.server.ts';

/**
 * One writer at a time per program for the work that reads a section's live text, merges into it and records
 * what it did (applying adopted amendments, resolving a conflict, publishing a version): a lease on the program
 * row, taken with one conditional UPDATE (so it holds across processes and instances) and given back after. No
 * transaction stays open meanwhile: the embedded database has a single connection, which the live text needs.
 * A lease left by a crashed process lapses after LEASE_MS.
 */

const LEASE_MS = 5 * 60_000;
// Within a process, callers queue behind each other instead of polling the database.
const KEY = Symbol.for('plenum.programLeases');
const local: Map<string, Promise<unknown>> = ((globalThis as { [KEY]?: Map<string, Promise<unknown>> })[KEY] ??=
  new Map());

async function acquire(programId: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = new Date();
    const taken = await db().$executeRaw`
      UPDATE "Program" SET "applyLeaseUntil" = ${new Date(now.getTime() + LEASE_MS)}
      WHERE id = ${programId} AND ("applyLeaseUntil" IS NULL OR "applyLeaseUntil" < ${now})`;
    if (taken === 1) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs `work` holding the program's lease. Returns `{ ran: false }` when another process held it for longer
 * than `waitMs` (a sweep just tries again later; a person is told to retry).
 */
export async function withProgramLease<T>(
  programId: string,
  work: () => Promise<T>,
  waitMs = 30_000,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const previous = local.get(programId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chained = previous.then(() => mine);
  local.set(programId, chained);
  await previous.catch(() => {});
  try {
    if (!(await acquire(programId, waitMs))) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await db().$executeRaw`UPDATE "Program" SET "applyLeaseUntil" = NULL WHERE id = ${programId}`;
    }
  } finally {
    release();
    if (local.get(programId) === chained) local.delete(programId);
  }
}
