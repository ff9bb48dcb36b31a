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
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { withDatabase } from './global-setup.ts';
import { adminUrl, TEMPLATE_DB, TEMPLATE_DUMP } from './paths.ts';

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
  const dump = await fs.readFile(TEMPLATE_DUMP);
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return { database: await openDatabase({ pglite }), drop: async () => {} };
}

/**
 * Gives this test file its own migrated database and outbox, installed as the app's database, and closes
 * them afterwards. Returns a getter for the outbox folder.
 */
export function setupTestDatabase() {
  const state: { outboxDir: string; database?: OpenedDatabase } = { outboxDir: '' };
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    setLogLevel('warn');
    state.outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-outbox-'));
    const clone = await cloneTestDatabase();
    state.database = clone.database;
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
