import fs from 'node:fs/promises';
import os from 'node:os';

/**
 * What each part of bench:movement is doing while the load runs, sampled every few seconds: a Plenum process's
 * CPU, event-loop lag, database pool, ballots and member pages served from one render (its /metrics, read directly, not through nginx: how long the
 * read itself takes says how busy its event loop is), PostgreSQL's CPU and sessions (active, waiting for a lock),
 * the load generator's own lag, and the machine's load. A slow run says from these where it waits.
 */
export interface WatchSample {
  t: number;
  processes: {
    name: string;
    cpu: number;
    lagMaxMs: number | null;
    lagP99Ms: number | null;
    scrapeMs: number | null;
    /** Clients waiting for a database connection, per pool (prisma, sql, live); null when /metrics was not read. */
    poolWaiting: Record<string, number> | null;
    ballotsPerSecond: number | null;
    mailPending: number | null;
    /** V8's heap: what live objects use, and what it holds from the system (MiB); null when /metrics was not read. */
    heapUsedMiB: number | null;
    heapTotalMiB: number | null;
    /** Member pages answered from a kept render (ADR 0047) since the last sample, and all those answered. */
    memberPages: { kept: number; all: number } | null;
  }[];
  /** Sessions running a statement, waiting for a lock, and inside a transaction waiting for their process. */
  postgres: { cpu: number; active: number; waitingOnLock: number; inTransaction: number };
  generatorLagMaxMs: number;
  load: number;
}

interface Watched {
  name: string;
  port: number;
  pid: number;
}

