import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { setAppConfig } from '../../app/utils/config.server.ts';
import { setDatabase } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { openDatabase, PGLITE_OPTIONS, type OpenedDatabase } from '../../server/database/open.ts';
import { withDatabase } from './global-setup.ts';
import { adminUrl, TEMPLATE_DB, TEMPLATE_TAR } from './paths.ts';

/** The engine this test project runs on. */
export const ENGINE = process.env.PLENUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';

/** A fresh, migrated database of its own, cloned from the run's template in a second or less. */
export async function cloneTestDatabase(): Promise<{
  database: OpenedDatabase;
  url?: string;
  drop: () => Promise<void>;
}> {
  if (ENGINE === 'postgresql') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `plenum_test_${newId()}`;
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    await admin.end();
    const url = withDatabase(base, name);
    const database = await openDatabase({ url });
    return {
      database,
      url,
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl(base) });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  return { database: await openDatabase({ pglite: await templatePGlite() }), drop: async () => {} };
}

/** The run's template, read once per worker (a worker runs test files one after another: isolate is off). */
let template: Promise<Blob> | undefined;

/**
 * A new embedded database, migrated: the run's template loaded from its uncompressed dump, with the settings the
 * server starts it with (server/database/open.ts).
 */
export async function templatePGlite(): Promise<PGlite> {
  template ??= fs.readFile(TEMPLATE_TAR).then((tar) => new Blob([tar]));
  return PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: await template });
}

/**
 * Gives this test file its own migrated database and outbox, installed as the app's database, and closes
 * them afterwards. Returns its state: the outbox folder, the database, and on PostgreSQL its address (for a test that
 * needs a connection of its own).
 */
export function setupTestDatabase() {
  const state: { outboxDir: string; database?: OpenedDatabase; url?: string } = { outboxDir: '' };
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    setLogLevel('warn');
    state.outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-outbox-'));
    const clone = await cloneTestDatabase();
    state.database = clone.database;
    state.url = clone.url;
    drop = clone.drop;
    setDatabase(clone.database);
    setAppConfig({
      publicOrigin: 'http://plenum.test',
      outboxDir: state.outboxDir,
      keysDir: path.join(state.outboxDir, 'keys'),
      mailFrom: 'Plenum <no-reply@plenum.test>',
      secureCookies: false,
    });
  });
  afterAll(async () => {
    await state.database?.close();
    setDatabase(undefined);
    await drop();
    await fs.rm(state.outboxDir, { recursive: true, force: true });
  });
  return state;
}
