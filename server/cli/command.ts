import { readFile } from 'node:fs/promises';
import type { OpenedDatabase } from '../database/open.ts';

/** The options any command may read; `server/cli.ts` parses them once for all commands. */
export interface CliValues {
  email?: string;
  name?: string;
  password?: string;
  sha256?: string;
  'dry-run'?: boolean;
  'no-invite'?: boolean;
  columns?: string;
}

/** What every command is given: its file argument ('' when none was given), every argument, and the options. */
export interface CommandInput {
  file: string;
  /** The arguments after the command's name (`file` is the first). */
  args: string[];
  values: CliValues;
}

interface CommandBase {
  /** The usage error to show, before anything is opened, when the file argument is missing. */
  needsFile?: string;
}

/**
 * One command of `npm run plenum -- <command>`, by what `server/cli.ts` opens before running it: nothing (it
 * reads a file alone, before even the environment), the data folder (the command opens the database itself, or
 * refuses to), or the migrated database. It resolves to its exit code (2 by throwing `UsageError`/`InputError`).
 */
export type Command =
  | (CommandBase & { opens: 'nothing' | 'data-folder'; run(input: CommandInput): Promise<number> })
  | (CommandBase & { opens: 'database'; run(input: CommandInput & { database: OpenedDatabase }): Promise<number> });

/** Exit code 2 with the help text: the command line itself was wrong. */
export class UsageError extends Error {}

/** Exit code 2 without the help text: the command was right, its input was not. */
export class InputError extends Error {}

/** The bytes of a file the command was given, or an `InputError` saying why they cannot be read. */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new InputError(`Cannot read ${file}: ${reason}.`);
  }
}
