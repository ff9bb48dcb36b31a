/**
 * bench:movement — the whole system under what a movement does at once (issue 19, ADR 0042): PostgreSQL (its own
 * database `plenum_movement`, recreated), Redis, Plenum processes behind nginx configured by the very file of the
 * deploy guide (deploy/nginx/plenum.conf), all started and stopped here. Seeds members with sessions, a program
 * of 60 sections with 500 amendments and their comments, then for BENCH_SECONDS at once: the public reading a
 * published version, members browsing, live editors over 20 sections, supports and comments arriving, and the
 * last minutes of a round (its ballots compressed into the run), then the round's close and tally. The same run
 * is made with two processes, then (the reference) with one: the ratios say what the second process buys.
 *
 * Sizes are the issue's times BENCH_SCALE (default 0.02: a 2-core machine shared with others); the full size's
 * needs are printed from the measured rates. The request rates and the number of live editors are the issue's
 * times BENCH_PACE (default: BENCH_SCALE), so that the full data (BENCH_SCALE=1: 100,000 members, 50,000 ballots
 * a run) can be driven at a pace a small machine holds, over a longer BENCH_SECONDS. Ends with one line of JSON.
 *
 * As deployed: nginx speaks TLS (HTTP/2, a self-signed certificate made for the run, which the clients trust;
 * BENCH_TLS=0 for plain HTTP), and in the two-process run one process is restarted a third of the way in, as an
 * upgrade restarts them one after the other (BENCH_RESTART=0 to leave them be): its requests in flight finish, new
 * ones go to the other, its live editors connect again. `tests/e2e/movement-setup.test.ts` runs a tiny size of
 * this in CI, as a test of the setup, not of the speed (BENCH_AMENDMENTS, BENCH_DATABASE_NAME).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { setAppConfig } from '../../app/utils/config.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { mailBacklog } from '../../app/modules/mailing/queue.server.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase } from '../../server/database/open.ts';
import { withDatabase } from '../setup/global-setup.ts';
import { adminUrl } from '../setup/paths.ts';
import {
  addressOf,
  connectEditors,
  request,
  RequestClass,
  trustCertificate,
  type ClassFigures,
  type EditorFigures,
} from './movement-load.ts';
import { openRound, seedMovement, type Seeded } from './movement-seed.ts';
import { childrenOf, machineTicks, usage, watchRun, type WatchSample } from './movement-watch.ts';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const SCALE = num('BENCH_SCALE', 0.02);
const PACE = num('BENCH_PACE', SCALE);
const SECONDS = num('BENCH_SECONDS', 60);
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const DB_NAME = process.env.BENCH_DATABASE_NAME || 'plenum_movement';
const TLS = process.env.BENCH_TLS !== '0';
const RESTART = process.env.BENCH_RESTART !== '0';
/**
 * Before the measured window, members browse and editors type at the run's rates for BENCH_WARMUP seconds (a tenth
 * of the run, at most 60 s; 0 for none): a round's last minutes find processes that have served pages for hours,
 * not processes whose code was never run. Printed apart, errors counted; a restart in the window stays measured.
 */
const WARM_UP_SECONDS =
  process.env.BENCH_WARMUP !== undefined && process.env.BENCH_WARMUP !== ''
    ? Math.max(0, Number(process.env.BENCH_WARMUP) || 0)
    : Math.min(60, Math.round(SECONDS / 10));
/** How often the run's parts are sampled (movement-watch.ts), in seconds. */
const SAMPLE_SECONDS = num('BENCH_SAMPLE_SECONDS', 10);
const NGINX_CONF = path.resolve('deploy/nginx/plenum.conf');
/** Debian's nginx is in /usr/sbin, which an ordinary account's PATH may not hold. */
const NGINX = process.env.NGINX_PATH || (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const FULL = { members: 100_000, amendments: 500, comments: 20_000, ballots: 50_000, editors: 200, liveSections: 20 };
/** Requests per second of each kind at full size (a guess at a movement's busiest hour; scaled like the rest). */
const FULL_RATES = { public: 400, member: 200, support: 20, comment: 10 };
const GOAL_MEMBER_P99_MS = 250;
/**
 * The runs: two processes, then one (the reference). BENCH_ONE_RUN=1 makes only the first, and
 * BENCH_ONE_RUN=reference only the second, for the full size on a small machine, where both in one go would take an
 * hour and a half; the ratios are then not printed (compare two such runs' JSON lines).
 */
const ONE_RUN = process.env.BENCH_ONE_RUN;
const RUNS: readonly (1 | 2)[] = ONE_RUN === '1' ? [2] : ONE_RUN === 'reference' ? [1] : [2, 1];

const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));
const SIZES = {
  members: scaled(FULL.members, 200),
  amendments: num('BENCH_AMENDMENTS', FULL.amendments),
  comments: scaled(FULL.comments, 100),
  sections: 60,
  liveSections: FULL.liveSections,
};
const BALLOTS = Math.min(scaled(FULL.ballots, 50), Math.floor(SIZES.members / RUNS.length));
/** The live editors: the issue's 200 at the pace of the run (40 at least), or BENCH_EDITORS whatever the pace. */
const EDITORS = process.env.BENCH_EDITORS
  ? Math.max(1, Number(process.env.BENCH_EDITORS))
  : Math.max(2 * FULL.liveSections, Math.round(FULL.editors * PACE));
