import { readEnv } from '~/utils/env.server.ts';
import { backupTo } from '../../backup/commands.ts';
import { describeContents, keyWarnings } from '../../backup/describe.ts';
import type { Command } from '../command.ts';

/** `backup <file>`: the copy, what it holds, and warnings about the keys it does not. */
export const backup: Command = {
  opens: 'data-folder',
  needsFile: 'backup needs the path of a backup file.',
  async run({ file }) {
    const { manifest, bytes } = await backupTo(file, readEnv());
    const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
    process.stdout.write(`Backup written to ${file} (${size}).\n`);
    process.stdout.write(describeContents(manifest).join('\n') + '\n');
    const warnings = keyWarnings(manifest);
    if (warnings.length) process.stderr.write(warnings.join('\n') + '\n');
    return 0;
  },
};
