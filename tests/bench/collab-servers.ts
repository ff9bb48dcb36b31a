/**
 * The servers bench:collab compares, each started as a child process on a free port (and always killed):
 *
 * - plenum: the compiled server (`build/server/index.js`) exactly as `npm start` runs it (production build, embedded database, demo seed);
 * - reference: the stock `y-websocket-server` binary of @y/websocket-server 0.1.1 (in memory, no persistence);
 * - hocuspocus: @hocuspocus/server 4.7 with its default configuration (collab-server-hocuspocus.mjs);
 * - floor: a bare `ws` relay of document updates, no Yjs (collab-server-floor.mjs).
 *
 * Also what is read of a child from /proc: its CPU time (utime + stime) and its peak and current RSS.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** `plenum-nocheck`: Plenum with its schema check of incoming updates switched off (bench only, issue 15). */
export type ServerName = 'plenum' | 'plenum-nocheck' | 'reference' | 'hocuspocus' | 'floor';

export interface RunningServer {
  name: ServerName;
  pid: number;
  /** http://127.0.0.1:port */
  base: string;
  /** Plenum only: the document (section:<id>), and a member's session cookie (members may write). */
  documentName?: string;
  memberCookie?: string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
/** Kills every child still running (at exit, on error, on Ctrl-C). */
export function killAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** A free port between 4100 and 4999 (other benchmarks and tests may run on this machine at the same time). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 4100 + Math.floor(Math.random() * 900);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 4100-4999');
}

/** Has `child` killed with the others (the generator's counters' process). */
export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function launch(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return track(child);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no 200 from ${url}`);
}

/**
 * A fresh PostgreSQL database for Plenum when BENCH_DATABASE_URL names a server (any database on it, used only
 * to create and drop the bench's own): the embedded database runs on the server's thread, PostgreSQL does not.
 */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin) return null;
  const name = `plenum_bench_${Date.now()}_${process.pid}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The database Plenum runs on in this bench: "embedded" (PGlite) or "postgresql". */
export const plenumDatabase = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'embedded';

/** Plenum, fresh: its own data folder (or database), the demo seeded; logs in a member and finds a section. */
export async function startPlenum(options: { schemaCheck?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-collab-'));
  const postgres = await freshPostgres();
  const profile = process.env.BENCH_PLENUM_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PLENUM_CPU_PROFILE}`]
    : [];
  const child = launch([...profile, 'build/server/index.js'], {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: postgres?.url ?? '',
    PLENUM_DEMO: 'base',
    LOG_LEVEL: 'warn',
    // The switch exists for this benchmark only: it measures the check against no check in the same run.
    PLENUM_BENCH_SCHEMA_CHECK: options.schemaCheck === false ? 'off' : 'on',
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    await stopChild(child);
    await fs.rm(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };
  try {
    await waitForHttp(`${base}/p/programme-2027`, child);
    // The demo's program is a public draft: anyone may read its sections live, only members may write.
    const toc = await (await fetch(`${base}/p/programme-2027`)).text();
    const id = toc.match(/\/p\/programme-2027\/sections\/([a-z2-7]{16})"/)?.[1];
    const [, email, password] = output.match(/MEMBER\s+(\S+@\S+)\s+(\S+)/) ?? [];
    if (!id || !email || !password) throw new Error(`no section or no member login:\n${output}`);
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ email, password }).toString(),
    });
    const memberCookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 302 || !memberCookie) throw new Error(`login of ${email} failed: ${login.status}`);
    const name = options.schemaCheck === false ? 'plenum-nocheck' : 'plenum';
    return { name, pid: child.pid!, base, documentName: `section:${id}`, memberCookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The stock y-websocket-server binary (its own http server, in memory, default gc). */
export async function startReference(): Promise<RunningServer> {
  const port = await freePort();
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js');
  const child = launch([bin], { HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' });
  child.stdout!.resume();
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(base, child).catch(async (error) => {
    await stopChild(child);
    throw error;
  });
  return { name: 'reference', pid: child.pid!, base, stop: () => stopChild(child) };
}

/** Hocuspocus, or the floor: one of our small launchers. */
async function startLauncher(name: 'hocuspocus' | 'floor', file: string): Promise<RunningServer> {
  const port = await freePort();
  const child = launch([path.join('tests/bench', file)], {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
  });
  child.stdout!.resume();
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(base, child).catch(async (error) => {
    await stopChild(child);
    throw error;
  });
  return { name, pid: child.pid!, base, stop: () => stopChild(child) };
}

export const startHocuspocus = () => startLauncher('hocuspocus', 'collab-server-hocuspocus.mjs');
export const startFloor = () => startLauncher('floor', 'collab-server-floor.mjs');

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) of a process so far, in seconds, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
  return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime (14th), stime (15th)
}

/** A memory figure of /proc/<pid>/status (VmHWM: peak resident set; VmRSS: current), in MiB. */
export function memoryMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1]);
  return kb / 1024;
}

/** CPU time all processes of the machine spent working so far (all cores, in seconds), from /proc/stat. */
export function machineBusySeconds(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / clockTicks;
}
