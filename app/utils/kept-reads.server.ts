import { Prisma } from '~/generated/prisma/client.ts';
import { database, type Database } from './db.server.ts';
import { logger } from './logger.server.ts';

/**
 * Reads shared by every request while none of the tables they read was written (ADR 0048): a program's frame, a
 * round's ballot, a round's definition. A voting rush reads them for every ballot cast, and the ballot, the voter
 * roll and the turnout it writes are none of their tables, so each is read once for thousands of ballots.
 *
 * - A kept read names the tables it reads (`tables`). It is trusted while none of them was written through Prisma,
 *   by this process or, told through Redis, by another (`Database.writeStamp`), and for at most the page cache's
 *   time (PAGE_CACHE_TTL_MS, 2 s): the bound for what no process is told of (a change made by hand in psql, a
 *   message lost).
 * - A read that started before a write is not used by a caller that comes after it: each caller compares the
 *   stamp the read started at with the current one.
 * - Tables written outside Prisma (the live text's storage, the session's touch) are refused: their writes move
 *   no stamp. `tests/e2e/kept-reads.test.ts` checks that each kept read names every table it reads.
 * - PLENUM_VERIFY_KEPT_READS=1 (every journey's server): a read found is read again and compared, and a difference
 *   fails the request (a 500 the journey sees) rather than showing old facts; what is kept is frozen, so that a
 *   caller changing it fails too.
 *
 * Callers must not change what they get: it is shared.
 */

const UNWATCHED_TABLES = new Set(['CollabDocument', 'CollabUpdate', 'LiveTextWriter', 'Session']);
const MAX_KEPT = 1000;

interface Kept {
  stamp: number;
  at: number;
  value: Promise<unknown>;
}

// The Remix build bundles its own copy of this module while server/ loads the source: the kept reads and their
// time live on globalThis, so that both see the same (as db.server.ts does for the database). They are kept per
// open database: a process that opens another (a test) finds none of the first's.
const KEY = Symbol.for('plenum.keptReads');
type State = { byDatabase: WeakMap<Database, Map<string, Kept>>; ttlMs: number };
type Holder = { [KEY]?: State };
function state(): State {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { byDatabase: new WeakMap(), ttlMs: 2000 });
}
function keptFor(db: Database): Map<string, Kept> {
  const { byDatabase } = state();
  let kept = byDatabase.get(db);
  if (!kept) byDatabase.set(db, (kept = new Map()));
  return kept;
}

/** How long a kept read may be trusted at most (the server sets the page cache's time; 0 keeps nothing). */
export function setKeptReadTime(ms: number) {
  state().ttlMs = ms;
  forgetKeptReads();
}

/** Forgets every kept read. */
export function forgetKeptReads() {
  state().byDatabase = new WeakMap();
}

/**
 * The answer of `read` for `key`, shared while none of `tables` was written since it started (and for at most the
 * page cache's time); read again otherwise. A refused read is not kept.
 */
export function keptRead<T>(key: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  for (const table of tables) {
    if (UNWATCHED_TABLES.has(table)) throw new Error(`keptRead: ${table} is written outside Prisma`);
  }
  const db = database();
  const stampOf = db.writeStamp;
  const { ttlMs } = state();
  if (!stampOf || ttlMs <= 0) return read();
  const kept = keptFor(db);
  const stamp = stampOf(tables);
  const now = Date.now();
  const found = kept.get(key);
  if (found && found.stamp === stamp && now - found.at < ttlMs) {
    return process.env.PLENUM_VERIFY_KEPT_READS === '1'
      ? verified(key, tables, found.value as Promise<T>, read, stamp)
      : (found.value as Promise<T>);
  }
  const value = process.env.PLENUM_VERIFY_KEPT_READS === '1' ? checked(key, tables, read).then(frozen) : read();
  // Kept in the order they were read: the oldest go first when there are too many.
  kept.delete(key);
  kept.set(key, { stamp, at: now, value });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

const MODELS: ReadonlySet<string> = new Set(Object.values(Prisma.ModelName));

/**
 * Verify mode, where statements are counted: `read`, refused if it read a table it does not name (a write there
 * would leave it kept).
 */
async function checked<T>(key: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  const tablesReadBy = database().tablesReadBy;
  if (!tablesReadBy) return read();
  const { value, tables: named } = await tablesReadBy(read);
  const unnamed = [...named].filter((table) => MODELS.has(table) && !tables.includes(table));
  if (unnamed.length) {
    logger.error('a kept read reads tables it does not name', { key, unnamed });
    throw new Error(`the kept read ${key} reads ${unnamed.join(', ')}, which it does not name`);
  }
  return value;
}

/** Verify mode: a kept answer can no more be changed by a caller than by anyone (a change throws). */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

const asJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Verify mode: the kept answer, after reading again and finding it alike (unless a write came meanwhile). */
async function verified<T>(
  key: string,
  tables: readonly string[],
  kept: Promise<T>,
  read: () => Promise<T>,
  stamp: number,
): Promise<T> {
  const [old, fresh] = await Promise.all([kept, read()]);
  if (database().writeStamp!(tables) === stamp && asJson(old) !== asJson(fresh)) {
    logger.error('a kept read differs from the database', { key, tables });
    throw new Error(`the kept read ${key} differs from a fresh read of ${tables.join(', ')}`);
  }
  return fresh;
}
