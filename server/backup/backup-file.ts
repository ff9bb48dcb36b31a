import { createHash } from 'node:crypto';

/**
 * A Plenum backup file (ADR 0033): a first line naming the format, a second line of JSON saying what the file
 * holds (`BackupManifest`), then the embedded database's data folder as a gzipped tarball (PGlite's
 * `dumpDataDir`). `head -2 <file>` shows what a backup is without any tool; the payload's SHA-256 in the manifest
 * tells a truncated or altered file before anything is restored from it.
 */

export const BACKUP_MAGIC = 'PLENUM-BACKUP 1';
/** The manifest is small (a few rounds, counts): a second line longer than this is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** An open voting round at the time of the backup: its ballots are sealed with a key the backup does not hold. */
export interface OpenRoundFact {
  id: string;
  title: string;
  program: string;
  closesAt: string;
  ballots: number;
  /** The key's file name in the keys folder (`round-<id>.key`). */
  keyFile: string;
  /** Whether that file was in the keys folder when the backup was taken. */
  keyPresent: boolean;
}

/** What a backup holds and what it does not, written at its head. */
export interface BackupManifest {
  format: 'plenum-backup';
  version: 1;
  createdAt: string;
  /** Taken from the running server (its database stayed open) or from a stopped one's folder. */
  takenFrom: 'running-server' | 'data-folder';
  database: { engine: 'pglite'; postgres: string; migrations: number; lastMigration: string | null };
  contents: {
    members: number;
    programs: number;
    sections: number;
    amendments: number;
    rounds: { scheduled: number; open: number; closed: number };
    ballots: number;
    liveTextUpdates: number;
  };
  payload: { file: 'pglite-data.tar.gz'; bytes: number; sha256: string };
  /** The keys folder is never in a backup (ADR 0014): what it held that this database needs. */
  keys: {
    included: false;
    folder: string;
    openRounds: OpenRoundFact[];
    twoFactor: { members: number; keyFile: 'two-factor.key'; keyPresent: boolean };
  };
}

/** A backup or restore refused for a reason the operator can fix (a damaged file, a full folder): said in words. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The SHA-256 of bytes, in hexadecimal. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes of a backup file: its two lines of head, then the payload. */
export function encodeBackup(manifest: BackupManifest, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`, 'utf8'), payload]);
}

/** Reads a backup file's head and payload; throws `BackupError` if it is not one, or is damaged. */
export function decodeBackup(bytes: Buffer, name: string): { manifest: BackupManifest; payload: Buffer } {
  const firstEnd = bytes.indexOf(0x0a);
  if (firstEnd < 0 || bytes.subarray(0, firstEnd).toString('latin1') !== BACKUP_MAGIC) {
    throw new BackupError(`${name} is not a Plenum backup (it does not start with "${BACKUP_MAGIC}").`);
  }
  const secondEnd = bytes.indexOf(0x0a, firstEnd + 1);
  if (secondEnd < 0 || secondEnd - firstEnd > MAX_MANIFEST_BYTES) {
    throw new BackupError(`${name} is damaged: its description line is cut off.`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(bytes.subarray(firstEnd + 1, secondEnd).toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${name} is damaged: its description line is not valid JSON.`);
  }
  if (manifest?.format !== 'plenum-backup' || manifest.version !== 1 || !manifest.payload) {
    throw new BackupError(`${name} is a backup of a format this version of Plenum does not read.`);
  }
  const payload = bytes.subarray(secondEnd + 1);
  if (payload.length !== manifest.payload.bytes) {
    throw new BackupError(
      `${name} is damaged: it holds ${payload.length} bytes of data where ${manifest.payload.bytes} were written ` +
        '(a copy cut short?).',
    );
  }
  if (sha256Of(payload) !== manifest.payload.sha256) {
    throw new BackupError(`${name} is damaged: its data does not match the SHA-256 written in it.`);
  }
  return { manifest, payload };
}
