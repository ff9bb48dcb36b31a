import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { logger } from '~/utils/logger.server.ts';
import { noteWriteElsewhere, onWrite } from './write-generation.ts';

const CHANNEL = 'plenum:writes';

/**
 * Processes sharing one PostgreSQL database (and Redis, as the collaboration server's relay does) tell each other
 * when they wrote, so that none serves a member a page it kept from before a change made through another (ADR
 * 0047): each write moves the others' write generation within a message's time. Writes of the same moment are
 * told once. Returns what stops it.
 */
export function shareWrites(url: string): () => Promise<void> {
  const sender = randomBytes(8).toString('hex');
  const pub = new Redis(url, { maxRetriesPerRequest: null });
  const sub = new Redis(url, { maxRetriesPerRequest: null });
  for (const client of [pub, sub]) client.on('error', (error) => logger.warn('redis', { error: error.message }));
  sub.on('message', (_channel: string, message: string) => {
    if (message !== sender) noteWriteElsewhere();
  });
  sub.subscribe(CHANNEL).catch((error: Error) => logger.warn('redis subscribe', { error: error.message }));
  let told = false;
  const stop = onWrite(() => {
    if (told) return;
    told = true;
    setImmediate(() => {
      told = false;
      pub.publish(CHANNEL, sender).catch((error: Error) => logger.warn('redis publish', { error: error.message }));
    });
  });
  return async () => {
    stop();
    await Promise.all([pub.quit().catch(() => {}), sub.quit().catch(() => {})]);
  };
}