const RATES = Object.fromEntries(
  Object.entries(FULL_RATES).map(([k, v]) => [k, Math.max(1, v * PACE)]),
) as typeof FULL_RATES;

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const loadAverage = () => os.loadavg().map(r1);
const log = (line: string) => console.log(line);

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

interface Plenum {
  name: string;
  port: number;
  child: ChildProcess;
  exited: Promise<unknown>;
  output: () => string;
  clearOutput: () => void;
}

async function startPlenum(name: string, env: Record<string, string>, port?: number): Promise<Plenum> {
  port ??= await freePort();
  // BENCH_NODE_ARGS: Node's own options for the Plenum processes alone (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'build/server/index.js'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${name} did not answer /healthz:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name, port: port!, child, exited, output: () => output, clearOutput: () => (output = '') };
}

async function stop(child: ChildProcess, exited: Promise<unknown>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

/** A self-signed certificate for 127.0.0.1 (P-256, one day), made for the run; returns its PEM. */
async function makeCertificate(dir: string) {
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
  return fs.readFile(path.join(dir, 'cert.pem'), 'utf8');
}

/**
 * nginx on the deploy guide's file, changed only where its [bench] comments say: the upstreams' ports, the
 * listening address and, with TLS, the certificate's files (without TLS the ssl_ lines are dropped).
 */
async function startNginx(dir: string, base: URL, upstreams: number[]) {
  const port = Number(base.port);
  const tls = base.protocol === 'https:';
  const conf = (await fs.readFile(NGINX_CONF, 'utf8'))
    .replace(
      /(upstream plenum(?:_collab)? \{[\s\S]*?)((?:\s*server 127\.0\.0\.1:\d+[^\n]*\n)+)/g,
      (_, head: string) =>
        `${head}\n${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join('\n')}\n`,
    )
    .replace(/\n\s*listen \[::\]:443[^\n]*/, '')
    .replace(/\n# Plain HTTP:[\s\S]*$/, '\n');
  const site = tls
    ? conf
        .replace(/listen 443 ssl([^;]*);/, `listen 127.0.0.1:${port} ssl$1;`)
        .replace(/ssl_certificate\s[^;]*;/, `ssl_certificate     ${dir}/cert.pem;`)
        .replace(/ssl_certificate_key\s[^;]*;/, `ssl_certificate_key ${dir}/key.pem;`)
    : conf.replace(/listen 443 ssl[^;]*;/, `listen 127.0.0.1:${port};`).replace(/\n\s*ssl_[a-z_]+\s[^\n]*/g, '');
  await fs.writeFile(path.join(dir, 'plenum.conf'), site);
  await fs.chmod(dir, 0o755);
  await fs.writeFile(
    path.join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 8192; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/plenum.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const nginx = spawn(NGINX, ['-c', `${dir}/nginx.conf`, '-p', dir, '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((r) => nginx.once('exit', r));
  const deadline = Date.now() + 10_000;
  while ((await request(base, { path: '/healthz', from: '127.0.0.1', origin: base.origin })).status !== 200) {
    if (nginx.exitCode !== null || Date.now() > deadline) throw new Error('nginx did not start (see above)');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child: nginx, exited };
}

interface RunFigures {
  processes: number;
  seconds: number;
  classes: Record<string, ClassFigures>;
  editors: EditorFigures;
  ballots: {
    sent: number;
    accepted: number;
    stored: number;
    counted: number;
    closeSeconds: number;
    /** Accepted (a receipt came back) but not counted. */
    lost: number;
    /** Stored, but the answer came after the client gave up (30 s). */
    late: number;
  };
  perProcess: {
    name: string;
    cpuSeconds: number;
    cpuShare: number;
    rssMiBStart: number;
    rssMiBEnd: number;
    rssMiBMax: number;
    /** The longest event-loop lag its samples saw (ms), and the slowest read of its /metrics. */
    lagMaxMs: number | null;
    scrapeMaxMs: number | null;
    /** Member pages answered from a kept render (ADR 0047), of all the shared member pages it answered. */
    memberPagesKept: number;
    memberPagesShared: number;
    /** The most V8's heap held from the system, and the most its live objects used, over the samples (MiB). */
    heapTotalMaxMiB: number | null;
    heapUsedMaxMiB: number | null;
  }[];
  /** PostgreSQL's CPU, in % of a core: the mean and the highest of the samples. */
  postgres: { cpuMean: number; cpuMax: number; onALockMax: number };
  samples: number;
  nginx: { cpuSeconds: number; rssMiB: number };
  /** This process's CPU over the load (the load generator and its editors), in cores. */
  generatorCpuShare: number;
  machineBusy: number;
  memberP99Ms: number;
  loadAverageEnd: number[];
  /**
   * The rolling restart of the first process: when (s into the run), how long until it answered again, and of that
   * the old process's stop (its drain and its work in flight).
   */
  restart: { at: number; downSeconds: number; stopSeconds: number } | null;
  tls: boolean;
  /** The round's opening: calls to vote queued, and the seconds until all were sent (before the load). */
  callsToVote: { mails: number; seconds: number };
  /** The pages browsed before the measured window (WARM_UP_SECONDS), apart: their errors count all the same. */
  warmUp: { seconds: number; classes: Record<string, ClassFigures> } | null;
}

/** One run of the mix against nginx and `plenums`; a fresh round, voted by members [firstVoter, +BALLOTS). */
async function runMix(
  seeded: Seeded,
  base: URL,
  plenums: Plenum[],
  nginxPid: number,
  run: number,
  sql: { query<T>(text: string, params?: unknown[]): Promise<T[]> },
  restart?: () => Promise<{ downSeconds: number; stopSeconds: number }>,
): Promise<RunFigures> {
  const origin = base.origin;
  const roundId = await openRound(seeded, seeded.forRounds[run]!, `Round ${run + 1}`);
  const callsToVote = await roundOpened(roundId);
  const questions = await db().roundQuestion.findMany({ where: { roundId }, orderBy: { position: 'asc' } });
  const firstVoter = run * BALLOTS;
  const slug = seeded.program.slug;
  const ok2xx = (a: { status: number }) => a.status >= 200 && a.status < 300;
  const okRedirect = (a: { status: number }) => a.status === 302 || a.status === 303 || ok2xx(a);
  const classes = {
    public: new RequestClass(ok2xx),
    member: new RequestClass(ok2xx),
    support: new RequestClass(okRedirect),
    comment: new RequestClass(okRedirect),
    ballot: new RequestClass((a) => ok2xx(a) && a.body.includes('ballot')),
  };
  const member = (i: number) => seeded.members[i % seeded.members.length]!;
  const memberPages = [
    ...seeded.program.sections.map((id) => `/p/${slug}/sections/${id}`),
    `/p/${slug}`,
    ...seeded.supportable.slice(0, 20).map((id) => `/p/${slug}/amendments/${id}`),
  ];
  /** Which page a member's request is, for the member class's times per kind of page. */
  const memberPageKind = (page: string) =>
    page.includes('/sections/') ? 'section' : page.includes('/amendments/') ? 'amendment' : 'program';
  const publicPages = [
    `/p/${seeded.published.slug}/v/1`,
    ...seeded.published.sections.map((id) => `/p/${seeded.published.slug}/v/1/sections/${id}`),
  ];
  /** Members browse and the public reads, at the run's rates, before the measured window (WARM_UP_SECONDS). */
  const warmUpFor = async (seconds: number) => {
    log(`  warm-up: ${seconds} s of pages at the run's rates, editors typing, before the measured window`);
    const warm = { public: new RequestClass(ok2xx), member: new RequestClass(ok2xx) };
    const count = (rate: number) => Math.round(rate * seconds);
    await Promise.all([
      warm.public.drive(count(RATES.public), seconds, (i) =>
        request(base, { path: publicPages[i % publicPages.length]!, from: addressOf(55_000 + (i % 5000)), origin }),
      ),
      warm.member.drive(count(RATES.member), seconds, (i) => {
        const who = i * 7 + 3;
        return request(base, {
          path: memberPages[who % memberPages.length]!,
          from: addressOf(who),
          cookie: member(who).token,
          origin,
        });
      }),
    ]);
    return { seconds, classes: { public: warm.public.figures(), member: warm.member.figures() } };
  };
  // First (not measured): a few pages of each kind, twice per process, so that no run measures a cold start.
  const firstPages = [...memberPages.slice(0, 2), `/p/${slug}`, memberPages.at(-1)!, ...publicPages.slice(0, 2)];
  for (let k = 0; k < 2 * plenums.length; k++) {
    await Promise.all(
      firstPages.map((page) => request(base, { path: page, from: addressOf(k), cookie: member(k).token, origin })),
    );
  }
  // The live editors are at work before the round's last minutes begin (their connecting is timed apart).
  const editing = await connectEditors({
    base,
    documents: seeded.drafting.sections.map((id) => liveDocumentName.section(id)),
    count: EDITORS,
    origin,
    tokens: seeded.members.slice(0, EDITORS).map((m) => m.token),
    firstAddress: 60_000,
  });
  log(`  ${EDITORS} live editors connected at once in ${editing.connectSeconds} s`);
  // They type from now on, through the warm-up and the measured window.
  const typing = editing.type(WARM_UP_SECONDS + SECONDS);
  const warmUp = WARM_UP_SECONDS > 0 ? await warmUpFor(WARM_UP_SECONDS) : null;
  const before = await Promise.all(plenums.map((p) => usage(p.child.pid!)));
  // nginx's work is its workers' (the master only starts them); the generator is this process.
  const nginxWorkers = await childrenOf(nginxPid);
  const nginxCpu = async () =>
    (await Promise.all(nginxWorkers.map((w) => usage(w).catch(() => ({ cpuSeconds: 0, rssMiB: 0 }))))).reduce(
      (t, u) => t + u.cpuSeconds,
      0,
    );
  const nginxBefore = { cpuSeconds: await nginxCpu(), rssMiB: 0 };
  const generatorBefore = process.cpuUsage();
  const machineBefore = await machineTicks();
  const rssMax = before.map((u) => u.rssMiB);
  const sampler = setInterval(() => {
    plenums.forEach(
      (p, i) =>
        void usage(p.child.pid!).then(
          (u) => (rssMax[i] = Math.max(rssMax[i]!, u.rssMiB)),
          () => {},
        ),
    );
  }, 1000);
  const watch = watchRun({
    processes: () => plenums.map((p) => ({ name: p.name, port: p.port, pid: p.child.pid! })),
    sql,
    databaseName: DB_NAME,
    everySeconds: SAMPLE_SECONDS,
    log,
  });
  const started = performance.now();
  const n = (rate: number) => Math.round(rate * SECONDS);
  // The rolling restart, a third of the way in (its process's CPU is then that of the new process only).
  const restarted = restart
    ? new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3)).then(async () => {
        const at = r1((performance.now() - started) / 1000);
        return { at, ...(await restart()) };
      })
    : Promise.resolve(null);
  // Members beyond the voters browse, support and comment (distinct ones per run too).
  const others = SIZES.members - RUNS.length * BALLOTS;
  const other = (i: number) => (others > 0 ? RUNS.length * BALLOTS + ((i + run * 7) % others) : i);
  const [editors] = await Promise.all([
    typing,
    classes.public.drive(n(RATES.public), SECONDS, (i) =>
      request(base, { path: publicPages[i % publicPages.length]!, from: addressOf(50_000 + (i % 5000)), origin }),
    ),
    classes.member.drive(
      n(RATES.member),
      SECONDS,
      (i) =>
        request(base, {
          path: memberPages[i % memberPages.length]!,
          from: addressOf(i),
          cookie: member(i).token,
          origin,
        }),
      (i) => memberPageKind(memberPages[i % memberPages.length]!),
    ),
    classes.support.drive(n(RATES.support), SECONDS, (i) => {
      const who = other(i * 13);
      return request(base, {
        path: `/p/${slug}/amendments/${seeded.supportable[(i + run * 31) % seeded.supportable.length]}`,
        from: addressOf(who),
        cookie: member(who).token,
        origin,
        form: { intent: 'support' },
      });
    }),
    classes.comment.drive(n(RATES.comment), SECONDS, (i) => {
      const who = other(i * 17 + 5);
      return request(base, {
        path: `/p/${slug}/amendments/${seeded.debated[i % seeded.debated.length]}`,
        from: addressOf(who),
        cookie: member(who).token,
        origin,
        form: { intent: 'comment', stance: 'FOR', body: `A comment during the load, ${run}.${i}.` },
      });
    }),
    classes.ballot.drive(BALLOTS, SECONDS, (i) => {
      const who = firstVoter + i;
      return request(base, {
        path: `/p/${slug}/rounds/${roundId}/ballot`,
        from: addressOf(who),
        cookie: member(who).token,
        origin,
        form: Object.fromEntries(questions.map((q, k) => [`q.${q.id}`, ['Y', 'N', 'A'][(i + k) % 3]!])),
      });
    }),
  ]);
  const restartFigures = await restarted;
  const seconds = (performance.now() - started) / 1000;
  log(`  the load ended after ${r1(seconds)} s; the round closes`);
  clearInterval(sampler);
  const samples = await watch.stop();
  const after = await Promise.all(plenums.map((p) => usage(p.child.pid!)));
  // A restarted process started counting from zero.
  if (restartFigures) before[0] = { cpuSeconds: 0, rssMiB: before[0]!.rssMiB };
  const nginxAfter = { cpuSeconds: await nginxCpu(), rssMiB: (await usage(nginxPid)).rssMiB };
  const generatorUsage = process.cpuUsage(generatorBefore);
  const machineAfter = await machineTicks();

  // The close: its time comes now; a process's sweep closes it, counts and publishes the results.
  const closeStarted = performance.now();
  await db().votingRound.update({ where: { id: roundId }, data: { closesAt: new Date() } });
  let round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId } });
  while (round.status !== 'CLOSED' && performance.now() - closeStarted < 120_000) {
    await new Promise((r) => setTimeout(r, 100));
    round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId } });
  }
  const closeSeconds = r3((performance.now() - closeStarted) / 1000);
  const stored = await db().ballot.count({ where: { roundId } });
  const counted = countedBallots(round.results);
  const figures = Object.fromEntries(Object.entries(classes).map(([k, c]) => [k, c.figures()]));
  const accepted = figures.ballot!.requests - figures.ballot!.errors;
  return {
    processes: plenums.length,
    seconds: r1(seconds),
    classes: figures,
    editors,
    ballots: {
      sent: BALLOTS,
      accepted,
      stored,
      counted,
      closeSeconds,
      lost: Math.max(0, accepted - counted),
      late: Math.max(0, stored - accepted),
    },
    perProcess: plenums.map((p, i) => ({
      name: p.name,
      cpuSeconds: r1(after[i]!.cpuSeconds - before[i]!.cpuSeconds),
      cpuShare: r3((after[i]!.cpuSeconds - before[i]!.cpuSeconds) / seconds),
      rssMiBStart: before[i]!.rssMiB,
      rssMiBEnd: after[i]!.rssMiB,
      rssMiBMax: rssMax[i]!,
      ...peaks(samples, p.name),
    })),
    postgres: {
      cpuMean: samples.length ? Math.round(samples.reduce((t, x) => t + x.postgres.cpu, 0) / samples.length) : 0,
      cpuMax: Math.max(0, ...samples.map((x) => x.postgres.cpu)),
      onALockMax: Math.max(0, ...samples.map((x) => x.postgres.waitingOnLock)),
    },
    samples: samples.length,
    nginx: { cpuSeconds: r1(nginxAfter.cpuSeconds - nginxBefore.cpuSeconds), rssMiB: nginxAfter.rssMiB },
    generatorCpuShare: r3((generatorUsage.user + generatorUsage.system) / 1e6 / seconds),
    // The whole machine's CPU in use over the load, as a share of all its cores (1: none idle).
    machineBusy: r3(
      1 - (machineAfter.idle - machineBefore.idle) / Math.max(1, machineAfter.total - machineBefore.total),
    ),
    memberP99Ms: figures.member!.p99Ms,
    loadAverageEnd: loadAverage(),
    restart: restartFigures,
    tls: origin.startsWith('https:'),
    callsToVote,
    warmUp,
  };
}

