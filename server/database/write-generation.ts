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
 */
let generation = 0;
const listeners = new Set<() => void>();

/** The current generation of this process's writes. */
export function writeGeneration(): number {
  return generation;
}

function moved() {
  generation++;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever this process writes (to tell the others, ./shared-writes.ts); returns its removal. */
export function onWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Another process sharing the database wrote: what this one kept from its reads may be out of date. */
export function noteWriteElsewhere(): void {
  generation++;
}

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;

/**
 * The tables no kept read shows (ADR 0047, "What a ballot leaves alone", "What a debate leaves alone"): a ballot's
 * seal, its line in the voter roll and the turnout's count; sessions, sign-in failures, e-mailed codes and recovery
 * codes; the mail queue and the rounds' mailings; supports and groups' endorsements, comments and their reports,
 * notifications and the audit log. A voting rush writes little else, and every write moving the generation had
 * every member's section page rendered again for each ballot cast (`bench:movement`); supports and comments, 30 a
 * second at the movement's size, did the same. `tests/e2e/query-budget.test.ts` checks that a shared page reads
 * none of them but the session of the member asking and its unread count, which are in the page's key, not in the
 * page. A support that qualifies an amendment also writes its status, which the section page shows: that write
 * moves the generation.
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
]);

const READ = /^\s*SELECT\b/i;
const WITH = /^\s*WITH\b/i;
/** Each table a statement writes to, as Plenum's SQL and Prisma's name it (quoted, the schema's name optional). */
const WRITE_TARGET = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"public"\.)?"(\w+)"/gi;
/** A word of a write, but a lock's (FOR UPDATE, FOR NO KEY UPDATE) or a conflict's (DO UPDATE). */
const WRITE_WORD = /\b(?:INSERT|DELETE|MERGE|TRUNCATE)\b|(?<!\b(?:FOR|KEY|DO)\s+)\bUPDATE\b/i;

/**
 * Whether a statement may write something a kept read shows. A SELECT does not, nor a WITH made of reads only (the
 * moderation queue's lists). Any other writes to the tables it names, and shows something unless each of them is
 * unshown; a write whose table cannot be read from its text counts as shown.
 */
export function writesShown(sql: string): boolean {
  if (READ.test(sql)) return false;
  const targets = [...sql.matchAll(WRITE_TARGET)].map((match) => match[1]!);
  if (targets.length > 0) return targets.some((table) => !UNSHOWN_TABLES.has(table));
  return !WITH.test(sql) || WRITE_WORD.test(sql);
}

/** Moves the generation if a statement changed rows: `changed` is its count, or the rows its RETURNING gave. */
async function noted<T>(sql: string, result: Promise<T>, changed: (value: T) => number, tx?: { wrote: boolean }) {
  const value = await result;
  if (writesShown(sql) && changed(value) > 0) {
    moved();
    if (tx) tx.wrote = true;
  }
  return value;
}
const count = (n: number) => n;
const rows = (set: { rows: unknown[] }) => set.rows.length;

function watchedTransaction(tx: Transaction): Transaction {
  const state = { wrote: false };
  return forwarding<Transaction>(tx, {
    queryRaw: (query) => noted(query.sql, tx.queryRaw(query), rows, state),
    executeRaw: (query) => noted(query.sql, tx.executeRaw(query), count, state),
    // What it wrote is seen by others from now on.
    commit: async () => {
      try {
        return await tx.commit();
      } finally {
        if (state.wrote) moved();
      }
    },
  });
}

function watchedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forwarding<SqlDriverAdapter>(adapter, {
    queryRaw: (query) => noted(query.sql, adapter.queryRaw(query), rows),
    executeRaw: (query) => noted(query.sql, adapter.executeRaw(query), count),
    executeScript: (script) => {
      moved();
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
