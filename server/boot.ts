import path from 'node:path';
import { publicOrigin, type Env } from '~/utils/env.server.ts';
import { setAppConfig } from '~/utils/config.server.ts';
import { setDatabase } from '~/utils/db.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { keysFolderOf, prepareDataFolders } from './data-folders.ts';
import { applyMigrations, readMigrations } from './database/migrate.ts';
import { openDatabase, type OpenedDatabase } from './database/open.ts';
import { isEmpty, seedDemo, type SeededDemo } from './database/seed.ts';

/**
 * Opens the configured database and brings its schema up to date; a failed migration closes it and throws. The
 * data and keys folders are made the server account's alone first (an older version left them readable).
 */
export async function openAndMigrate(env: Env): Promise<OpenedDatabase> {
  const tightened = await prepareDataFolders(env);
  if (tightened > 0)
    logger.warn('files of the data and keys folders were readable by others: now 0600/0700', { tightened });
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    countQueries: env.PLENUM_COUNT_QUERIES === '1',
  });
  try {
    const result = await applyMigrations(database.sql, await readMigrations());
    for (const name of result.applied) logger.info('migration applied', { migration: name });
    // The embedded database learns its array types when it opens: the arrays of a type a migration just made
    // (an enum's, `"AmendmentStatus"[]`) were sent as plain text until the next start ("malformed array
    // literal"), and the moderation queue answered 500 on a fresh installation.
    if (result.applied.length > 0) await database.pglite?.refreshArrayTypes();
    for (const name of result.changed) logger.warn('an applied migration has changed since', { migration: name });
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

/** Installs the database and the run-time settings that the app's modules read. */
export function install(env: Env, database: OpenedDatabase) {
  setDatabase(database);
  const origin = publicOrigin(env);
  setAppConfig({
    publicOrigin: origin,
    outboxDir: path.resolve(env.DATA_DIR, 'outbox'),
    // Beside the data folder, not in it: a copy of the data folder must not carry the keys (ADR 0014).
    keysDir: keysFolderOf(env),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    secureCookies: env.NODE_ENV === 'production' && origin.startsWith('https:'),
    pageRefreshMs: env.PAGE_REFRESH_MS,
  });
}

/**
 * Seeds the demo on a first start: the full demo (PLENUM_DEMO=1, the default), only the drafting program and
 * its accounts (PLENUM_DEMO=base, for tests and development), or nothing (0). Returns what to print, or null.
 */
export async function seedIfFirstStart(env: Env): Promise<SeededDemo | null> {
  if (env.PLENUM_DEMO === '0' || !(await isEmpty())) return null;
  const started = performance.now();
  const seeded = await seedDemo(env.PLENUM_DEMO === 'base' ? 'base' : 'full');
  if (seeded) logger.info('demo seeded', { demo: env.PLENUM_DEMO, ms: Math.round(performance.now() - started) });
  return seeded;
}

/** The demo logins (and the tracking codes they received in the demo's closed vote) as text for the terminal. */
export function formatLogins({ logins, receipts }: SeededDemo, origin: string): string {
  const width = Math.max(...logins.map((l) => l.email.length)) + 2;
  const lines = logins.map((l) => `  ${l.role.padEnd(10)} ${l.email.padEnd(width)} ${l.password}`);
  const codes = receipts.map((r) => `  ${r.email.padEnd(width)} round ${r.round}: ${r.code}`);
  return [
    '',
    `Plenum demo seeded. Open ${origin} and sign in with one of these accounts.`,
    'These passwords are shown only this once:',
    ...lines,
    ...(codes.length
      ? [
          'Tracking codes these accounts received when they voted (a voter keeps theirs; look one up on the',
          'round’s ballot board to see that ballot counted as cast):',
          ...codes,
        ]
      : []),
    '',
  ].join('\n');
}

/** The one-time setup link as a box of text for the terminal (ADR 0030). */
export function formatSetupLink(token: string, origin: string): string {
  return [
    '',
    'This installation has no member yet. Set it up (movement, languages, first admin) at:',
    `  ${origin}/setup?token=${token}`,
    'This link works until the setup is done; a restart prints a new one.',
    '',
  ].join('\n');
}
