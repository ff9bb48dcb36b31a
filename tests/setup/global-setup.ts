import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { TestProject } from 'vitest/node';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase } from '../../server/database/open.ts';
import { adminUrl, SEEDED_BASE_DIR, TEMPLATE_DB, TEMPLATE_DUMP, TEMPLATE_TAR } from './paths.ts';

/**
 * Migrates once per run, then every test file clones the result: the embedded database from a dump of its
 * data folder, PostgreSQL from a template database. No test pays for migrations again.
 */
export default async function setup(project: TestProject) {
  // Vitest calls this for the root project and again for each project with files to run: once is enough (each
  // call migrated the engines again: 2.5 s of CPU for the embedded database alone).
  if (!project.isRootProject()) return;
  setLogLevel('warn');
  await fs.mkdir(path.dirname(TEMPLATE_DUMP), { recursive: true });
  // The last run's seeded copy came from the last run's template (tests/e2e/support/server.ts makes it again).
  await fs.rm(SEEDED_BASE_DIR, { recursive: true, force: true });
  const migrations = await readMigrations();

  const pglite = await openDatabase({ pglite: await (await import('@electric-sql/pglite')).PGlite.create() });
  await applyMigrations(pglite.sql, migrations);
  const dump = Buffer.from(await (await pglite.pglite!.dumpDataDir('none')).arrayBuffer());
  await fs.writeFile(TEMPLATE_TAR, dump);
  await fs.writeFile(TEMPLATE_DUMP, await promisify(zlib.gzip)(dump));
  await pglite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    await admin.end();
    const template = await openDatabase({ url: withDatabase(url, TEMPLATE_DB) });
    await applyMigrations(template.sql, migrations);
    await template.close();
  }

  return async () => {
    if (!url) return;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.end();
  };
}

/** The same server URL, pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
