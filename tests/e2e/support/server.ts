import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { newId } from '../../../app/utils/ids.ts';
import { withDatabase } from '../../setup/global-setup.ts';
import { adminUrl, TEMPLATE_DB } from '../../setup/paths.ts';

/** A running Plenum server, built for production, on its own database and data folder. */
export interface TestServer {
  url: string;
  dataDir: string;
  outboxDir: string;
  engine: 'pglite' | 'postgresql';
  /** The demo logins printed at the first start. */
  logins: Map<string, string>;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `server/index.ts` exactly as `npm start` does (the build must exist), on a free port, with the demo
 * seeded. On PostgreSQL the database is a fresh copy of the run's migrated template.
 */
export async function startServer(options: { engine?: 'pglite' | 'postgresql'; env?: Record<string, string> } = {}) {
  const engine = options.engine ?? (process.env.PLENUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgresql') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `plenum_e2e_${newId()}`;
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    await admin.end();
    databaseUrl = withDatabase(base, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl(base) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PLENUM_DEMO: '1',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = output.match(/"msg":"Plenum is listening","url":"(http:\/\/localhost:\d+)"/);
      if (match && output.includes('shown only this once')) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const logins = new Map<string, string>();
  for (const m of output.matchAll(/^\s+(?:ADMIN|MODERATOR|MEMBER)\s+(\S+@\S+)\s+(\S+)$/gm)) logins.set(m[1]!, m[2]!);

  return {
    url,
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
    engine,
    logins,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await dropDatabase();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  } satisfies TestServer;
}
