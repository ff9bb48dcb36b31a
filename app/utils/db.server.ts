import type { PrismaClient } from '~/generated/prisma/client.ts';

export type { PrismaClient };
export type Engine = 'pglite' | 'postgresql';

/** An open database: the Prisma client every module uses, and what the server needs to watch and close it. */
/** A connection pool's use: connections open, idle, and clients waiting for one. */
export interface PoolStats {
  pool: string;
  total: number;
  idle: number;
  waiting: number;
}

/** Raw SQL for the live text (`Database.live`). */
export interface LiveSql {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * One statement without parameters, sent as it is (the simple protocol: a single message, where `query` sends
   * parse, bind and execute); resolves to the number of rows it changed. Only for SQL whose every value the caller
   * encoded itself: storing keystrokes on the embedded database, where this costs a quarter of `query` (ADR 0009).
   */
  execute(sql: string): Promise<number>;
}

export interface Database {
  prisma: PrismaClient;
  engine: Engine;
  /**
   * One SQL statement outside Prisma ($1, $2... parameters), for reads made on nearly every request (the session,
   * a section page's people): Prisma's own work per statement costs more than these statements. It waits for any
   * open transaction, so never call it inside a `$transaction` callback (on PGlite that would wait for ever).
   */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The live text's own statements (storing keystrokes, loading a document, noting its writers), outside Prisma
   * (ADR 0009), on connections of their own on PostgreSQL (ADR 0049): two hundred people typing never make a page
   * wait for a connection. On the embedded database, the one connection there is. Same rule as `query`.
   */
  live: LiveSql;
  /** Round-trip time of a trivial query, in ms; throws when the database does not answer. */
  ping(): Promise<number>;
  /** PostgreSQL: each pool's connections (Prisma's, raw SQL's, the live text's) for /metrics; the embedded database has none. */
  poolStats?(): PoolStats[];
  /**
   * A number that changes whenever one of `tables` is written through Prisma, by this process or another sharing
   * the database (ADR 0048): what `keptRead` trusts. Absent where writes are not watched (nothing is then kept).
   */
  writeStamp?(tables: readonly string[]): number;
  /** Where statements are counted (PLENUM_COUNT_QUERIES=1): the tables `read` named (ADR 0048's check). */
  tablesReadBy?<T>(read: () => Promise<T>): Promise<{ value: T; tables: Set<string> }>;
  close(): Promise<void>;
}

// The Remix build bundles its own copy of this module while server/ loads the source: the handle lives on
// globalThis so that both see the one database the server opened.
const KEY = Symbol.for('plenum.database');
type Holder = { [KEY]?: Database };

/** Makes `database` the one that `db()` returns (called once by the server, the CLI and test fixtures). */
export function setDatabase(database: Database | undefined) {
  (globalThis as Holder)[KEY] = database;
}

/** The open database handle. */
export function database(): Database {
  const current = (globalThis as Holder)[KEY];
  if (!current) throw new Error('The database is not open: call setDatabase() at start-up.');
  return current;
}

/** The Prisma client of the open database. */
export function db(): PrismaClient {
  return database().prisma;
}

/** Prisma's interactive-transaction client type. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
