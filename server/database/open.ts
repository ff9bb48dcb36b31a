import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '~/generated/prisma/client.ts';
import type { Database } from '~/utils/db.server.ts';
import { PRIVATE_FILE, privateFolder, tightenTree } from '../data-folders.ts';
import { countingQuery, countStatements, tablesReadBy } from './query-count.ts';
import { statementNames } from './statement-names.ts';
import { tablesStamp, watchWrites } from './write-generation.ts';

/** Runs raw SQL outside Prisma: what migrations and test fixtures need. */
export interface SqlRunner {
  /** Runs `fn` in one transaction, under a lock that serializes migrators across processes. */
  migrationTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}
export interface SqlTx {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Interactive transactions may wait 10 s for a connection and run 30 s (Prisma's defaults, 2 s and 5 s, failed
 * a moderator's round creation while 2,000 members voted at once on a loaded machine: "transaction expired").
 * The few that may run longer (closing a round, opening one) set their own.
 */
const transactionOptions = { maxWait: 10_000, timeout: 30_000 };

export interface OpenedDatabase extends Database {
  sql: SqlRunner;
  /** The embedded engine, when that is the one in use (tests dump it to clone databases fast). */
  pglite?: PGlite;
}

/** Options for `openDatabase`: a PostgreSQL URL, or else the embedded database's folder (or memory). */
export interface OpenOptions {
  /** postgresql://...: a PostgreSQL server. */
  url?: string;
  /** Folder of the embedded database, created if missing. Ignored when `url` is set. */
  dataDir?: string;
  /** An embedded database already open (tests load one from a dump). */
  pglite?: PGlite;
  /** A data folder's tarball (PGlite's `dumpDataDir`) to create the embedded database from (a restore). */
  loadDataDir?: Blob;
  /**
   * Count the SQL statements Prisma sends, per HTTP request (PLENUM_COUNT_QUERIES=1, see ./query-count.ts).
   * Off by default: the adapter is then used as it is, with no wrapper at all.
   */
  countQueries?: boolean;
}

/**
 * PostgreSQL's default shared_buffers (128 MB) is allocated inside PGlite's WASM memory at start, and touched:
 * 16 MB takes ~120 MiB off every process (`npm run bench:memory`, ADR 0002). A database of Plenum's size is
 * read from files the operating system caches anyway.
 */
export const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };

const MIGRATION_LOCK = 727_073_691; // arbitrary, constant: one advisory lock for all Plenum migrators

/** Opens the embedded database (PGlite) or a PostgreSQL server, behind the same Prisma client. */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const counting = options.countQueries ?? false;
  if (options.url) return openPostgres(options.url, counting);
  if (options.pglite) return fromPGlite(options.pglite, counting);
  const dir = path.resolve(options.dataDir ?? './data', 'pglite');
  await privateFolder(path.dirname(dir));
  const release = await lockDataFolder(`${dir}.lock`);
  try {
    const pglite = await PGlite.create(
      dir,
      options.loadDataDir ? { ...PGLITE_OPTIONS, loadDataDir: options.loadDataDir } : PGLITE_OPTIONS,
    );
    // PGlite writes the files of a new database 0666, whatever the umask: the server's account's alone.
    await tightenTree(dir);
    return fromPGlite(pglite, counting, release);
  } catch (error) {
    await release();
    throw error;
  }
}

