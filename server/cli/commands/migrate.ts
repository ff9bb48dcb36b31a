import type { Command } from '../command.ts';

/** `migrate`: every database command migrates first; this one only says so. */
export const migrate: Command = {
  opens: 'database',
  async run({ database }) {
    process.stdout.write(`Database (${database.engine}) is up to date.\n`);
    return 0;
  },
};
