import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import { forwarding } from './forwarding.ts';

/**
 * A number that moves whenever this process changes the database through Prisma: a statement other than a SELECT
 * changed rows (counted when it returns, and again when its transaction commits). A sweep that finds nothing to
 * do (an UPDATE of no row, every few seconds) does not move it. What is kept from a read (the member pages
 * rendered once for all, ADR 0047) notes it when the read starts and is trusted only while it has not moved, so
 * that nothing read before a change is kept as if read after it. The live text's storage (raw SQL, ADR 0009) does
 * not move it: a page may show the live text as it was a moment ago, as the public page cache does (ADR 0008), and
 * the editor brings it up to date. Nor does a statement that writes only to `UNSHOWN_TABLES`.
 *
 * Beside it, a count of writes per table (ADR 0048): a read kept for its tables (`app/utils/kept-reads.server.ts`)
 * is trusted while none of them was written, whatever else was. A write whose tables cannot be named from its
 * text counts as a write of every table.
 */
let generation = 0;
const tableWrites = new Map<string, number>();
let unnamedWrites = 0;
/** What a write changed: the tables it named, or null when they could not be named (every table, then). */
export type WrittenTables = readonly string[] | null;
const listeners = new Set<(tables: WrittenTables) => void>();

/** The current generation of this process's writes. */
export function writeGeneration(): number {
  return generation;
}

/**
 * A number that changes whenever one of `tables` is written, by this process or (told through Redis) another,
 * or a write whose tables are unknown happens. The counts only grow, so their sum moves when any of them does.
 */
export function tablesStamp(tables: readonly string[]): number {
  let stamp = unnamedWrites;
  for (const table of tables) stamp += tableWrites.get(table) ?? 0;
  return stamp;
}

function count(tables: WrittenTables) {
  if (tables === null) {
    unnamedWrites++;
    generation++;
    return;
  }
  for (const table of tables) tableWrites.set(table, (tableWrites.get(table) ?? 0) + 1);
  if (shown(tables)) generation++;
}

function moved(tables: WrittenTables) {
  count(tables);
  for (const listener of listeners) listener(tables);
}

/**
 * Calls `listener` with the tables whenever this process writes (to tell the others, ./shared-writes.ts); returns
 * its removal.
 */
export function onWrite(listener: (tables: WrittenTables) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Another process sharing the database wrote `tables`: what this one kept from its reads may be out of date. */
export function noteWriteElsewhere(tables: WrittenTables = null): void {
  count(tables);
}

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;

/**
 * The tables no shared member page shows (ADR 0047, "What a ballot leaves alone", "What a debate leaves alone"): a ballot's
 * seal, its line in the voter roll and the turnout's count; sessions, sign-in failures, e-mailed codes and recovery
 * codes; the mail queue and the rounds' mailings; supports and groups' endorsements, comments and their reports,
 * notifications and the audit log. A voting rush writes little else, and every write moving the generation had
 * every member's section page rendered again for each ballot cast (`bench:movement`); supports and comments, 30 a
 * second at the movement's size, did the same. `tests/e2e/query-budget.test.ts` checks that a shared page reads
 * none of them but the session of the member asking and its unread count, which are in the page's key, not in the
 * page. A support that qualifies an amendment also writes its status, which the section page shows: that write
 * moves the generation. And the stored live text: its updates are written outside Prisma already, and the two
 * writes that go through it, a document's first storage (seeded from the section's text) and a compaction (its
 * updates folded into a snapshot), store the text the page already showed. Both moved the generation, so that a
 * reader closing an editor (the compaction that follows) had every member's section page rendered again (a CI
 * run of `tests/e2e/shared-member-pages.test.ts`). A change of text that goes with a change of the section (a merge,
 * a restore, a removal) writes Section too, and that write moves it.
 */
export const UNSHOWN_TABLES: ReadonlySet<string> = new Set([
  'AmendmentSupport',
  'GroupEndorsement',
  'Comment',
  'CommentReport',
  'Notification',
  'AuditEvent',
  'Ballot',
  'VoterRoll',
  'TurnoutCount',
  'Session',
  'LoginFailure',
  'EmailToken',
  'RecoveryCode',
  'MailMessage',
  'RoundMailing',
  'RoundReminder',
  'ReminderStop',
  'CollabDocument',
  'CollabUpdate',
]);

const READ = /^\s*SELECT\b/i;
const WITH = /^\s*WITH\b/i;
/** Each table a statement writes to, as Plenum's SQL and Prisma's name it (quoted, the schema's name optional). */
const WRITE_TARGET = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"public"\.)?"(\w+)"/gi;
/** A word of a write, but a lock's (FOR UPDATE, FOR NO KEY UPDATE) or a conflict's (DO UPDATE). */
const WRITE_WORD = /\b(?:INSERT|DELETE|MERGE|TRUNCATE)\b|(?<!\b(?:FOR|KEY|DO)\s+)\bUPDATE\b/i;

