import { parseArgs } from 'node:util';
import { readEnv } from '~/utils/env.server.ts';
import { setLogLevel } from '~/utils/logger.server.ts';
import { BackupError } from './backup/backup-file.ts';
import { install, openAndMigrate } from './boot.ts';
import { InputError, UsageError, type Command } from './cli/command.ts';
import { backup } from './cli/commands/backup.ts';
import { checkReceipt } from './cli/commands/check-receipt.ts';
import { createAdmin } from './cli/commands/create-admin.ts';
import { importRegister } from './cli/commands/import-register.ts';
import { migrate } from './cli/commands/migrate.ts';
import { restore } from './cli/commands/restore.ts';
import { setPassword } from './cli/commands/set-password.ts';
import { verifyTally } from './cli/commands/verify-tally.ts';

const HELP = `Plenum's command line.

Usage: npm run plenum -- <command> [options]

Commands:
  migrate                      Apply pending database migrations, then exit.
  create-admin --email <addr>  Create an administrator (or make an existing member one).
      [--name <display name>]  Name shown to others (default: the part of the email before @).
      [--password <password>]  At least 10 characters; a random one is generated and printed if omitted.
  set-password --email <addr>  Give a member a new password (who lost it and gets no mail, say) and sign them out
                               everywhere.
      [--password <password>]  At least 10 characters; a random one is generated and printed if omitted.
  verify-tally <board.json>    Recount a round from its published ballot board and say whether it matches the
                               published results; needs no database. Prints the file's SHA-256.
      [--sha256 <hex>]         The SHA-256 the round's page (or the API's X-Board-SHA256) publishes: the file
                               must be exactly that board, byte for byte.
  check-receipt <round> <code> Tell whether a voter's receipt (its tracking code) is on the round's published
                               ballot board, and with which answers (the round: its id or its page's address).
                               Exit 0: on the board; 1: not on it; 2: cannot tell (no such round, not counted
                               yet, not a tracking code).
  import-register <file.csv>   Synchronise the membership register with a CSV file (issue 18): previews it (lines
                               read, refused lines by kind, what would change), then imports it in one
                               transaction: nothing is half-imported if the command is stopped. Then mails the
                               invitations of listed members without an account.
      [--dry-run]              Preview only: change nothing, mail nobody.
      [--no-invite]            Import without mailing the invitations (the page or a later run sends them).
      [--columns <field>=<column>,...]
                               Which column of the first line holds each field, by its name there, when the
                               header's names are not understood: email, name, membershipNumber, localGroup,
                               memberUntil (e.g. --columns "email=Courriel,name=Nom complet"). A field left out
                               keeps the column its name is understood for; <field>= says it is not in the file.
  backup <file>                Write a consistent copy of the embedded database (DATA_DIR) to a new file, also
                               while Plenum runs (the running server takes it). Says what it holds; the keys
                               folder (KEYS_DIR) is never in it: it warns when open rounds or two-factor need it.
  restore <file>               Restore a backup into an EMPTY data folder (DATA_DIR; created if missing), then
                               check it. Says which keys the restored database still needs in KEYS_DIR.
  help                         Show this help.

The database is the one the server would use: DATABASE_URL, or the embedded one in DATA_DIR (./data).
verify-tally opens none: it reads the board file alone. With PostgreSQL, back up with pg_dump -Fc and restore
with pg_restore (docs/deploy.md, "Backups").
`;

/** Every command, one line each; each file under server/cli/commands/ says what its command opens and does. */
const COMMANDS: Record<string, Command> = {
  migrate: migrate,
  'create-admin': createAdmin,
  'set-password': setPassword,
  'verify-tally': verifyTally,
  'check-receipt': checkReceipt,
  'import-register': importRegister,
  backup: backup,
  restore: restore,
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      sha256: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'no-invite': { type: 'boolean' },
      columns: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const name = positionals[0];
  if (!name || name === 'help' || values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  const args = positionals.slice(1);
  const file = args[0] ?? '';
  if (command.needsFile && !file) throw new UsageError(command.needsFile);
  // Before anything reads the environment or opens a database: anyone can recount a board.
  if (command.opens === 'nothing') return command.run({ file, args, values });
  // The files it may create (database, backup) are the server account's alone, as its data folder (ADR 0014).
  process.umask(0o077);
  setLogLevel('warn');
  if (command.opens === 'data-folder') return command.run({ file, args, values });
  const env = readEnv();
  const database = await openAndMigrate(env);
  try {
    install(env, database);
    return await command.run({ file, args, values, database });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n${error instanceof UsageError ? '\n' + HELP : ''}`);
    const refused = error instanceof UsageError || error instanceof InputError || error instanceof BackupError;
    process.exit(refused ? 2 : 1);
  },
);
