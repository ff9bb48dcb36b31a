import path from 'node:path';
import { readEnv } from '~/utils/env.server.ts';
import { restoreFrom } from '../../backup/commands.ts';
import { describeRestore } from '../../backup/describe.ts';
import type { Command } from '../command.ts';

/** `restore <file>`: into an empty data folder only, then what the restored database still needs. */
export const restore: Command = {
  opens: 'data-folder',
  needsFile: 'restore needs the path of a backup file.',
  async run({ file }) {
    const env = readEnv();
    const restored = await restoreFrom(file, env);
    const lines = describeRestore(file, path.resolve(env.DATA_DIR), restored);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
