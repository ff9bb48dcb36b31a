import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { newId } from '../../../app/utils/ids.ts';
import { buildState } from '../../../scripts/build-stamp.mjs';
import { withDatabase } from '../../setup/global-setup.ts';
import { adminUrl, SEEDED_BASE_DIR, TEMPLATE_DB, TEMPLATE_DUMP, TMP_DIR } from '../../setup/paths.ts';

/** The compiled server and command line, as `npm start` and `npm run plenum` run them (ADR 0031). */
export const SERVER_ENTRY = 'build/server/index.js';
export const CLI_ENTRY = 'build/server/cli.js';
/**
 * Node's flags for the server and the command line under test: the embedded database's WebAssembly compiled by
 * V8's baseline compiler only. Optimising it as well cost each start about 0.8 s of CPU (2.0 s against 1.2 s),
 * more than a journey's queries win back; what the program does is the same.
 */
const NODE_FLAGS = ['--liftoff-only'];

/** The servers this file started and has not stopped: a failing journey prints what they logged (each-file.ts). */
export const runningServers = new Set<TestServer>();

let checkedBuild = false;
/**
 * Refuses to run a journey on a build that is missing or older than the sources: it would test other code than
 * the one in front of the reader. Checked once per test file (a hash of the sources, ~0.1 s).
 */
function requireBuild() {
  if (checkedBuild) return;
  const state = buildState();
  if (state !== 'fresh') {
    throw new Error(
      state === 'missing'
        ? `The production build is missing (${SERVER_ENTRY}): run \`npm run build\` first (npm test and npm run test:e2e do).`
        : 'The production build is older than the sources: run `npm run build` again (npm test and npm run test:e2e do).',
    );
  }
  checkedBuild = true;
}

/** How to start a test server. */
export interface StartOptions {
  engine?: 'pglite' | 'postgresql';
  env?: Record<string, string>;
  /** The data folder (and PostgreSQL database) of a server stopped with `keep`, to start it again. */
  reuse?: { dataDir: string; databaseUrl?: string };
  /** How long the server may take to listen (ms); 60 s unless told (the full demo's seed takes longer). */
  startTimeoutMs?: number;
  /**
   * On the embedded database, start on the migrated template and seed the base demo at this start, as a new
   * installation does; else (the base demo asked) on a copy of the run's once-seeded data folder.
   */
  seedAtStart?: boolean;
}

/** A running Plenum server, built for production, on its own database and data folder. */
export interface TestServer {
  url: string;
  dataDir: string;
  outboxDir: string;
  engine: 'pglite' | 'postgresql';
  /** The demo logins printed at the first start. */
  logins: Map<string, string>;
  /** The PostgreSQL database, when on that engine. */
  databaseUrl?: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** The process, for signals. */
  process: ChildProcess;
  /** Stops the server with SIGTERM; removes its data unless `keep`. Resolves to the exit code. */
  stop: (options?: { keep?: boolean }) => Promise<number | null>;
}

/**
 * Starts the compiled server as `npm start` does (the build must exist and be fresh; Node's flags: NODE_FLAGS),
 * on a free port, with the demo's drafting program and accounts seeded (PLENUM_DEMO=base; `env` may ask for the
 * full demo). On PostgreSQL the database is a fresh copy of the run's migrated template.
 */
