import fs from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '~/utils/env.server.ts';

/**
 * The data folder (DATA_DIR) and the keys folder (KEYS_DIR) hold what only the server's account may read: the
 * embedded database, mails with sign-in and reset links, the keys of open voting rounds (ADR 0014). Their folders
 * are 0700 and their files 0600, whatever an earlier version, a restored copy or PGlite itself (it writes its
 * files 0666, whatever the umask) left. Only what Plenum writes there is touched: a DATA_DIR pointed at a shared
 * folder by mistake does not get every file in it changed.
 */

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

/** What Plenum writes in the data folder: the embedded database, its lock, the outbox. */
const DATA_ENTRIES = ['pglite', 'pglite.lock', 'outbox'];
const KEY_FILE = /^(round-.+|two-factor)\.key$/;

/** The keys folder: KEYS_DIR, or `<DATA_DIR>-keys` beside the data folder (not in it: ADR 0014). */
export function keysFolderOf(env: Pick<Env, 'DATA_DIR' | 'KEYS_DIR'>): string {
  return path.resolve(env.KEYS_DIR ?? `${path.resolve(env.DATA_DIR)}-keys`);
}

/**
 * Sets every folder under `root` (itself included) to 0700 and every file to 0600, without following symbolic
 * links. A missing `root` is nothing to do. Returns how many modes it changed.
 */
export async function tightenTree(root: string): Promise<number> {
  let changed = 0;
  const visit = async (at: string) => {
    const stat = await fs.lstat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null; // gone meanwhile (PGlite removes temporary files)
      throw error;
    });
    if (!stat || stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_FOLDER : PRIVATE_FILE;
    if ((stat.mode & 0o777) !== wanted) {
      await fs.chmod(at, wanted);
      changed++;
    }
    if (stat.isDirectory()) for (const name of await fs.readdir(at)) await visit(path.join(at, name));
  };
  await visit(root);
  return changed;
}

/** Creates `dir` (and its parents) if missing, and makes it the owner's alone (0700). */
export async function privateFolder(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
  try {
    await fs.chmod(dir, PRIVATE_FOLDER);
  } catch (error) {
    // Said plainly at start: the folder belongs to another account, which the server cannot run as.
    throw new Error(
      `Cannot make ${dir} readable by this account only (0700): ${(error as Error).message}. ` +
        'It must belong to the account the server runs as.',
    );
  }
}

/**
 * At start, before the database opens: the data and keys folders exist, 0700, and what Plenum keeps in them is
 * tightened. Returns how many modes were changed (an older data folder), for the log.
 */
export async function prepareDataFolders(env: Pick<Env, 'DATA_DIR' | 'KEYS_DIR'>): Promise<number> {
  const dataDir = path.resolve(env.DATA_DIR);
  const keysDir = keysFolderOf(env);
  await privateFolder(dataDir);
  await privateFolder(keysDir);
  let changed = 0;
  for (const entry of DATA_ENTRIES) changed += await tightenTree(path.join(dataDir, entry));
  for (const name of await fs.readdir(keysDir)) {
    if (KEY_FILE.test(name)) changed += await tightenTree(path.join(keysDir, name));
  }
  return changed;
}
