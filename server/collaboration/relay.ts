import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { logger } from '~/utils/logger.server.ts';

/** What travels between processes about one document: a stored update, or a presence change. */
export type RelayKind = 'update' | 'awareness';
export type RelayHandler = (kind: RelayKind, payload: Uint8Array) => void;

/**
 * Shares live documents between processes (one concern). An update is published by the process that stored
 * it, after storing it; the others apply it without storing it again, so storage stays exactly-once.
 */
export interface Relay {
  publish(document: string, kind: RelayKind, payload: Uint8Array): void;
  subscribe(document: string, handler: RelayHandler): Promise<void>;
  unsubscribe(document: string): Promise<void>;
  close(): Promise<void>;
}

/** One process, no Redis: nothing to relay. */
export const localOnly: Relay = {
  publish: () => {},
  subscribe: async () => {},
  unsubscribe: async () => {},
  close: async () => {},
};

const KINDS: RelayKind[] = ['update', 'awareness'];
const channel = (document: string) => `plenum:collab:${document}`;

/** A relay through Redis pub/sub: frames are [kind][sender id (8 bytes)][payload]. */
export function redisRelay(url: string): Relay {
  const sender = randomBytes(8);
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  const sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  for (const client of [pub, sub]) client.on('error', (error) => logger.warn('redis', { error: error.message }));
  const handlers = new Map<string, RelayHandler>();
  sub.on('messageBuffer', (channelName: Buffer, message: Buffer) => {
    if (message.length < 9 || message.subarray(1, 9).equals(sender)) return; // our own, or garbage
    const handler = handlers.get(channelName.toString());
    const kind = KINDS[message[0]!];
    if (handler && kind) handler(kind, new Uint8Array(message.subarray(9)));
  });
  return {
    publish(document, kind, payload) {
      const frame = Buffer.concat([Buffer.from([KINDS.indexOf(kind)]), sender, payload]);
      pub
        .publish(channel(document), frame)
        .catch((error: Error) => logger.warn('redis publish', { error: error.message }));
    },
    async subscribe(document, handler) {
      handlers.set(channel(document), handler);
      await sub.subscribe(channel(document));
    },
    async unsubscribe(document) {
      handlers.delete(channel(document));
      await sub.unsubscribe(channel(document)).catch(() => {});
    },
    async close() {
      await Promise.all([pub.quit().catch(() => {}), sub.quit().catch(() => {})]);
    },
  };
}
