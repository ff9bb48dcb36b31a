import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import { forwarding } from './forwarding.ts';

/**
 * Counting the SQL statements each HTTP request runs (PLENUM_COUNT_QUERIES=1; tests check the query budget of
 * the published pages with it). Only then does `openDatabase` wrap the driver adapter with `countStatements`
 * and the HTTP app run each Remix request inside `countQueriesOf`; otherwise neither is called and nothing here
 * costs anything.
 *
 * What counts: every statement Prisma hands the driver adapter — model queries, `$queryRaw` and `$executeRaw`,
 * the statements of interactive transactions, and the raw statements of `Database.query`. Transaction control (BEGIN, COMMIT, ROLLBACK, savepoints) is
 * NOT counted: the PostgreSQL adapter sends BEGIN itself and COMMIT through the transaction, while the PGlite
 * adapter sends neither through Prisma, so leaving them all out gives the same count on both engines.
 *
 * A statement belongs to the request in whose async context Prisma called the adapter. Prisma may group
 * `findUnique` calls made in the same tick by concurrent requests into one statement; it then counts once, for
 * one of them (tests measure one request at a time).
 */

/** The statements run so far in one request. */
export interface QueryTally {
  statements: number;
  /** The tables they named (quoted and capitalized, as Plenum's SQL and Prisma's name its tables). */
  tables: Set<string>;
  /** The tally this one is part of (a kept read's, within its request's): its statements count there too. */
  parent?: QueryTally;
}

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;

const storage = new AsyncLocalStorage<QueryTally>();

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START\s+TRANSACTION|SET\s+TRANSACTION)\b/i;

const TABLE = /"([A-Z]\w*)"/g;

function tally(sql: string) {
  const current = storage.getStore();
  if (!current || TRANSACTION_CONTROL.test(sql)) return;
  const tables = [...sql.matchAll(TABLE)].map((match) => match[1]!);
  for (let t: QueryTally | undefined = current; t; t = t.parent) {
    t.statements++;
    for (const table of tables) t.tables.add(table);
  }
}

/** Runs `fn` with a fresh tally, which it (and whatever it awaits) can read through `currentQueryTally`. */
export function countQueriesOf<T>(fn: (tally: QueryTally) => T): T {
  const fresh: QueryTally = { statements: 0, tables: new Set() };
  return storage.run(fresh, () => fn(fresh));
}

/**
 * The tables `read` named, counted apart (and in the request's tally too): what a kept read is checked against
 * (ADR 0048). Only where statements are counted (PLENUM_COUNT_QUERIES=1).
 */
export async function tablesReadBy<T>(read: () => Promise<T>): Promise<{ value: T; tables: Set<string> }> {
  const inner: QueryTally = { statements: 0, tables: new Set(), parent: storage.getStore() };
  const value = await storage.run(inner, read);
  return { value, tables: inner.tables };
}

/** The tally of the request being handled, if counting is on and a request is being handled. */
export function currentQueryTally(): QueryTally | undefined {
  return storage.getStore();
}

function countingTransaction(tx: Transaction): Transaction {
  return forwarding<Transaction>(tx, {
    queryRaw: (query) => {
      tally(query.sql);
      return tx.queryRaw(query);
    },
    executeRaw: (query) => {
      tally(query.sql);
      return tx.executeRaw(query);
    },
  });
}

function countingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forwarding<SqlDriverAdapter>(adapter, {
    queryRaw: (query) => {
      tally(query.sql);
      return adapter.queryRaw(query);
    },
    executeRaw: (query) => {
      tally(query.sql);
      return adapter.executeRaw(query);
    },
    executeScript: (script) => {
      tally(script);
      return adapter.executeScript(script);
    },
    startTransaction: async (isolationLevel) => countingTransaction(await adapter.startTransaction(isolationLevel)),
  });
}

/** A raw query function (outside Prisma), counting each statement it runs like Prisma's. */
export function countingQuery<Q extends (sql: string, params?: unknown[]) => Promise<unknown>>(query: Q): Q {
  return ((sql: string, params?: unknown[]) => {
    tally(sql);
    return query(sql, params);
  }) as Q;
}

/** The driver adapter factory, counting the statements of every connection it opens. */
export function countStatements<F extends SqlDriverAdapterFactory>(factory: F): F {
  return forwarding<SqlDriverAdapterFactory>(factory, {
    connect: async () => countingAdapter(await factory.connect()),
  }) as F;
}
