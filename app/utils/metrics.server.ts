import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from './db.server.ts';
import { logger } from './logger.server.ts';

/**
 * The process's metrics, in the Prometheus text format at /metrics (server/http/metrics.ts decides who may read
 * them). One registry per process, held on globalThis like the database (the Remix build and the server share this
 * module as two copies otherwise). What each metric means, and the alerts worth setting, is in docs/deploy.md.
 *
 * Labels are bounded: a route is the path with ids, slugs and numbers replaced (`routeLabel`), never a raw path.
 */
function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'plenum' });
  // Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'plenum_http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status class, and how long they took',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    updatesStored: new Counter({
      name: 'plenum_live_updates_stored_total',
      help: 'Live-text updates written to the database (each batch counts its updates)',
      registers: [registry],
    }),
    storeLatency: new Histogram({
      name: 'plenum_live_store_duration_seconds',
      help: 'Time to store one batch of live-text updates (an update is relayed only once stored)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    ballotsCast: new Counter({
      name: 'plenum_ballots_cast_total',
      help: 'Ballots cast or replaced (secret: no round, no member; the board counts each round)',
      registers: [registry],
    }),
    pageCache: new Counter({
      name: 'plenum_page_cache_answers_total',
      help:
        'Pages answered from what was kept (hit) or rendered (miss): the public cache, and the member pages ' +
        'rendered once for the members who see them alike (ADR 0047)',
      labelNames: ['cache', 'state'] as const,
      registers: [registry],
    }),
    liveDocuments: new Gauge({
      name: 'plenum_live_documents',
      help: 'Live documents loaded in this process',
      registers: [registry],
      collect() {
        this.set(sources.collaboration?.().documents ?? 0);
      },
    }),
    liveConnections: new Gauge({
      name: 'plenum_live_connections',
      help: 'WebSocket connections to live documents in this process',
      registers: [registry],
      collect() {
        this.set(sources.collaboration?.().connections ?? 0);
      },
    }),
    databasePool: new Gauge({
      name: 'plenum_database_pool_connections',
      help: 'PostgreSQL connections per pool (prisma, sql, live) by state: total, idle, and clients waiting for one',
      labelNames: ['pool', 'state'] as const,
      registers: [registry],
      collect() {
        for (const { pool, total, idle, waiting } of sources.pools?.() ?? []) {
          this.set({ pool, state: 'total' }, total);
          this.set({ pool, state: 'idle' }, idle);
          this.set({ pool, state: 'waiting' }, waiting);
        }
      },
    }),
    mailPending: new Gauge({
      name: 'plenum_mail_queue_pending',
      help: 'Mails in the queue still to send, queued or being sent (the whole queue: every process reports it)',
      registers: [registry],
      async collect() {
        this.set((await mailBacklogOnce()).pending);
      },
    }),
    mailOldest: new Gauge({
      name: 'plenum_mail_queue_oldest_pending_seconds',
      help: 'How long the oldest mail still to send has waited since it was queued (0 when none)',
      registers: [registry],
      async collect() {
        this.set((await mailBacklogOnce()).oldestSeconds);
      },
    }),
  };
}

/** The queue's backlog, read once for both gauges of a scrape (they collect together); NaN if the database fails. */
let backlogInFlight: Promise<MailBacklog> | null = null;
function mailBacklogOnce(): Promise<MailBacklog> {
  const read = sources.mailQueue;
  if (!read) return Promise.resolve({ pending: 0, oldestSeconds: 0 });
  backlogInFlight ??= read()
    .catch((error: unknown) => {
      logger.warn('the mail queue could not be measured', { error });
      return { pending: Number.NaN, oldestSeconds: Number.NaN };
    })
    .finally(() => {
      backlogInFlight = null;
    });
  return backlogInFlight;
}

/** The mail queue's backlog (app/modules/mailing/queue.server.ts, `mailBacklog`). */
interface MailBacklog {
  pending: number;
  oldestSeconds: number;
}

interface Sources {
  collaboration?: () => { documents: number; connections: number };
  pools?: () => PoolStats[];
  mailQueue?: () => Promise<MailBacklog>;
}

const held = globalThis as typeof globalThis & {
  __plenumMetrics?: ReturnType<typeof createMetrics>;
  __plenumMetricSources?: Sources;
};
/** What the metrics read from the running process, set once it runs (the collaboration server, the pool). */
const sources: Sources = (held.__plenumMetricSources ??= {});

/** The process's metrics (created at the first call). */
export function metrics() {
  held.__plenumMetrics ??= createMetrics();
  return held.__plenumMetrics;
}

/** Tells the metrics where to read live figures from (server/index.ts, once the parts run). */
export function setMetricSources(next: Sources) {
  Object.assign(sources, next);
}

const ID = /^[a-z2-7]{16}$/;

/**
 * A request path as a bounded label: /p/<slug>/... keeps its shape with `:slug`, ids (16 base32 letters) and
 * numbers are replaced; static files are one label, and every answer 404 is one label, so that made-up paths
 * cannot grow the set of labels beyond the app's routes.
 */
export function routeLabel(path: string, status: number): string {
  if (status === 404) return ':not-found';
  if (path.startsWith('/build/')) return '/build/*';
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (const [i, raw] of parts.entries()) {
    if (i >= 6) {
      out.push('…');
      break;
    }
    const part = raw.replace(/\.data$/, '');
    if ((i === 1 && parts[0] === 'p') || (i === 3 && parts[0] === 'api' && parts[2] === 'programs')) out.push(':slug');
    else if (ID.test(part)) out.push(':id');
    else if (/^\d+$/.test(part)) out.push(':n');
    else if (/^[a-z][a-z0-9-]{0,30}$/.test(part)) out.push(part);
    else out.push(':value');
  }
  return '/' + out.join('/') + (path.endsWith('.data') ? '.data' : '');
}