/**
 * Waits for the round to open and for its calls to vote to be sent, before the load: the run is a round's last
 * minutes, when the calls went out days ago. How long the processes took to send them is a figure of its own.
 */
async function roundOpened(roundId: string) {
  const started = performance.now();
  let mails = 0;
  for (;;) {
    const round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId }, select: { status: true } });
    mails = await db().mailMessage.count({ where: { roundId } });
    const { pending } = await mailBacklog();
    if (round.status === 'OPEN' && mails > 0 && pending === 0) break;
    if (performance.now() - started > 15 * 60_000) {
      log(`  the calls to vote were not all sent after 15 minutes (${pending} left): the load starts anyway`);
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = r1((performance.now() - started) / 1000);
  log(`  the round opened and its ${mails} calls to vote were sent in ${seconds} s (${r1(mails / seconds)}/s)`);
  return { mails, seconds };
}

/**
 * A process's worst event-loop lag and slowest /metrics read over the samples (null: none answered), and its member
 * pages.
 */
function peaks(samples: WatchSample[], name: string) {
  const mine = samples.flatMap((x) => x.processes.filter((p) => p.name === name));
  const max = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? Math.max(...known) : null;
  };
  return {
    lagMaxMs: max(mine.map((p) => p.lagMaxMs)),
    scrapeMaxMs: max(mine.map((p) => p.scrapeMs)),
    heapTotalMaxMiB: max(mine.map((p) => p.heapTotalMiB)),
    heapUsedMaxMiB: max(mine.map((p) => p.heapUsedMiB)),
    memberPagesKept: mine.reduce((t, p) => t + (p.memberPages?.kept ?? 0), 0),
    memberPagesShared: mine.reduce((t, p) => t + (p.memberPages?.all ?? 0), 0),
  };
}

