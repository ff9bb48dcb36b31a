import { describe, expect, it } from 'vitest';
import { BackupError, decodeBackup, encodeBackup, sha256Of, type BackupManifest } from './backup-file.ts';

const payload = Buffer.from('the data folder, gzipped');
const manifest: BackupManifest = {
  format: 'plenum-backup',
  version: 1,
  createdAt: '2026-12-06T02:00:00.000Z',
  takenFrom: 'running-server',
  database: { engine: 'pglite', postgres: '18.7', migrations: 24, lastMigration: '20261206120000_mail_queue' },
  contents: {
    members: 5,
    programs: 1,
    sections: 9,
    amendments: 1,
    rounds: { scheduled: 0, open: 1, closed: 0 },
    ballots: 3,
    liveTextUpdates: 40,
  },
  payload: { file: 'pglite-data.tar.gz', bytes: payload.length, sha256: sha256Of(payload) },
  keys: {
    included: false,
    folder: '/srv/plenum/data-keys',
    openRounds: [],
    twoFactor: { members: 0, keyFile: 'two-factor.key', keyPresent: false },
  },
};

describe('the backup file', () => {
  it('reads back what it wrote: the head as JSON, then the payload', () => {
    const file = encodeBackup(manifest, payload);
    expect(file.toString('utf8').split('\n')[0]).toBe('PLENUM-BACKUP 1');
    const decoded = decodeBackup(file, 'b');
    expect(decoded.manifest).toEqual(manifest);
    expect(decoded.payload.equals(payload)).toBe(true);
  });

  it('refuses a foreign, cut-short, altered or unknown file in words', () => {
    const file = encodeBackup(manifest, payload);
    const refusal = (bytes: Buffer) => {
      try {
        decodeBackup(bytes, 'b');
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal(Buffer.from('PGDMP custom dump'))).toBe(
      'b is not a Plenum backup (it does not start with "PLENUM-BACKUP 1").',
    );
    expect(refusal(Buffer.from('PLENUM-BACKUP 1\n{"format"'))).toBe('b is damaged: its description line is cut off.');
    expect(refusal(Buffer.from('PLENUM-BACKUP 1\n{not json}\n'))).toBe(
      'b is damaged: its description line is not valid JSON.',
    );
    expect(refusal(file.subarray(0, file.length - 3))).toMatch(
      /^b is damaged: it holds \d+ bytes of data where \d+ were written/,
    );
    const altered = Buffer.from(file);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    expect(refusal(altered)).toBe('b is damaged: its data does not match the SHA-256 written in it.');
    const later = encodeBackup({ ...manifest, version: 2 as 1 }, payload);
    expect(refusal(later)).toBe('b is a backup of a format this version of Plenum does not read.');
  });
});
