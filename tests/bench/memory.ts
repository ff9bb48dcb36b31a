/**
 * bench:memory — the resident memory (VmRSS, from /proc/<pid>/status) of one idle Plenum process on each
 * engine, against a bare `node` process and a bare PGlite opened in Node (with the options PGlite offers to
 * shrink it), and how long a second start takes to answer /healthz (issue 19). Each figure is printed, with
 * ratios; the run ends with one line of JSON holding every figure.
 *
 * The server is the compiled one (`npm run build` first), started as `npm start` runs it; PostgreSQL is measured
 * when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server whose user may create databases. BENCH_TSX=1
 * also measures the server run from its sources through tsx, as before ADR 0031.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const MIB = 1024 * 1024;

/** VmRSS and VmHWM of a process, in MiB. */
async function rssOf(pid: number) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))![1]) / 1024;
  return { rssMiB: Math.round(kib('VmRSS')), peakMiB: Math.round(kib('VmHWM')) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawns `args` with node; resolves once `ready` (a regex) appears on its output. */
async function launch(args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${output}`)), 120_000);
    const check = () => {
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `args`, waits until ready and then idle, reads its memory, stops it. */
async function idleMemory(args: string[], env: Record<string, string>, ready: RegExp) {
  const { child } = await launch(args, env, ready);
  try {
    await sleep(IDLE_MS);
    return await rssOf(child.pid!);
  } finally {
    await stop(child);
  }
}

// A bare PGlite, opened in Node with the given options on a data folder, a few hundred rows written and read
// (what a server's start does, roughly), then left idle.
const BARE_PGLITE = `
import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create(process.env.DIR, JSON.parse(process.env.OPTIONS));
await db.exec('CREATE TABLE IF NOT EXISTS t (id serial primary key, body text)');
for (let i = 0; i < 500; i++) await db.query('INSERT INTO t (body) VALUES ($1)', ['x'.repeat(200)]);
await db.query('SELECT count(*) FROM t');
console.log('ready');
process.on('SIGTERM', async () => { await db.close(); process.exit(0); });
setInterval(() => {}, 1 << 30);
`;

const PGLITE_VARIANTS: Record<string, object> = {
  default: {},
  // Below PGlite's own 128 MiB the module refuses to start (its memory import is declared at 2048 pages).
  'initialMemory 64 MiB': { initialMemory: 64 * MIB },
  relaxedDurability: { relaxedDurability: true },
  'shared_buffers 16 MB': { startParams: [...defaultStartParams(), '-c', 'shared_buffers=16MB'] },
  'shared_buffers 8 MB, wal_buffers 256 kB, work_mem 1 MB': {
    startParams: [
      ...defaultStartParams(),
      ...['-c', 'shared_buffers=8MB', '-c', 'wal_buffers=256kB', '-c', 'work_mem=1MB'],
    ],
  },
};

/** PGlite 0.5's own start parameters (a `startParams` option replaces them all). */
function defaultStartParams() {
  return [
    '--single',
    '-F',
    '-O',
    '-j',
    '-c',
    'search_path=public',
    '-c',
    'exit_on_error=false',
    '-c',
    'log_checkpoints=false',
    '-c',
    'max_worker_processes=0',
    '-c',
    'max_parallel_workers=0',
    '-c',
    'max_parallel_workers_per_gather=0',
    '-c',
    'io_method=sync',
    '-c',
    'max_parallel_maintenance_workers=0',
  ];
}

// The server's memory, broken down by V8 (heap, external, array buffers), printed on SIGUSR2 without changing it.
const BREAKDOWN = `data:text/javascript,process.on('SIGUSR2',()=>console.log('MEMORY '+JSON.stringify(process.memoryUsage())))`;

/** The server as it ran before ADR 0031: its TypeScript through tsx. */
const TSX = ['--import', 'tsx', 'server/index.ts'];
const LISTENING = /"msg":"Plenum is listening"/;
const serverEnv = (dataDir: string, databaseUrl = '') => ({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'info',
});

/** One Plenum process, idle after a first page, its memory and V8's breakdown of it. */
async function serverMemory(entry: string[], env: Record<string, string>) {
  const { child, output } = await launch(['--import', BREAKDOWN, ...entry], env, LISTENING);
  try {
    const url = output().match(/"url":"http:\/\/localhost:(\d+)"/)![1]!;
    await fetch(`http://127.0.0.1:${url}/`);
    await sleep(IDLE_MS);
    const memory = await rssOf(child.pid!);
    const before = output().length;
    child.kill('SIGUSR2');
    while (!output().slice(before).includes('MEMORY ')) await sleep(20);
    const usage = JSON.parse(
      output()
        .slice(before)
        .match(/MEMORY (\{.*\})/)![1]!,
    ) as NodeJS.MemoryUsage;
    const mib = (n: number) => Math.round(n / MIB);
    return {
      ...memory,
      heapUsedMiB: mib(usage.heapUsed),
      heapTotalMiB: mib(usage.heapTotal),
      externalMiB: mib(usage.external),
      arrayBuffersMiB: mib(usage.arrayBuffers),
    };
  } finally {
    await stop(child);
  }
}