/** Ballots the published results count: the largest total of yes, no and abstain over the questions. */
function countedBallots(results: unknown): number {
  let best = 0;
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    if (typeof v.ballots === 'number') best = Math.max(best, v.ballots);
    if (typeof v.yes === 'number' && typeof v.no === 'number') {
      best = Math.max(best, v.yes + v.no + (typeof v.abstain === 'number' ? v.abstain : 0));
    }
    for (const child of Object.values(v)) visit(child);
  };
  visit(results);
  return best;
}

function printRun(f: RunFigures) {
  log(
    `\n${f.processes} process${f.processes > 1 ? 'es' : ''} behind nginx${f.tls ? ' (TLS)' : ''}, ${f.seconds} s` +
      (f.restart
        ? `, the first restarted ${f.restart.at} s in (answering again ${f.restart.downSeconds} s after its stop, which took ${f.restart.stopSeconds} s):`
        : ':'),
  );
  if (f.warmUp)
    for (const [name, c] of Object.entries(f.warmUp.classes))
      log(
        `  warm-up ${name}: ${c.requests} requests in ${f.warmUp.seconds} s before the window, p50 ${c.p50Ms} ms, ` +
          `p99 ${c.p99Ms} ms, max ${c.maxMs} ms, errors ${c.errors}${c.firstError ? ` first: ${c.firstError}` : ''}`,
      );
  for (const [name, c] of Object.entries(f.classes)) {
    log(
      `  ${name.padEnd(8)} ${String(c.requests).padStart(6)} requests, p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms, ` +
        `max ${c.maxMs} ms, errors ${c.errors} ${JSON.stringify(c.statuses)}${c.firstError ? ` first: ${c.firstError}` : ''}`,
    );
    log(`           slowest sent at ${c.slowest.map((x) => `${x.atS} s (${x.ms} ms)`).join(', ')}`);
    log(`           p99 by tenth of the run (ms): ${c.p99ByTenth.join(', ')}`);
    if (c.byKind)
      log(
        `           by page: ${Object.entries(c.byKind)
          .map(([kind, k]) => `${kind} ${k.requests} requests, p50 ${k.p50Ms} ms, p99 ${k.p99Ms} ms`)
          .join('; ')}`,
      );
  }
  const e = f.editors;
  log(
    `  editors  ${e.connected}/${e.editors} connected (all at once, before the load, in ${e.connectSeconds} s), ${e.edits} edits${f.warmUp ? " (the warm-up's included)" : ''}, ${e.arrivals}/${e.expectedArrivals} arrivals ` +
      `at peers, p50 ${e.p50Ms} ms, p99 ${e.p99Ms} ms, sockets dropped ${e.droppedSockets}, connected again ` +
      `${e.reconnects}`,
  );
  const b = f.ballots;
  log(
    `  ballots  sent ${b.sent}, accepted ${b.accepted}, stored ${b.stored}, counted ${b.counted} ` +
      `(accepted but not counted: ${b.lost}; stored after the client gave up: ${b.late}); close and tally ` +
      `${b.closeSeconds} s after the closing time`,
  );
  for (const p of f.perProcess)
    log(
      `  ${p.name}: CPU ${p.cpuSeconds} s (${Math.round(p.cpuShare * 100)}% of a core), RSS ${p.rssMiBStart} -> ` +
        `${p.rssMiBEnd} MiB (max ${p.rssMiBMax}; V8 heap at most ${p.heapTotalMaxMiB ?? '?'} MiB, ` +
        `${p.heapUsedMaxMiB ?? '?'} in use), event-loop lag at most ${p.lagMaxMs ?? '?'} ms, /metrics read ` +
        `in at most ${p.scrapeMaxMs ?? '?'} ms, ${p.memberPagesKept} of ${p.memberPagesShared} shared member ` +
        `pages served from a kept render`,
    );
  log(
    `  PostgreSQL: CPU ${f.postgres.cpuMean}% of a core on average (max ${f.postgres.cpuMax}%), at most ` +
      `${f.postgres.onALockMax} sessions waiting on a lock (${f.samples} samples)`,
  );
  log(
    `  nginx: CPU ${f.nginx.cpuSeconds} s (${Math.round((f.nginx.cpuSeconds / f.seconds) * 100)}% of a core), master RSS ${f.nginx.rssMiB} MiB; load average ${f.loadAverageEnd.join(' ')}`,
  );
  log(
    `  the load generator (this process, ${f.editors.editors} editors' documents and TLS included): ${Math.round(f.generatorCpuShare * 100)}% of a core; the machine: ${Math.round(f.machineBusy * 100)}% of its ${os.cpus().length} cores busy`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

setLogLevel('warn');
const loadStart = loadAverage();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-movement-'));
const keysDir = path.join(scratch, 'keys');
const nginxDir = path.join(scratch, 'nginx');
await fs.mkdir(nginxDir);
setAppConfig({
  publicOrigin: 'http://127.0.0.1',
  outboxDir: path.join(scratch, 'outbox'),
  keysDir,
  mailFrom: 'Plenum <no-reply@plenum.bench>',
  secureCookies: false,
});

const admin = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${DB_NAME}"`);
const pgVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
await admin.end();
const url = withDatabase(DATABASE_URL, DB_NAME);
const database = await openDatabase({ url });
await applyMigrations(database.sql, await readMigrations());
setDatabase(database);

const started: { plenums: Plenum[]; nginx?: { child: ChildProcess; exited: Promise<unknown> } } = { plenums: [] };
const runs: RunFigures[] = [];
// Stopped from outside (a test's time ran out): its processes and nginx go with it.
process.once('SIGTERM', () => {
  // nginx's master stops its workers on SIGTERM (killed, it would leave them behind); the processes go at once.
  started.nginx?.child.kill('SIGTERM');
  for (const p of started.plenums) p.child.kill('SIGKILL');
  console.error('bench:movement stopped by SIGTERM');
  process.exit(1);
});
try {
  log(
    `bench:movement — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${pgVersion}, load average ` +
      `${loadStart.join(' ')} at start`,
  );
  log(
    `scale ${SCALE} of the issue's movement: ${SIZES.members} members (full: ${FULL.members}), ${SIZES.amendments} ` +
      `amendments, ${SIZES.comments} comments (full: ${FULL.comments}), ${BALLOTS} ballots per run (full: ` +
      `${FULL.ballots}), ${EDITORS} live editors over ${SIZES.liveSections} sections (full: ${FULL.editors}); ` +
      `${SECONDS} s per run; pace ${PACE}, rates per second: ${JSON.stringify(RATES)}`,
  );
  const seedStarted = performance.now();
  const seeded = await seedMovement(SIZES, RUNS.length, log);
  // Fresh statistics, as a database in service has them: else the first run plans on empty tables.
  await database.sql.query('ANALYZE');
  const seedSeconds = r1((performance.now() - seedStarted) / 1000);

  const nginxPort = await freePort();
  const base = new URL(`${TLS ? 'https' : 'http'}://127.0.0.1:${nginxPort}`);
  if (TLS) trustCertificate(await makeCertificate(nginxDir));
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    REDIS_URL,
    KEYS_DIR: keysDir,
    DATA_DIR: path.join(scratch, 'data'),
    PUBLIC_URL: base.origin,
    TRUST_PROXY: '1',
    PLENUM_DEMO: '0',
    LOG_LEVEL: 'warn',
    ROUNDS_SWEEP_MS: '1000',
  };
  for (const name of ['plenum-1', 'plenum-2']) started.plenums.push(await startPlenum(name, env));
  const idle = await Promise.all(started.plenums.map((p) => usage(p.child.pid!)));
  log(`idle RSS on PostgreSQL: ${idle.map((u) => `${u.rssMiB} MiB`).join(', ')}`);

  for (const [run, processes] of RUNS.entries()) {
    if (started.nginx) await stop(started.nginx.child, started.nginx.exited);
    while (started.plenums.length > processes) {
      const p = started.plenums.pop()!;
      await stop(p.child, p.exited);
    }
    started.nginx = await startNginx(
      nginxDir,
      base,
      started.plenums.map((p) => p.port),
    );
    // An upgrade's rolling restart, in the run with two processes: the first stops (SIGTERM) and starts again on
    // its port while the load goes on.
    const restart =
      RESTART && processes > 1
        ? async () => {
            const old = started.plenums[0]!;
            const stopped = performance.now();
            await stop(old.child, old.exited);
            const stopSeconds = r1((performance.now() - stopped) / 1000);
            started.plenums[0] = await startPlenum(old.name, env, old.port);
            return { downSeconds: r1((performance.now() - stopped) / 1000), stopSeconds };
          }
        : undefined;
    log(`run ${run + 1}: ${processes} process(es) behind nginx, the load starts`);
    const figures = await runMix(seeded, base, started.plenums, started.nginx.child.pid!, run, database.sql, restart);
    printRun(figures);
    // What nginx saw go wrong towards the processes (a 502 or 504 says which), then a fresh log for the next run.
    const errorLog = path.join(nginxDir, 'error.log');
    const lines = (await fs.readFile(errorLog, 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => l.includes('upstream'));
    if (lines.length) {
      // By kind: what went wrong (nginx's words, without the connection's number) and for which request.
      const kinds = new Map<string, number>();
      for (const line of lines) {
        const what = /\] \d+#\d+: (?:\*\d+ )?(.*?), client: .*request: "(\S+) (\S+)/.exec(line);
        const path = what?.[3]!.replace(/\/[\w%-]*\d[\w%-]*/g, '/…');
        const kind = what ? `${what[1]!.replace(/ \(\d+: [^)]*\)/, '')}: ${what[2]} ${path}` : line.slice(0, 120);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      log(`  nginx: ${lines.length} upstream errors or warnings:`);
      for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8)) log(`    ${n} × ${kind}`);
    }
    await fs.rm(errorLog, { force: true });
    // And what the processes logged as errors during the run (a 500 has its reference there).
    for (const p of started.plenums) {
      const errors = p
        .output()
        .split('\n')
        .filter((l) => l.includes('"level":"error"'));
      if (errors.length) log(`  ${p.name}: ${errors.length} errors logged, first: ${errors[0]!.slice(0, 400)}`);
      p.clearOutput();
    }
    runs.push(figures);
  }

  // The run the goals are about (two processes, or the reference alone), and the reference when there is one.
  const two = runs[0]!;
  const one = runs.length > 1 ? runs[1] : undefined;
  const ratio = (a: number, b: number) => (b > 0 ? r3(a / b) : null);
  const ratiosTo = (reference: RunFigures) => {
    const byClass: Record<string, { p99: number | null; p50: number | null }> = Object.fromEntries(
      Object.keys(two.classes).map((k) => [
        k,
        {
          p99: ratio(two.classes[k]!.p99Ms, reference.classes[k]!.p99Ms),
          p50: ratio(two.classes[k]!.p50Ms, reference.classes[k]!.p50Ms),
        },
      ]),
    );
    byClass.editors = {
      p99: ratio(two.editors.p99Ms, reference.editors.p99Ms),
      p50: ratio(two.editors.p50Ms, reference.editors.p50Ms),
    };
    return byClass;
  };
  const ratios = one ? ratiosTo(one) : null;
  if (ratios) {
    log('\nratios, 2 processes / 1 process (below 1: the second process helps):');
    for (const [k, v] of Object.entries(ratios)) log(`  ${k.padEnd(8)} p50 ${v.p50}, p99 ${v.p99}`);
  } else log(`\none run only (BENCH_ONE_RUN=${ONE_RUN}): no ratio in this run`);
  const errorsOf = (classes: Record<string, ClassFigures>) => Object.values(classes).reduce((t, c) => t + c.errors, 0);
  const errors = runs.reduce((s, r) => s + errorsOf(r.classes) + (r.warmUp ? errorsOf(r.warmUp.classes) : 0), 0);
  const lost = runs.reduce((s, r) => s + r.ballots.lost + Math.abs(r.ballots.stored - r.ballots.counted), 0);
  const goals = {
    noError: errors === 0,
    noLostBallot: lost === 0,
    memberP99: two.memberP99Ms <= GOAL_MEMBER_P99_MS,
  };
  const ballotRate = two.ballots.accepted / two.seconds;
  log(
    `\ngoals (${two.processes} process${two.processes > 1 ? 'es' : ''}): no error ${goals.noError ? 'met' : 'NOT met'} (${errors} over ${runs.length > 1 ? 'both runs' : 'the run'}); no lost ballot ` +
      `${goals.noLostBallot ? 'met' : 'NOT met'}; signed-in pages p99 <= ${GOAL_MEMBER_P99_MS} ms ` +
      `${goals.memberP99 ? 'met' : 'NOT met'} (${two.memberP99Ms} ms)`,
  );
  log(
    `full size would need: ${FULL.members} members (seeding took ${seedSeconds} s here, ${SIZES.amendments} amendments of the ${FULL.amendments} at ` +
      `full size), ${FULL.ballots} ballots: ${r1(FULL.ballots / ballotRate)} s at the ${r1(ballotRate)} ` +
      `ballots/s answered in time here beside the rest of the mix, request rates ${JSON.stringify(FULL_RATES)} ` +
      `(${r1(1 / PACE)}x these), ${FULL.editors} editors`,
  );
  const loadEnd = loadAverage();
  log(`load average ${loadEnd.join(' ')} at the end`);
  console.log(
    JSON.stringify({
      bench: 'movement',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        postgresql: pgVersion,
        loadAvgStart: loadStart,
        loadAvgEnd: loadEnd,
      },
      scale: SCALE,
      pace: PACE,
      seconds: SECONDS,
      sizes: { ...SIZES, ballotsPerRun: BALLOTS, editors: EDITORS },
      rates: RATES,
      seedSeconds,
      idleRssMiB: idle.map((u) => u.rssMiB),
      byStatus: seeded.byStatus,
      runs,
      ratios,
      goals,
    }),
  );
} finally {
  if (started.nginx) await stop(started.nginx.child, started.nginx.exited);
  for (const p of started.plenums) await stop(p.child, p.exited);
  setDatabase(undefined);
  await database.close();
  const drop = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
  await drop.connect();
  await drop.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await drop.end();
  await fs.rm(scratch, { recursive: true, force: true });
}
