import path from 'node:path';

/** Scratch space of the test run (git-ignored). */
export const TMP_DIR = path.resolve('tests/.tmp');
/** The migrated embedded database, dumped once per run (gzipped: the journeys' servers unpack it with tar). */
export const TEMPLATE_DUMP = path.join(TMP_DIR, 'template.tar.gz');
/** The same dump uncompressed, which module tests load (PGlite's gunzip took a third of each file's clone). */
export const TEMPLATE_TAR = path.join(TMP_DIR, 'template.tar');
/** The embedded database's data folder after a first start seeded the base demo, and its logins (made once per run). */
export const SEEDED_BASE_DIR = path.join(TMP_DIR, 'seeded-base');
/**
 * The migrated PostgreSQL database every test database is copied from, named after TEST_DATABASE_URL's own
 * database so that two runs against two databases never share it.
 */
export const TEMPLATE_DB = `${process.env.TEST_DATABASE_URL ? new URL(process.env.TEST_DATABASE_URL).pathname.slice(1) || 'plenum' : 'plenum'}_template`;

/** The URL of the server's maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