/** CPU time (user + system) a process used so far, in ms: /proc/<pid>/stat, in clock ticks of 10 ms. */
async function cpuMsOf(pid: number) {
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * From spawning the server to its first 200 on /healthz: the time on the clock, and the CPU time the process used
 * (on a shared, loaded machine the clock measures the others too; the CPU time is the start's own cost).
 */
async function timeToHealthz(entry: string[], env: Record<string, string>) {
  const started = performance.now();
  const { child, output } = await launch(entry, env, LISTENING);
  try {
    const port = output().match(/"url":"http:\/\/localhost:(\d+)"/)![1]!;
    while ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status !== 200) await sleep(10);
    return { ms: Math.round(performance.now() - started), cpuMs: await cpuMsOf(child.pid!) };
  } finally {
    await stop(child);
  }
}

/** Several second starts: each one's clock and CPU times, in ms. */
async function secondStarts(entry: string[], env: Record<string, string>) {
  const runs = [];
  for (let i = 0; i < STARTS; i++) runs.push(await timeToHealthz(entry, env));
  return { ms: runs.map((r) => r.ms), cpuMs: runs.map((r) => r.cpuMs) };
}

const figures: Record<string, unknown> = {};
const print = (label: string, value: unknown) => {
  figures[label] = value;
  console.log(`${label.padEnd(64)} ${JSON.stringify(value)}`);
};

try {
  await fs.access('build/server/index.js');
} catch {
  console.error('bench:memory needs the production build: run `npm run build` first.');
  process.exit(1);
}
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-memory-'));
try {
  const node = await idleMemory(['-e', 'console.log("ready"); setInterval(() => {}, 1 << 30)'], {}, /ready/);
  print('bare node: RSS MiB', node.rssMiB);

  const pgliteDir = path.join(work, 'bare-pglite');
  await idleMemory(['--input-type=module', '-e', BARE_PGLITE], { DIR: pgliteDir, OPTIONS: '{}' }, /ready/);
  const bare: Record<string, number> = {};
  for (const [name, options] of Object.entries(PGLITE_VARIANTS)) {
    const m = await idleMemory(
      ['--input-type=module', '-e', BARE_PGLITE],
      { DIR: pgliteDir, OPTIONS: JSON.stringify(options) },
      /ready/,
    ).catch((error: Error) => error.message.match(/\w*Error: .*/)?.[0] ?? error.message);
    if (typeof m === 'string') {
      print(`bare PGlite (${name}): refused`, m);
      continue;
    }
    bare[name] = m.rssMiB;
    print(`bare PGlite (${name}): RSS MiB, peak MiB`, [m.rssMiB, m.peakMiB]);
  }

  // Plenum on the embedded database: a first start creates and seeds it; the figures are of later starts.
  const dataDir = path.join(work, 'plenum');
  await timeToHealthz(['build/server/index.js'], serverEnv(dataDir));
  print(
    'PGlite: second start to /healthz 200 (each run)',
    await secondStarts(['build/server/index.js'], serverEnv(dataDir)),
  );
  const onPglite = await serverMemory(['build/server/index.js'], serverEnv(dataDir));
  print('PGlite: one idle process (MiB)', onPglite);
  print('PGlite: process / bare PGlite (default)', +(onPglite.rssMiB / bare.default!).toFixed(2));
  print('PGlite: process - bare PGlite (default), MiB', onPglite.rssMiB - bare.default!);
  if (process.env.BENCH_TSX === '1') {
    print('PGlite, from the sources through tsx (MiB)', await serverMemory(TSX, serverEnv(dataDir)));
    print('PGlite, through tsx: second start to /healthz 200', await secondStarts(TSX, serverEnv(dataDir)));
  }

  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `plenum_bench_memory_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const pgDir = path.join(work, 'plenum-pg');
      await timeToHealthz(['build/server/index.js'], serverEnv(pgDir, url.href));
      const starts = await secondStarts(['build/server/index.js'], serverEnv(pgDir, url.href));
      print('PostgreSQL: second start to /healthz 200 (each run)', starts);
      const onPostgres = await serverMemory(['build/server/index.js'], serverEnv(pgDir, url.href));
      print('PostgreSQL: one idle process (MiB)', onPostgres);
      print('PostgreSQL: process / bare node', +(onPostgres.rssMiB / node.rssMiB).toFixed(2));
      print('PostgreSQL: within 200 MiB', onPostgres.rssMiB <= 200);
      if (process.env.BENCH_TSX === '1') {
        print('PostgreSQL, from the sources through tsx (MiB)', await serverMemory(TSX, serverEnv(pgDir, url.href)));
        print('PostgreSQL, through tsx: second start', await secondStarts(TSX, serverEnv(pgDir, url.href)));
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log('PostgreSQL: not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  }
  console.log(JSON.stringify(figures));
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
