import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { appConfig } from '~/utils/config.server.ts';

/**
 * The server's key for two-factor secrets (ADR 0027): a file of the keys folder (KEYS_DIR, beside the voting
 * rounds' keys), created at first use, never in the database. A TOTP secret is stored encrypted with it
 * (AES-256-GCM), so a copy of the database alone cannot produce anyone's codes.
 */

// One cache on globalThis (the Remix build and server/ each load this module), by folder.
const CACHE = Symbol.for('plenum.twoFactorKey');
const cache: Map<string, Promise<Buffer>> = ((globalThis as { [CACHE]?: Map<string, Promise<Buffer>> })[CACHE] ??=
  new Map());

function keyFile() {
  return path.join(appConfig().keysDir, 'two-factor.key');
}

async function loadOrCreate(file: string): Promise<Buffer> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const handle = await fs.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(randomBytes(32).toString('base64'));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`The two-factor key in ${file} is not 32 bytes of base64.`);
  return key;
}

/** The key, read (or created) once per process and folder. */
function twoFactorKey(): Promise<Buffer> {
  const file = keyFile();
  const cached = cache.get(file);
  if (cached) return cached;
  const loading = loadOrCreate(file);
  cache.set(file, loading);
  loading.catch(() => cache.delete(file));
  return loading;
}

/** A secret as stored: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export async function encryptSecret(secret: Uint8Array): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await twoFactorKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret back; throws if it was not sealed with this server's key. */
export async function decryptSecret(stored: string): Promise<Uint8Array> {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || sealed === undefined) throw new Error('unknown two-factor secret format');
  const decipher = createDecipheriv('aes-256-gcm', await twoFactorKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]));
}
