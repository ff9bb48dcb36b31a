import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeEmail, revokePendingTokens } from '~/modules/members/accounts.server.ts';
import { SignUpSchema } from '~/modules/members/members.schema.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { recordAudit } from '~/modules/audit/audit.server.ts';
import { quorumNeeded, percentOf } from '~/modules/voting/thresholds.ts';
import { describeCensus, describeCounting, verifyBoard } from '~/modules/voting/verify-board.ts';
import type { RoundDefinition, RoundResults } from '~/modules/voting/types.ts';
import { t } from '~/i18n/index.ts';
import { inviteRegisterMembers } from '~/modules/register/invitations.server.ts';
import { readRegister } from '~/modules/register/register-file.ts';
import { previewOf, syncRegister } from '~/modules/register/register.server.ts';
import { checkReceipt } from '~/modules/voting/receipt-check.server.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { readEnv } from '~/utils/env.server.ts';
import { newId } from '~/utils/ids.ts';
import { setLogLevel } from '~/utils/logger.server.ts';
import { BackupError } from './backup/backup-file.ts';
import { backupTo, restoreFrom } from './backup/commands.ts';
import { describeContents, describeRestore, keyWarnings } from './backup/describe.ts';
import { install, openAndMigrate } from './boot.ts';

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

async function createAdmin(values: { email?: string; name?: string; password?: string }) {
  if (!values.email) throw new UsageError('create-admin needs --email <address>.');
  const generated = !values.password;
  const password = values.password ?? randomBytes(12).toString('base64url');
  const email = normalizeEmail(values.email);
  const displayName = values.name ?? email.split('@')[0] ?? email;
  const parsed = SignUpSchema.safeParse({ email, displayName, password });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replace('errors.', '')}`);
    throw new UsageError(`Invalid input: ${problems.join('; ')}`);
  }
  const passwordHash = await hashPassword(password);
  const existing = await db().member.findUnique({ where: { email } });
  await db().$transaction(async (tx) => {
    const id = existing?.id ?? newId();
    if (existing) {
      await tx.member.update({ where: { id }, data: { role: 'ADMIN', ...(values.password ? { passwordHash } : {}) } });
    } else {
      await tx.member.create({
        data: { id, email, displayName, passwordHash, role: 'ADMIN', emailVerifiedAt: new Date() },
      });
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'member.role_changed',
      targetType: 'Member',
      targetId: id,
      reason: 'create-admin (command line)',
      data: { from: existing?.role ?? null, to: 'ADMIN' },
    });
  });
  process.stdout.write(existing ? `${email} is now an administrator.\n` : `Administrator ${email} created.\n`);
  if (generated && !existing) process.stdout.write(`Password (shown only once): ${password}\n`);
}

/**
 * Gives an existing member a new password from the machine's shell: every session of theirs ends, every pending
 * link dies with the old password, and the audit trail records it (no actor: the command line).
 */
async function setPassword(values: { email?: string; password?: string }) {
  if (!values.email) throw new UsageError('set-password needs --email <address>.');
  const email = normalizeEmail(values.email);
  const password = values.password ?? randomBytes(12).toString('base64url');
  const parsed = SignUpSchema.pick({ password: true }).safeParse({ password });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replace('errors.', '')}`);
    throw new InputError(`Invalid input: ${problems.join('; ')}`);
  }
  const member = await db().member.findUnique({ where: { email } });
  if (!member || member.deletedAt) throw new InputError(`No member has the address ${email}.`);
  const passwordHash = await hashPassword(password);
  const ended = await db().$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { memberId: member.id } });
    await revokePendingTokens(tx, member.id);
    // Failed guesses by others no longer hold the account back: its owner now has a password that works.
    await tx.loginFailure.deleteMany({ where: { scope: 'account', key: member.email } });
    await recordAudit(tx, {
      actorId: null,
      action: 'member.password_reset',
      targetType: 'Member',
      targetId: member.id,
      reason: 'set-password (command line)',
    });
    return count;
  });
  process.stdout.write(`New password set for ${email}; ${ended} ${ended === 1 ? 'session' : 'sessions'} ended.\n`);
  if (!values.password) process.stdout.write(`Password (shown only once): ${password}\n`);
}

class UsageError extends Error {}

/** Exit code 2 without the help text: the command was right, its input was not. */
class InputError extends Error {}

/** A majority rule in words: what share of which votes it needs. */
function majorityWords(majority: RoundDefinition['questions'][number] & { kind: 'YES_NO' }): string {
  const m = majority.majority;
  return m.kind === 'SIMPLE'
    ? 'more yes than no'
    : `at least ${m.numerator}/${m.denominator} of the yes and no votes (and more yes than no)`;
}

