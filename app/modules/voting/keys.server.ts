import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { appConfig } from '~/utils/config.server.ts';

/**
 * The key of an open voting round (docs/decisions/0014-secret-verifiable-ballots.md). It lives in a file of the
 * keys folder, never in the database: with the database alone nobody can tell whose ballot is whose, nor read a
 * ballot before the close. The close opens every ballot with it, then destroys it.
 */

// The Remix build bundles its own copy of this module while server/ (the sweeper that closes rounds) loads the
// source: one cache on globalThis, so that destroying a key at the close forgets it everywhere in the process.
const CACHE = Symbol.for('plenum.roundKeys');
const cache: Map<string, Buffer> = ((globalThis as { [CACHE]?: Map<string, Buffer> })[CACHE] ??= new Map());

function keyFile(roundId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(roundId)) throw new Error('invalid round id');
  return path.join(appConfig().keysDir, `round-${roundId}.key`);
}

/** Creates the round's key (at its opening). Refuses to overwrite one: ballots sealed with it would be lost. */
export async function createRoundKey(roundId: string): Promise<void> {
  const key = randomBytes(32);
  await fs.mkdir(appConfig().keysDir, { recursive: true, mode: 0o700 });
  const handle = await fs.open(keyFile(roundId), 'wx', 0o600);
  try {
    await handle.writeFile(key.toString('base64'));
    await handle.sync();
  } finally {
    await handle.close();
  }
  cache.set(roundId, key);
}

/** The round's key, or a RoundKeyMissing error naming where it was looked for. */
export async function roundKey(roundId: string): Promise<Buffer> {
  const cached = cache.get(roundId);
  if (cached) return cached;
  let text: string;
  try {
    text = await fs.readFile(keyFile(roundId), 'utf8');
  } catch {
    throw new RoundKeyMissing(roundId, keyFile(roundId));
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new RoundKeyMissing(roundId, keyFile(roundId));
  cache.set(roundId, key);
  return key;
}

/**
 * Destroys the round's key (after the close, or when an opening failed): the file's bytes are overwritten with
 * random ones and flushed to the disk before the file is removed, and the copy in memory is zeroed. What this does
 * and does not guarantee on journaling and copy-on-write filesystems, SSDs and backups: ADR 0014.
 */
export async function destroyRoundKey(roundId: string): Promise<void> {
  cache.get(roundId)?.fill(0);
  cache.delete(roundId);
  const file = keyFile(roundId);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rm(file, { force: true });
  // The removal itself reaches the disk too (the folder's entry), so that a crash does not bring the name back.
  const folder = await fs.open(path.dirname(file), 'r');
  await folder.sync().finally(() => folder.close());
}

/** Ids of the rounds whose key is still here: as a file, or in this process's memory. */
export async function keptRoundKeys(): Promise<string[]> {
  const names = await fs.readdir(appConfig().keysDir).catch(() => [] as string[]);
  const files = names.flatMap((n) => /^round-(.+)\.key$/.exec(n)?.slice(1) ?? []);
  return [...new Set([...files, ...cache.keys()])];
}

/** The voter's slot: a keyed hash that lets a new ballot replace their last one, meaningless without the key. */
export function slotOf(key: Buffer, memberId: string): string {
  return createHmac('sha256', key).update(`slot\n${memberId}`).digest('base64url');
}

function sealingKey(key: Buffer) {
  return createHmac('sha256', key).update('seal').digest();
}

/**
 * Seals a ballot's content (AES-256-GCM, random 96-bit IV), padded with spaces to `size` bytes: every sealed
 * ballot of a round has the same length, so its size says nothing of the answers.
 */
export function seal(key: Buffer, plaintext: string, size: number): Buffer {
  const length = Buffer.byteLength(plaintext, 'utf8');
  if (length > size) throw new Error(`a ballot of ${length} bytes exceeds the round's sealed size of ${size}`);
  plaintext += ' '.repeat(size - length);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed ballot; throws if it was altered. */
export function unseal(key: Buffer, sealed: Uint8Array): string {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
}

/** The key of a round cannot be found: its ballots cannot be opened until it is put back. */
// eslint-disable-next-line no-restricted-syntax -- no refusal: an operator's fault (a lost key file), a 500 and a log
export class RoundKeyMissing extends Error {
  constructor(
    public readonly roundId: string,
    where: string,
  ) {
    super(`The key of voting round ${roundId} is missing (looked for ${where}).`);
    this.name = 'RoundKeyMissing';
  }
}