const metric = (text: string, name: string, ...labels: string[]) => {
  const total = [...text.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? ([^\\s]+)`, 'gm'))]
    .filter((m) => labels.every((label) => (m[1] ?? '').includes(label)))
    .reduce((s, m) => s + Number(m[2]), 0);
  return Number.isFinite(total) ? total : null;
};

/** Clients waiting for a connection in each of the process's database pools. */
const poolsWaiting = (text: string) =>
  Object.fromEntries(
    [...text.matchAll(/^plenum_database_pool_connections\{pool="(\w+)",state="waiting"[^}]*\} (\S+)/gm)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );

/** A process's CPU time so far (user + system), in ticks of USER_HZ (100 a second on Linux), from /proc. */
async function cpuTicks(pid: number) {
  const stat = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return Number(stat[11]) + Number(stat[12]);
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
export async function usage(pid: number) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: (await cpuTicks(pid)) / 100, rssMiB: Math.round(rssKiB / 102.4) / 10 };
}

/** The machine's CPU time so far, in ticks: all of it, and the idle part (/proc/stat's first line). */
export async function machineTicks() {
  const fields = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the idle part.
  return { total: fields.slice(0, 8).reduce((s, x) => s + x, 0), idle: fields[3]! + fields[4]! };
}

/** The children of a process (nginx's workers, under its master). */
export async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((t) => fs.readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((l) => l.trim().split(/\s+/).filter(Boolean).map(Number));
}

/** The PostgreSQL server's processes (its backends come and go: each sample sums those alive at both ends). */
async function postgresTicks() {
  const ticks = new Map<number, number>();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await fs.readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() !== 'postgres') continue;
    const t = await cpuTicks(Number(entry)).catch(() => null);
    if (t !== null) ticks.set(Number(entry), t);
  }
  return ticks;
}

export function watchRun(options: {
  processes: () => Watched[];
  sql: { query<T>(text: string, params?: unknown[]): Promise<T[]> };
  databaseName: string;
  everySeconds: number;
  log: (line: string) => void;
}) {
  const samples: WatchSample[] = [];
  const started = performance.now();
  let lastAt = started;
  const lastTicks = new Map<number, number>();
  let lastPostgres = new Map<number, number>();
  const lastBallots = new Map<string, number>();
  const lastPages = new Map<string, { kept: number; all: number }>();
  /** A process's member pages so far (a restarted process counts from zero again: a fall reads as a new start). */
  const memberPages = (text: string) => ({
    kept: metric(text, 'plenum_page_cache_answers_total', 'cache="member"', 'state="hit"') ?? 0,
    all: metric(text, 'plenum_page_cache_answers_total', 'cache="member"') ?? 0,
  });
  // The generator's own event loop: a late timer here means the load itself was late, not the server.
  let generatorLagMax = 0;
  let expected = performance.now() + 100;
  const lagTimer = setInterval(() => {
    const now = performance.now();
    generatorLagMax = Math.max(generatorLagMax, now - expected);
    expected = now + 100;
  }, 100);
  let stopped = false;

  const sample = async () => {
    const now = performance.now();
    const seconds = (now - lastAt) / 1000;
    lastAt = now;
    const processes = await Promise.all(
      options.processes().map(async (p) => {
        const ticks = await cpuTicks(p.pid).catch(() => null);
        const before = lastTicks.get(p.pid);
        if (ticks !== null) lastTicks.set(p.pid, ticks);
        const scrapeStarted = performance.now();
        const text = await fetch(`http://127.0.0.1:${p.port}/metrics`, { signal: AbortSignal.timeout(5_000) })
          .then((r) => r.text())
          .catch(() => null);
        const scrapeMs = text === null ? null : Math.round(performance.now() - scrapeStarted);
        const ballots = text === null ? null : metric(text, 'plenum_ballots_cast_total');
        const lastBallot = lastBallots.get(p.name);
        if (ballots !== null) lastBallots.set(p.name, ballots);
        const pages = text === null ? null : memberPages(text);
        const lastPage = lastPages.get(p.name);
        if (pages) lastPages.set(p.name, pages);
        const ms = (v: number | null) => (v === null ? null : Math.round(v * 1000));
        const mib = (v: number | null) => (v === null ? null : Math.round(v / 1048576));
        return {
          name: p.name,
          cpu: ticks !== null && before !== undefined ? Math.round((ticks - before) / seconds) : 0,
          lagMaxMs: text === null ? null : ms(metric(text, 'nodejs_eventloop_lag_max_seconds')),
          lagP99Ms: text === null ? null : ms(metric(text, 'nodejs_eventloop_lag_p99_seconds')),
          scrapeMs,
          poolWaiting: text === null ? null : poolsWaiting(text),
          ballotsPerSecond:
            ballots !== null && lastBallot !== undefined && ballots >= lastBallot
              ? Math.round((ballots - lastBallot) / seconds)
              : null,
          mailPending: text === null ? null : metric(text, 'plenum_mail_queue_pending'),
          heapUsedMiB: text === null ? null : mib(metric(text, 'nodejs_heap_size_used_bytes')),
          heapTotalMiB: text === null ? null : mib(metric(text, 'nodejs_heap_size_total_bytes')),
          memberPages: !pages
            ? null
            : !lastPage || pages.all < lastPage.all
              ? pages
              : { kept: pages.kept - lastPage.kept, all: pages.all - lastPage.all },
        };
      }),
    );
    const postgresNow = await postgresTicks();
    let postgresCpu = 0;
    for (const [pid, t] of postgresNow) postgresCpu += t - (lastPostgres.get(pid) ?? t);
    lastPostgres = postgresNow;
    const sessions = await options.sql
      .query<{ active: number; waitingOnLock: number; inTransaction: number }>(
        `SELECT count(*) FILTER (WHERE state = 'active')::int AS active,
                count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS "waitingOnLock",
                count(*) FILTER (WHERE state = 'idle in transaction')::int AS "inTransaction"
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [options.databaseName],
      )
      .catch(() => null);
    const row = sessions?.[0] ?? { active: -1, waitingOnLock: -1, inTransaction: -1 };
    const s: WatchSample = {
      t: Math.round((now - started) / 1000),
      processes,
      postgres: { cpu: Math.round(postgresCpu / seconds), ...row },
      generatorLagMaxMs: Math.round(generatorLagMax),
      load: Math.round(os.loadavg()[0]! * 10) / 10,
    };
    generatorLagMax = 0;
    samples.push(s);
    options.log(
      `  [${String(s.t).padStart(4)} s] ` +
        s.processes
          .map(
            (p) =>
              `${p.name} cpu ${p.cpu}% lag max ${p.lagMaxMs ?? '?'} ms (p99 ${p.lagP99Ms ?? '?'}) metrics in ` +
              `${p.scrapeMs ?? 'timeout'} ms, pool waiting ${
                p.poolWaiting
                  ? Object.entries(p.poolWaiting)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(' ')
                  : '?'
              }, ballots ${p.ballotsPerSecond ?? '?'}/s` +
              `, mails pending ${p.mailPending ?? '?'}, heap ${p.heapUsedMiB ?? '?'}/${p.heapTotalMiB ?? '?'} MiB` +
              `, member pages kept ${p.memberPages?.kept ?? '?'}/` +
              `${p.memberPages?.all ?? '?'}`,
          )
          .join('; ') +
        `; postgres cpu ${s.postgres.cpu}%, active ${s.postgres.active}, on a lock ${s.postgres.waitingOnLock}, ` +
        `in a transaction waiting for its process ${s.postgres.inTransaction}; ` +
        `generator lag ${s.generatorLagMaxMs} ms; load ${s.load}`,
    );
  };

  // The first sample only sets the counters' starting points.
  const first = (async () => {
    for (const p of options.processes()) {
      lastTicks.set(p.pid, await cpuTicks(p.pid).catch(() => 0));
      const text = await fetch(`http://127.0.0.1:${p.port}/metrics`)
        .then((r) => r.text())
        .catch(() => null);
      const ballots = text === null ? null : metric(text, 'plenum_ballots_cast_total');
      if (ballots !== null) lastBallots.set(p.name, ballots);
      if (text !== null) lastPages.set(p.name, memberPages(text));
    }
    lastPostgres = await postgresTicks();
  })();
  let running = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(sample).catch((error: unknown) => options.log(`  [watch] ${String(error)}`));
  }, options.everySeconds * 1000);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(lagTimer);
      await first;
      await running;
      return samples;
    },
  };
}
