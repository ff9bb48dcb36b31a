import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { normalizeEmail } from '~/modules/members/accounts.server.ts';
import { SignUpSchema } from '~/modules/members/members.schema.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { recordAudit } from '~/modules/audit/audit.server.ts';
import { db } from '~/utils/db.server.ts';
import { readEnv } from '~/utils/env.server.ts';
import { newId } from '~/utils/ids.ts';
import { setLogLevel } from '~/utils/logger.server.ts';
import { install, openAndMigrate } from './boot.ts';

const HELP = `Plenum's command line.

Usage: npm run plenum -- <command> [options]

Commands:
  migrate                      Apply pending database migrations, then exit.
  create-admin --email <addr>  Create an administrator (or make an existing member one).
      [--name <display name>]  Name shown to others (default: the part of the email before @).
      [--password <password>]  At least 10 characters; a random one is generated and printed if omitted.
  help                         Show this help.

The database is the one the server would use: DATABASE_URL, or the embedded one in DATA_DIR (./data).
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

class UsageError extends Error {}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || command === 'help' || values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (command !== 'migrate' && command !== 'create-admin') throw new UsageError(`Unknown command "${command}".`);
  setLogLevel('warn');
  const env = readEnv();
  const database = await openAndMigrate(env);
  try {
    install(env, database);
    if (command === 'migrate') process.stdout.write(`Database (${database.engine}) is up to date.\n`);
    else await createAdmin(values);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n${error instanceof UsageError ? '\n' + HELP : ''}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
