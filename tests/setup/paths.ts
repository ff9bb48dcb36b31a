import path from 'node:path';

/** Scratch space of the test run (git-ignored). */
export const TMP_DIR = path.resolve('tests/.tmp');
/** The migrated embedded database, dumped once per run. */
export const TEMPLATE_DUMP = path.join(TMP_DIR, 'template.tar.gz');
/** The migrated PostgreSQL database every test database is copied from. */
export const TEMPLATE_DB = 'plenum_test_template';

/** The URL of the server's maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
