import type { BackupManifest } from './backup-file.ts';
import type { Restored } from './commands.ts';

/** What `plenum backup` and `plenum restore` print (ADR 0033): what a backup holds, and what it does not. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The backup's contents in a few lines. */
export function describeContents(manifest: BackupManifest): string[] {
  const c = manifest.contents;
  const d = manifest.database;
  return [
    `Taken ${manifest.createdAt} ${manifest.takenFrom === 'running-server' ? 'from the running server' : 'from the data folder (no server was running)'}.`,
    `Contains: the embedded database (PostgreSQL ${d.postgres} in PGlite, ${plural(d.migrations, 'migration')}, the last ${d.lastMigration ?? 'none'}):`,
    `  ${plural(c.members, 'member')}, ${plural(c.programs, 'program')}, ${plural(c.sections, 'section')}, ` +
      `${plural(c.amendments, 'amendment')}, ${plural(c.liveTextUpdates, 'stored live-text update')};`,
    `  voting rounds: ${c.rounds.scheduled} scheduled, ${c.rounds.open} open, ${c.rounds.closed} closed; ` +
      `${plural(c.ballots, 'ballot')}.`,
    `Not included: the keys folder (${manifest.keys.folder}), by design: a copy of the database must not carry ` +
      'the keys that open its ballots (ADR 0014); mails waiting as files in the outbox.',
  ];
}

/** Warnings about the keys the backed-up database needs and the backup does not hold. */
export function keyWarnings(manifest: BackupManifest): string[] {
  const lines: string[] = [];
  const open = manifest.keys.openRounds;
  if (open.length > 0) {
    lines.push(
      `WARNING: ${plural(open.length, 'voting round is', 'voting rounds are')} open. Their ballots are sealed ` +
        'with keys this backup does NOT include; restored without them, these rounds can never be counted:',
    );
    for (const r of open) {
      lines.push(
        `  - "${r.title}" (${r.program}, ${plural(r.ballots, 'ballot')}, closes ${r.closesAt}): ${manifest.keys.folder}/${r.keyFile}` +
          (r.keyPresent ? '' : ' (MISSING from the keys folder already)'),
      );
    }
    lines.push(
      '  Copy the keys folder apart from this backup (another disk or machine, never beside it), and delete that',
      '  copy once these rounds have closed: whoever holds both can open every ballot (docs/deploy.md, "Backups").',
    );
  }
  const tf = manifest.keys.twoFactor;
  if (tf.members > 0) {
    lines.push(
      `WARNING: ${plural(tf.members, 'member uses', 'members use')} two-factor sign-in: their app codes need ` +
        `${manifest.keys.folder}/${tf.keyFile}, which this backup does NOT include. Keep a copy of it apart; ` +
        'without it they sign in with a recovery code and set two-factor up again.',
    );
  }
  return lines;
}

/** What a restore prints: where, what, and the keys still to be put back. */
export function describeRestore(file: string, dataDir: string, restored: Restored): string[] {
  const lines = [`Restored ${file} into ${dataDir}.`, ...describeContents(restored.manifest)];
  if (restored.missingKeys.length === 0) {
    if (restored.manifest.keys.openRounds.length > 0 || restored.manifest.keys.twoFactor.members > 0) {
      lines.push(`The keys this database needs are in ${restored.keysDir}.`);
    }
  } else {
    lines.push(
      `WARNING: ${restored.keysDir} (KEYS_DIR) lacks keys this database needs: ${restored.missingKeys.join(', ')}.`,
      '  Put them back from the copy kept apart BEFORE starting Plenum: an open round without its key cannot be',
      '  counted (its close waits for the key), and a new two-factor key would be made in place of the lost one.',
    );
  }
  lines.push('Start Plenum on this folder: migrations newer than the backup are applied at start.');
  return lines;
}