function describeResults(round: RoundDefinition, results: RoundResults): string {
  const percent = (results.turnout * 100).toFixed(1);
  const needed = quorumNeeded(results.censusSize, results.quorumPercent);
  const lines = [
    `Round: ${typeof round.title === 'string' ? round.title : ''} (recounted from its ballot board)`,
    `Census ${results.censusSize}, ballots ${results.ballots}, turnout ${percent} %.`,
    results.quorumPercent > 0
      ? `Quorum of ${results.quorumPercent} % of the census, that is ${needed} ${needed === 1 ? 'ballot' : 'ballots'}: ${results.quorumMet ? 'met' : 'NOT met'}.`
      : 'No quorum required.',
    describeCounting(round.counting),
  ];
  for (const q of results.questions) {
    const question = round.questions.find((d) => d.id === q.id);
    const title = typeof question?.title === 'string' && question.title ? ` (${question.title})` : '';
    const name = `Question ${q.id}${title}`;
    if (q.kind === 'YES_NO') {
      const rule = question?.kind === 'YES_NO' ? `; the rule: ${majorityWords(question)}` : '';
      const share = `yes ${q.yes} of ${q.yes + q.no} yes and no votes = ${percentOf(q.yes, q.yes + q.no)} %`;
      lines.push(
        `${name}: yes ${q.yes}, no ${q.no}, abstain ${q.abstain} (${share}${rule}): ${q.adopted ? 'adopted' : 'rejected'}.`,
      );
    } else {
      lines.push(
        `${name}: ${q.method}, ${q.ranked} ranked; ranking ${q.ranking.join(' > ')}; winner ${q.winner ?? 'none'}.`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Recounts a published ballot board: 0 when it is a valid board whose results match it (and, when `expected` is
 * given, whose SHA-256 is the published one), 1 when not. Opens no database.
 */
async function verifyTally(file: string | undefined, expected: string | undefined): Promise<number> {
  if (!file) throw new UsageError('verify-tally needs the path of a board file.');
  if (expected !== undefined && !/^[0-9a-f]{64}$/i.test(expected)) {
    throw new UsageError('--sha256 takes the 64 hexadecimal characters of the SHA-256 the round publishes.');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new InputError(`Cannot read ${file}: ${reason}.`);
  }
  // The hash of the bytes as published: a board re-serialised, even identically counted, is not that board.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  process.stdout.write(`SHA-256 of the board: ${sha256}\n`);
  const hashMatches = expected === undefined || expected.toLowerCase() === sha256;
  if (expected === undefined) {
    process.stdout.write("Compare it with the SHA-256 the round's page shows, or pass that one with --sha256.\n");
  } else if (hashMatches) process.stdout.write('It matches the published SHA-256.\n');
  else {
    process.stdout.write(
      `It does NOT match the published SHA-256 ${expected.toLowerCase()}: this file is not the published board.\n`,
    );
  }
  let board: unknown;
  try {
    board = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { ok, problems, recomputed, roll } = verifyBoard(board);
  // A board is recounted only once its round is a valid definition.
  if (recomputed) process.stdout.write(describeResults((board as { round: RoundDefinition }).round, recomputed));
  if (roll === 'matches') process.stdout.write('The voter roll has as many members as the board has ballots.\n');
  if (roll === 'absent') {
    process.stdout.write(
      "This board does not state the voter roll's size (its round closed before boards did): whether every voter has exactly one ballot could not be checked.\n",
    );
  }
  if (recomputed) process.stdout.write(describeCensus((board as { round: unknown }).round));
  if (ok) {
    process.stdout.write('The published results match the board.\n');
    return hashMatches ? 0 : 1;
  }
  // A board whose round cannot be counted (impossible rules, broken shape) is not compared at all.
  process.stdout.write(
    recomputed ? 'The published results do NOT match the board:\n' : 'The board is NOT a valid ballot board:\n',
  );
  for (const problem of problems) process.stdout.write(`  - ${problem}\n`);
  return 1;
}

/** `check-receipt <round> <code>`: in words, 0 when the receipt is on the published board, 1 when not. */
async function checkReceiptCommand(round: string, receipt: string): Promise<number> {
  const check = await checkReceipt(round, receipt);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (check.outcome === 'unknown-round') throw new InputError(`No voting round "${check.round}" in this database.`);
  if (check.outcome === 'malformed') {
    throw new InputError(`"${check.code}" is not a tracking code: a receipt's code reads like 7K2P-9QXM-4TBD-1HZA.`);
  }
  if (check.outcome === 'not-counted') {
    throw new InputError(`The round "${check.title}" is not counted yet: its ballot board is published at its close.`);
  }
  const board = `the published ballot board of the round "${check.title}" (${check.ballots} ballots, SHA-256 ${check.sha256})`;
  if (check.outcome === 'on-board') {
    out(`The receipt ${check.code} IS on ${board}.`);
    out('The board records these answers for it; they must be those of the receipt:');
    for (const { question, answer } of check.answers) out(`  - ${question}: ${answer}`);
    return 0;
  }
  out(`The receipt ${check.code} is NOT on ${board}.`);
  out(
    'Check the code and the round. A ballot replaced by a later one of the same voter leaves the board: only the last receipt is on it. Any other receipt of this round should be there.',
  );
  return 1;
}

/** Previews a register file, then (unless a dry run) imports it and mails the invitations. */
async function importRegisterFile(file: string, options: { dryRun: boolean; invite: boolean }): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new InputError(`Cannot read ${file}: ${reason}.`);
  }
  let read: ReturnType<typeof readRegister>;
  let preview: Awaited<ReturnType<typeof previewOf>>;
  try {
    read = readRegister(bytes);
    preview = await previewOf(read);
  } catch (error) {
    // An unreadable header, or no valid line: said in words, exit 2, nothing changed.
    if (error instanceof DomainError) throw new InputError(`${file}: ${t('en', error.key)}`);
    throw error;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${file}: ${preview.encoding}, separator "${preview.separator === '\t' ? 'tab' : preview.separator}".`);
  out(`${preview.total} lines, ${preview.valid} valid, ${preview.total - preview.valid} refused.`);
  for (const [kind, n] of Object.entries(preview.errorCounts)) {
    if (n) out(`  ${t('en', `register.line.${kind as keyof typeof preview.errorCounts}`)}: ${n}`);
  }
  for (const e of read.errors.slice(0, 20)) {
    out(`  line ${e.line}: ${t('en', `register.line.${e.kind}`)} (${e.value})`);
  }
  if (read.errors.length > 20) out(`  ... and ${read.errors.length - 20} more.`);
  const c = preview.changes;
  const summary = `add ${c.added}, update ${c.updated}, list again ${c.relisted}, unchanged ${c.unchanged}, lapse ${c.lapsed}`;
  if (options.dryRun) {
    out(`Dry run: would ${summary}. Nothing was changed.`);
    return 0;
  }
  const done = await syncRegister(read, { actorId: null });
  out(
    `Imported: added ${done.added}, updated ${done.updated}, listed again ${done.relisted}, unchanged ${done.unchanged}, lapsed ${done.lapsed}, accounts tied ${done.linked}.`,
  );
  if (options.invite) out(`Invitations mailed: ${await inviteRegisterMembers()}.`);
  return 0;
}

/** `backup <file>`: the copy, what it holds, and warnings about the keys it does not. */
async function backup(file: string): Promise<number> {
  const { manifest, bytes } = await backupTo(file, readEnv());
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
  process.stdout.write(`Backup written to ${file} (${size}).\n`);
  process.stdout.write(describeContents(manifest).join('\n') + '\n');
  const warnings = keyWarnings(manifest);
  if (warnings.length) process.stderr.write(warnings.join('\n') + '\n');
  return 0;
}

/** `restore <file>`: into an empty data folder only. */
async function restore(file: string): Promise<number> {
  const env = readEnv();
  const restored = await restoreFrom(file, env);
  const lines = describeRestore(file, path.resolve(env.DATA_DIR), restored);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || command === 'help' || values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  // Before anything reads the environment or opens a database: anyone can recount a board.
  if (command === 'verify-tally') return verifyTally(positionals[1], values.sha256);
  if (command === 'backup' || command === 'restore') {
    if (!positionals[1]) throw new UsageError(`${command} needs the path of a backup file.`);
    // The backup file and a restored database are the server account's alone, as its data folder (ADR 0014).
    process.umask(0o077);
    setLogLevel('warn');
    return command === 'backup' ? backup(positionals[1]) : restore(positionals[1]);
  }
  if (!['migrate', 'create-admin', 'set-password', 'import-register', 'check-receipt'].includes(command)) {
    throw new UsageError(`Unknown command "${command}".`);
  }
  if (command === 'import-register' && !positionals[1]) throw new UsageError('import-register needs a CSV file.');
  if (command === 'check-receipt' && !positionals[2]) {
    throw new UsageError('check-receipt needs a round (its id or address) and a tracking code.');
  }
  // The database files it may create are its account's alone, as the server's (ADR 0014).
  process.umask(0o077);
  setLogLevel('warn');
  const env = readEnv();
  const database = await openAndMigrate(env);
  try {
    install(env, database);
    if (command === 'migrate') process.stdout.write(`Database (${database.engine}) is up to date.\n`);
    else if (command === 'set-password') await setPassword(values);
    else if (command === 'check-receipt') return await checkReceiptCommand(positionals[1]!, positionals[2]!);
    else if (command === 'import-register') {
      return await importRegisterFile(positionals[1]!, { dryRun: !!values['dry-run'], invite: !values['no-invite'] });
    } else await createAdmin(values);
  } finally {
    await database.close();
  }
  return 0;
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