/** The embedded database is in use by another process: two would corrupt it. */
export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another Plenum process (pid ${pid}). Stop that process ` +
        'first, or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/** Takes the data folder's lock file (holding our pid); a lock left by a dead process is taken over. */
async function lockDataFolder(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE });
      return () => fs.rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await fs.readFile(lockPath, 'utf8').catch(() => '0'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(path.dirname(lockPath), pid);
      await fs.rm(lockPath, { force: true }); // stale: its process is gone (e.g. killed with -9)
    }
  }
  throw new Error(`Cannot take the lock ${lockPath}`);
}

/** The pid of the live process holding the embedded database in `dataDir`, or null when none does. */
export async function embeddedDatabaseHolder(dataDir: string): Promise<number | null> {
  const lockPath = `${path.resolve(dataDir, 'pglite')}.lock`;
  const pid = Number(await fs.readFile(lockPath, 'utf8').catch(() => '0'));
  return pid && pid !== process.pid && isAlive(pid) ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fromPGlite(pglite: PGlite, counting: boolean, release: () => Promise<void> = async () => {}): OpenedDatabase {
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({
    adapter: watchWrites(counting ? countStatements(adapter) : adapter),
    transactionOptions,
  });
  const sql: SqlRunner = {
    // PGlite is single-connection and single-process: its transaction already serializes everything.
    migrationTransaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (text) => void (await tx.exec(text)),
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    query: async <T>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows,
  };
  return {
    prisma,
    engine: 'pglite',
    pglite,
    sql,
    writeStamp: tablesStamp,
    ...(counting ? { tablesReadBy } : {}),
    query: counting ? countingQuery(sql.query) : sql.query,
    live: {
      query: counting ? countingQuery(sql.query) : sql.query,
      execute: counting ? countingQuery(executeOn(pglite)) : executeOn(pglite),
    },
    ping: () => timed(() => pglite.query('SELECT 1')),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}

function openPostgres(url: string, counting: boolean): OpenedDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // The live text's statements have connections of their own (ADR 0049): a burst of keystrokes, each stored
  // before it is relayed, never holds up a page's session lookup.
  const livePool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client's network error must not crash the process: the next query reports it.
  pool.on('error', () => {});
  livePool.on('error', () => {});
  // Prisma's own pool (as the adapter would make it from the URL), held here so that /metrics can read its use.
  const prismaPool = new pg.Pool({ connectionString: url });
  // Every statement with parameters is named, Prisma's and the raw ones: parsed and planned once per connection.
  const nameOf = statementNames();
  const adapter = new PrismaPg(prismaPool, {
    disposeExternalPool: true,
    statementNameGenerator: (query) => nameOf(query.sql),
  });
  const named = <T>(on: pg.Pool, text: string, params?: unknown[]) =>
    on.query<T & pg.QueryResultRow>(params ? { name: nameOf(text), text, values: params } : text);
  const prisma = new PrismaClient({
    adapter: watchWrites(counting ? countStatements(adapter) : adapter),
    transactionOptions,
  });
  const sql: SqlRunner = {
    migrationTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await client.query('BEGIN');
          const result = await fn({
            exec: async (text) => void (await client.query(text)),
            query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        }
      } finally {
        client.release();
      }
    },
    query: async <T>(text: string, params?: unknown[]) => (await named<T>(pool, text, params)).rows,
  };
  const liveQuery = async <T>(text: string, params?: unknown[]) => (await named<T>(livePool, text, params)).rows;
  return {
    prisma,
    engine: 'postgresql',
    sql,
    writeStamp: tablesStamp,
    ...(counting ? { tablesReadBy } : {}),
    query: counting ? countingQuery(sql.query) : sql.query,
    live: {
      query: counting ? countingQuery(liveQuery) : liveQuery,
      execute: counting ? countingQuery(executeOn(livePool)) : executeOn(livePool),
    },
    ping: () => timed(() => pool.query('SELECT 1')),
    poolStats: () => [
      { pool: 'prisma', total: prismaPool.totalCount, idle: prismaPool.idleCount, waiting: prismaPool.waitingCount },
      { pool: 'sql', total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
      { pool: 'live', total: livePool.totalCount, idle: livePool.idleCount, waiting: livePool.waitingCount },
    ],
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await livePool.end();
    },
  };
}

/** `Database.execute` on either engine: the simple protocol, and the count of rows the statement changed. */
function executeOn(engine: PGlite | pg.Pool): (text: string) => Promise<number> {
  if (engine instanceof pg.Pool) return async (text) => (await engine.query(text)).rowCount ?? 0;
  return async (text) => (await engine.exec(text)).at(-1)?.affectedRows ?? 0;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return Math.round((performance.now() - start) * 100) / 100;
}