/**
 * The tables a statement may write: none for a SELECT or a WITH made of reads only (the moderation queue's lists),
 * the tables it names after INSERT INTO, UPDATE and DELETE FROM otherwise, and null (every table) for a write
 * whose tables cannot be read from its text.
 */
export function writtenTables(sql: string): WrittenTables {
  if (READ.test(sql)) return [];
  const targets = [...new Set([...sql.matchAll(WRITE_TARGET)].map((match) => match[1]!))];
  if (targets.length > 0) return targets;
  return WITH.test(sql) && !WRITE_WORD.test(sql) ? [] : null;
}

/** Whether a statement may write something a kept page shows: a table of its that is not unshown, or one unknown. */
export function writesShown(sql: string): boolean {
  return shown(writtenTables(sql));
}

/** Whether writing `tables` may change what a kept page shows: one of them is not unshown, or they are unknown. */
function shown(tables: WrittenTables): boolean {
  return tables === null || tables.some((table) => !UNSHOWN_TABLES.has(table));
}

interface TransactionWrites {
  tables: Set<string>;
  unnamed: boolean;
}

/** Counts a statement's writes if it changed rows: `changed` is its count, or the rows its RETURNING gave. */
async function noted<T>(sql: string, result: Promise<T>, changed: (value: T) => number, tx?: TransactionWrites) {
  const value = await result;
  const tables = writtenTables(sql);
  if ((tables === null || tables.length > 0) && changed(value) > 0) {
    moved(tables);
    if (tx && tables === null) tx.unnamed = true;
    else if (tx) for (const table of tables!) tx.tables.add(table);
  }
  return value;
}
const rowCount = (n: number) => n;
const rows = (set: { rows: unknown[] }) => set.rows.length;

function watchedTransaction(tx: Transaction): Transaction {
  const state: TransactionWrites = { tables: new Set(), unnamed: false };
  return forwarding<Transaction>(tx, {
    queryRaw: (query) => noted(query.sql, tx.queryRaw(query), rows, state),
    executeRaw: (query) => noted(query.sql, tx.executeRaw(query), rowCount, state),
    // What it wrote is seen by others from now on.
    commit: async () => {
      try {
        return await tx.commit();
      } finally {
        if (state.unnamed) moved(null);
        else if (state.tables.size > 0) moved([...state.tables]);
      }
    },
  });
}

function watchedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forwarding<SqlDriverAdapter>(adapter, {
    queryRaw: (query) => noted(query.sql, adapter.queryRaw(query), rows),
    executeRaw: (query) => noted(query.sql, adapter.executeRaw(query), rowCount),
    executeScript: (script) => {
      moved(null);
      return adapter.executeScript(script);
    },
    startTransaction: async (isolationLevel) => watchedTransaction(await adapter.startTransaction(isolationLevel)),
  });
}

/** The driver adapter factory, every connection of which moves the write generation. */
export function watchWrites<F extends SqlDriverAdapterFactory>(factory: F): F {
  return forwarding<SqlDriverAdapterFactory>(factory, {
    connect: async () => watchedAdapter(await factory.connect()),
  }) as F;
}
