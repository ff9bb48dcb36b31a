import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { logger } from '~/utils/logger.server.ts';
import { noteWriteElsewhere, onWrite, type WrittenTables } from './write-generation.ts';

const CHANNEL = 'plenum:writes';

/**
 * A message: the sender, then the tables it wrote (comma-separated) or `*` when it could not name them. A message
 * of the sender alone (a process of an earlier version, during a rolling upgrade) counts as every table.
 */
export function writesMessage(sender: string, tables: WrittenTables): string {
  return `${sender} ${tables === null ? '*' : tables.join(',')}`;
}
export function readWritesMessage(message: string): { sender: string; tables: WrittenTables } {
  const space = message.indexOf(' ');
  if (space === -1) return { sender: message, tables: null };
  const list = message.slice(space + 1);
  return { sender: message.slice(0, space), tables: list === '*' ? null : list.split(',').filter(Boolean) };
}

/**
 * Processes sharing one PostgreSQL database (and Redis, as the collaboration server's relay does) tell each other
 * which tables they wrote, so that none serves a member a page or a read it kept from before a change made through
 * another (ADR 0047, ADR 0048): each write moves the others' counts within a message's time. Writes of the same
 * moment are told once, together. Returns what stops it.
 */
export function shareWrites(url: string): () => Promise<void> {
  const sender = randomBytes(8).toString('hex');
  const pub = new Redis(url, { maxRetriesPerRequest: null });
  const sub = new Redis(url, { maxRetriesPerRequest: null });
  for (const client of [pub, sub]) client.on('error', (error) => logger.warn('redis', { error: error.message }));
  sub.on('message', (_channel: string, message: string) => {
    const { sender: from, tables } = readWritesMessage(message);
    if (from !== sender) noteWriteElsewhere(tables);
  });
  sub.subscribe(CHANNEL).catch((error: Error) => logger.warn('redis subscribe', { error: error.message }));
  let pending: Set<string> | null | undefined;
  const stop = onWrite((tables) => {
    const first = pending === undefined;
    if (tables === null || pending === null) pending = null;
    else {
      pending ??= new Set();
      for (const table of tables) pending.add(table);
    }
    if (!first) return;
    setImmediate(() => {
      const written = pending === null ? null : [...pending!];
      pending = undefined;
      pub
        .publish(CHANNEL, writesMessage(sender, written))
        .catch((error: Error) => logger.warn('redis publish', { error: error.message }));
    });
  });
  return async () => {
    stop();
    await Promise.all([pub.quit().catch(() => {}), sub.quit().catch(() => {})]);
  };
}
