import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { readWritesMessage, shareWrites, writesMessage } from '../../server/database/shared-writes.ts';
import { tablesStamp } from '../../server/database/write-generation.ts';
import { eventually } from '../e2e/support/collab.ts';
import { templatePGlite } from '../setup/database.ts';

/**
 * ADR 0047 and 0048: processes sharing a database tell each other, through the machine's Redis, which tables they
 * wrote, so that none keeps a page or a read past another's write. This process plays one of them; a plain Redis
 * client plays the other.
 */

const url = process.env.TEST_REDIS_URL!;
let database: OpenedDatabase;
let stop: () => Promise<void>;
let other: Redis;
let listener: Redis;
const heard: string[] = [];

beforeAll(async () => {
  database = await openDatabase({ pglite: await templatePGlite() });
  other = new Redis(url);
  listener = new Redis(url);
  listener.on('message', (_channel: string, message: string) => heard.push(message));
  await listener.subscribe('plenum:writes');
  stop = shareWrites(url);
  // Its subscription is under way once a message of its own came back.
  await database.prisma.loginFailure.create({ data: { scope: 'login', key: 'warm-up' } });
  await eventually(() => heard.length > 0, 10_000, 'the first message');
});
afterAll(async () => {
  await stop?.();
  await Promise.all([other?.quit(), listener?.quit()]);
  await database?.close();
});

describe('writes shared between processes through Redis', () => {
  it('tells the others which tables it wrote, once per moment', async () => {
    heard.length = 0;
    await database.prisma.member.create({
      data: { id: 'r1', email: 'r1@example.org', displayName: 'Un', passwordHash: 'x' },
    });
    await eventually(() => heard.length > 0, 10_000, 'a message');
    const { sender, tables } = readWritesMessage(heard[0]!);
    expect(sender).toMatch(/^[0-9a-f]{16}$/);
    expect(tables).toEqual(['Member']);
    // Two writes in the same turn go in one message.
    heard.length = 0;
    await Promise.all([
      database.prisma.loginFailure.create({ data: { scope: 'login', key: 'a' } }),
      database.prisma.member.update({ where: { id: 'r1' }, data: { displayName: 'Deux' } }),
    ]);
    await eventually(() => heard.length > 0, 10_000, 'a message');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = heard.flatMap((message) => readWritesMessage(message).tables ?? ['*']);
    expect(new Set(written)).toEqual(new Set(['LoginFailure', 'Member']));
  });

  it('moves its own counts for the tables another process wrote, and for all of them from an older process', async () => {
    const chapter = tablesStamp(['Chapter']);
    const member = tablesStamp(['Member']);
    await other.publish('plenum:writes', writesMessage('another', ['Chapter', 'Section']));
    await eventually(() => tablesStamp(['Chapter']) !== chapter, 10_000, 'the chapter count to move');
    expect(tablesStamp(['Member'])).toBe(member);
    // A process of an earlier version says only that it wrote: every table may have changed.
    await other.publish('plenum:writes', 'an-older-process');
    await eventually(() => tablesStamp(['Member']) !== member, 10_000, 'every count to move');
    expect(readWritesMessage('x *').tables).toBeNull();
  });
});