export async function startServer(options: StartOptions = {}) {
  requireBuild();
  const engine = options.engine ?? (process.env.PLENUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite');
  const dataDir = options.reuse?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-e2e-')));
  let databaseUrl: string | undefined = options.reuse?.databaseUrl;
  if (engine === 'postgresql' && !databaseUrl) {
    const name = `plenum_e2e_${newId()}`;
    const admin = new pg.Client({ connectionString: adminUrl(process.env.TEST_DATABASE_URL!) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
    await admin.end();
    databaseUrl = withDatabase(process.env.TEST_DATABASE_URL!, name);
  }
  let seededLogins: Map<string, string> | undefined;
  if (engine === 'pglite' && !options.reuse) {
    // The base demo, seeded once per run by a server's first start (below), copied with the logins it printed:
    // seeding at each start cost every journey about a second.
    const seeded =
      !options.seedAtStart && (options.env?.PLENUM_DEMO ?? 'base') === 'base' ? await seededBase() : undefined;
    if (seeded) {
      seededLogins = seeded.logins;
      await promisify(execFile)('cp', ['-a', path.join(seeded.dir, 'pglite'), path.join(dataDir, 'pglite')]);
    } else {
      // The run's migrated template, unpacked where the server looks (0600/0700, as the server wants its
      // files): creating and migrating a new data folder took the server 10 s or more. Starting on an empty
      // folder is the life cycle journey's and the CLI's concern.
      await fs.mkdir(path.join(dataDir, 'pglite'), { mode: 0o700 });
      await promisify(execFile)('sh', [
        '-c',
        'umask 077 && tar xzf "$0" -C "$1" --no-same-permissions',
        TEMPLATE_DUMP,
        path.join(dataDir, 'pglite'),
      ]);
    }
  }
  const dropDatabase = async () => {
    if (!databaseUrl) return;
    const c = new pg.Client({ connectionString: adminUrl(databaseUrl) });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    await c.end();
  };
  const child: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, SERVER_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      // The demo's drafting program and accounts only: the full demo (tests/e2e/demo.test.ts) takes longer to seed.
      PLENUM_DEMO: 'base',
      LOG_LEVEL: 'info',
      // Sweeps and page refreshes every second or two, so that no journey waits for a production timer.
      ROUNDS_SWEEP_MS: '1000',
      AMENDMENTS_SWEEP_MS: '1000',
      PAGE_REFRESH_MS: '2000',
      // One process, no nginx in front: a stop need not wait for nginx to let go of its connections.
      SHUTDOWN_DRAIN_MS: '0',
      // Every read kept across requests is read again when used and compared (ADR 0048): a stale one fails the
      // journey with a 500 instead of showing old facts.
      PLENUM_VERIFY_KEPT_READS: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      options.startTimeoutMs ?? 60_000,
    );
    const check = () => {
      const match = output.match(/"msg":"Plenum is listening","url":"(http:\/\/localhost:\d+)"/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const logins = new Map<string, string>(seededLogins);
  for (const m of output.matchAll(/^\s+(?:ADMIN|MODERATOR|MEMBER)\s+(\S+@\S+)\s+(\S+)$/gm)) logins.set(m[1]!, m[2]!);

  const server: TestServer = {
    url,
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
    engine,
    logins,
    databaseUrl,
    output: () => output,
    process: child,
    stop: async ({ keep = false } = {}) => {
      runningServers.delete(server);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keep) {
        await dropDatabase();
        await fs.rm(dataDir, { recursive: true, force: true });
        await fs.rm(`${dataDir}-keys`, { recursive: true, force: true });
      }
      return child.exitCode;
    },
  };
  runningServers.add(server);
  return server;
}

/**
 * The embedded database's data folder as a server left it after its first start on the migrated template, the
 * base demo seeded, and the logins it printed (SEEDED_BASE_DIR). Made by the first journey of a run that needs
 * it (global setup removes the last run's); two projects making it at once both succeed, one copy is kept.
 */
async function seededBase(): Promise<{ dir: string; logins: Map<string, string> }> {
  const loginsFile = path.join(SEEDED_BASE_DIR, 'logins.json');
  const read = async () =>
    ({
      dir: SEEDED_BASE_DIR,
      logins: new Map(JSON.parse(await fs.readFile(loginsFile, 'utf8')) as [string, string][]),
    }) as const;
  try {
    return await read();
  } catch {
    // Not made yet in this run.
  }
  const first = await startServer({ seedAtStart: true });
  if (first.logins.size === 0) throw new Error(`the first start seeded no demo:\n${first.output()}`);
  await first.stop({ keep: true });
  const made = await fs.mkdtemp(path.join(TMP_DIR, 'seeding-'));
  await promisify(execFile)('cp', ['-a', path.join(first.dataDir, 'pglite'), path.join(made, 'pglite')]);
  await fs.writeFile(path.join(made, 'logins.json'), JSON.stringify([...first.logins]));
  await fs.rm(first.dataDir, { recursive: true, force: true });
  await fs.rm(`${first.dataDir}-keys`, { recursive: true, force: true });
  // Renaming onto a folder another process made first fails: that one is kept.
  await fs.rename(made, SEEDED_BASE_DIR).catch(() => fs.rm(made, { recursive: true, force: true }));
  return read();
}

/**
 * Runs a compiled command of the project (`[SERVER_ENTRY]` or `[CLI_ENTRY, ...arguments]`) to its end; resolves
 * to its exit code and output.
 */
export function runToExit(args: string[], env: Record<string, string>, timeoutMs = 60_000) {
  requireBuild();
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A new, empty PostgreSQL database (not migrated), and a way to drop it. */
export async function emptyPostgresDatabase() {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `plenum_empty_${newId()}`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(base, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl(base) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs SQL on the database a stopped server used (a PGlite folder is opened, then closed again). */
export async function sqlOn(target: { dataDir: string; databaseUrl?: string }, sql: string) {
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    try {
      const result = await c.query(sql);
      return ((Array.isArray(result) ? result.at(-1) : result)?.rows ?? []) as Record<string, unknown>[];
    } finally {
      await c.end();
    }
  }
  const db = await PGlite.create(path.join(target.dataDir, 'pglite'));
  try {
    return ((await db.exec(sql)).at(-1)?.rows ?? []) as Record<string, unknown>[];
  } finally {
    await db.close();
  }
}

/**
 * Runs `work` through the app's own modules on the database of a stopped test server (a scenario seeded the way
 * real use writes it, faster than through the pages), then closes that database.
 */
export async function onStoppedServer<T>(stopped: TestServer, work: () => Promise<T>): Promise<T> {
  // Loaded here: most journeys never open the database themselves.
  const [{ openDatabase }, { setDatabase }, { setAppConfig }] = await Promise.all([
    import('../../../server/database/open.ts'),
    import('../../../app/utils/db.server.ts'),
    import('../../../app/utils/config.server.ts'),
  ]);
  const database = await openDatabase(
    stopped.databaseUrl ? { url: stopped.databaseUrl } : { dataDir: stopped.dataDir },
  );
  setDatabase(database);
  setAppConfig({
    publicOrigin: stopped.url,
    outboxDir: stopped.outboxDir,
    keysDir: `${stopped.dataDir}-keys`,
    mailFrom: 'Plenum <no-reply@plenum.test>',
    secureCookies: false,
  });
  try {
    return await work();
  } finally {
    await database.close();
    setDatabase(undefined);
  }
}
