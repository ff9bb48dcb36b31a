import fs from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '~/utils/env.server.ts';
import { keysFolderOf, privateFolder, tightenTree } from '../data-folders.ts';
import { embeddedDatabaseHolder, openDatabase } from '../database/open.ts';
import { BackupError, decodeBackup, type BackupManifest } from './backup-file.ts';
import { controlSocketOf, requestBackup } from './control-socket.ts';
import { snapshotDatabase } from './snapshot.ts';

/** `plenum backup` and `plenum restore` (ADR 0033): the embedded database only; PostgreSQL has its own tools. */

const POSTGRES_BACKUP =
  'DATABASE_URL is set: this Plenum keeps its data in PostgreSQL. Back it up with pg_dump -Fc and restore it ' +
  'with pg_restore (docs/deploy.md, "Backups"); plenum backup and restore are for the embedded database.';

/** Why a file could not be written or read, in words. */
function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Writes a backup of the embedded database to `file`: asked of the running server when one holds the database,
 * taken from the folder otherwise. The file appears whole or not at all (written aside, then renamed).
 */
export async function backupTo(file: string, env: Env): Promise<{ manifest: BackupManifest; bytes: number }> {
  if (env.DATABASE_URL) throw new BackupError(POSTGRES_BACKUP);
  const target = path.resolve(file);
  if (
    await fs.lstat(target).then(
      () => true,
      () => false,
    )
  ) {
    throw new BackupError(`${file} already exists: plenum backup does not overwrite a file. Choose another name.`);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  if (!(await fs.stat(path.join(dataDir, 'pglite', 'PG_VERSION')).catch(() => null))) {
    throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR) to back up.`);
  }
  // Where the file cannot be written is found out before the server is asked for anything.
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const handle = await fs.open(partial, 'wx', 0o600).catch((error: unknown) => {
    throw new BackupError(`Cannot write the backup to ${file}: ${fileProblem(error)}.`);
  });
  try {
    const bytes = await takeBackup(dataDir, keysFolderOf(env));
    // Checked as a restore will check it: a copy cut short on its way here is not written as a backup.
    const { manifest } = decodeBackup(bytes, 'The copy just taken');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      throw new BackupError(`Cannot write the backup to ${file}: ${fileProblem(error)}.`);
    }
    await handle.close();
    await fs.rename(partial, target);
    return { manifest, bytes: bytes.length };
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(partial, { force: true });
    throw error;
  }
}

async function takeBackup(dataDir: string, keysDir: string): Promise<Buffer> {
  const holder = await embeddedDatabaseHolder(dataDir);
  if (holder) {
    const socket = controlSocketOf(dataDir);
    return requestBackup(socket).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ECONNREFUSED') {
        throw new Error(
          `The embedded database is in use by process ${holder}, which takes no backup requests (${socket} does ` +
            'not answer): a command still running, or a Plenum older than this one. Try again when it has ended.',
        );
      }
      throw error;
    });
  }
  // No server: the folder is opened here (its lock taken, so that a server starting meanwhile waits for it).
  const database = await openDatabase({ dataDir });
  try {
    return (await snapshotDatabase(database.pglite!, { keysDir, takenFrom: 'data-folder' })).bytes;
  } finally {
    await database.close();
  }
}

/** What a restore did, and which keys the restored database needs that the keys folder lacks. */
export interface Restored {
  manifest: BackupManifest;
  keysDir: string;
  missingKeys: string[];
}

/**
 * Restores a backup into an empty data folder (DATA_DIR): the database is created from the backup's copy, opened
 * once (PostgreSQL replays its log) and checked against what the backup says it holds. Anything refused leaves
 * the folder as empty as it was.
 */
export async function restoreFrom(file: string, env: Env): Promise<Restored> {
  if (env.DATABASE_URL) throw new BackupError(POSTGRES_BACKUP);
  const bytes = await fs.readFile(file).catch((error: unknown) => {
    throw new BackupError(`Cannot read ${file}: ${fileProblem(error)}.`);
  });
  const { manifest, payload } = decodeBackup(bytes, file);
  const dataDir = path.resolve(env.DATA_DIR);
  const present = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new BackupError(`Cannot use ${dataDir} (DATA_DIR) as the data folder: ${fileProblem(error)}.`);
  });
  if (present.length > 0) {
    const shown = present.slice(0, 5).join(', ') + (present.length > 5 ? ', ...' : '');
    throw new BackupError(
      `${dataDir} (DATA_DIR) is not empty (it holds ${shown}): plenum restore only fills an empty data folder, ` +
        'so that no database is overwritten. Move that folder aside, or point DATA_DIR at a new one.',
    );
  }
  await privateFolder(dataDir);
  try {
    const database = await openDatabase({
      dataDir,
      loadDataDir: new Blob([new Uint8Array(payload)], { type: 'application/x-gzip' }),
    });
    try {
      const [row] = await database.sql.query<{ members: number; migrations: number }>(
        `SELECT (SELECT count(*)::int FROM "Member" WHERE "deletedAt" IS NULL) AS members,
                (SELECT count(*)::int FROM "_prisma_migrations"
                  WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL) AS migrations`,
      );
      if (row?.members !== manifest.contents.members || row?.migrations !== manifest.database.migrations) {
        throw new BackupError(`${file} was restored, but does not hold what its description says.`);
      }
    } finally {
      await database.close();
    }
    await tightenTree(dataDir);
  } catch (error) {
    // Back to the empty folder it was: a failed restore leaves nothing to be mistaken for a database.
    for (const entry of await fs.readdir(dataDir).catch(() => [])) {
      await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
    }
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${file} could not be restored: ${error instanceof Error ? error.message : String(error)}. ` +
        `It was written by PostgreSQL ${manifest.database.postgres}; nothing was left in ${dataDir}.`,
    );
  }
  const keysDir = keysFolderOf(env);
  const needed = manifest.keys.openRounds.map((r) => r.keyFile);
  if (manifest.keys.twoFactor.members > 0) needed.push(manifest.keys.twoFactor.keyFile);
  const missingKeys: string[] = [];
  for (const name of needed) {
    if (!(await fs.stat(path.join(keysDir, name)).catch(() => null))) missingKeys.push(name);
  }
  return { manifest, keysDir, missingKeys };
}
