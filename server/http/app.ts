import fs from 'node:fs';
import path from 'node:path';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { metrics, routeLabel } from '~/utils/metrics.server.ts';
import type { Database } from '~/utils/db.server.ts';
import { countQueriesOf, currentQueryTally } from '../database/query-count.ts';
import { withRequestMemo } from '~/utils/request-memo.server.ts';
import { buildRequestContext } from './context.ts';
import type { RequestContext } from '~/utils/request-context.ts';
import { isShareable, keptPage, PageCache, type CachedPage } from './page-cache.ts';
import { MemberPages } from './member-pages.ts';
import { limitFormFields } from './form-fields.ts';
import { limitBodySize, rejectMalformedUrls } from './guards.ts';
import { metricsEndpoint } from './metrics.ts';
import { rateLimit } from './rate-limit.ts';
import { sendFetchResponse, toFetchRequest } from './remix-adapter.ts';
import { originCheck, securityHeaders } from './security.ts';

/**
 * The files of public/ besides Remix's (favicon, robots.txt), for an hour. Only a request for one of its names
 * looks on disk: asking the disk about every page's path cost half a millisecond of each signed-in page (a
 * `stat` that fails, issue 19). public/ is part of the release: its names are read once.
 */
function publicFiles() {
  const root = path.resolve('public');
  const names = new Set(fs.existsSync(root) ? fs.readdirSync(root).filter((name) => name !== 'build') : []);
  const serve = express.static(root, { maxAge: '1h' });
  return (req: Request, res: Response, next: NextFunction) =>
    names.has(req.path.split('/')[1] ?? '') ? serve(req, res, next) : next();
}

/** The forms an anonymous visitor can send (single fetch posts to the same path + `.data`). */
const PUBLIC_FORMS =
  /^\/(login|signup|forgot-password|reset-password|verify-email|locale|logout|notifications\/unsubscribe|setup)(\.data)?$/;

/**
 * What stays reachable while the installation awaits its setup: the setup page, the choice of language, and
 * Remix's route discovery (`/__manifest`, JSON the setup page's own links would ask for if lazy route discovery
 * were turned back on, ADR 0034; a redirect would break them).
 */
const DURING_SETUP = /^\/((setup|locale)(\.data)?|__manifest)$/;

/** What the HTTP app needs from the process that runs it. */
export interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'development' | 'production';
  database: Database;
  /** Origins accepted for state-changing requests besides the request's own host (PUBLIC_URL). */
  allowedOrigins: string[];
  trustProxy: number;
  /** Who may read /metrics: addresses or CIDR ranges, comma-separated (METRICS_ALLOW). */
  metricsAllow?: string;
  /** Set while shutting down: new requests get 503 and connections are not kept alive. */
  isClosing: () => boolean;
  /** How long a page the public sees may be served again without rendering; 0 turns the cache off. */
  pageCacheTtlMs: number;
  /** Render a shared member page found all the same, and say whether both were alike (tests; ADR 0047). */
  verifySharedPages?: boolean;
  /**
   * PLENUM_COUNT_QUERIES=1: each Remix request runs in its own tally of SQL statements (the database must be
   * opened with `countQueries` too), sent as `X-Plenum-Queries`. Off: no header, nothing wrapped.
   */
  countQueries?: boolean;
  /** True while the installation awaits its setup (ADR 0030): every page then leads to /setup. */
  setupPending?: () => Promise<boolean>;
}

/**
 * Writes the request's statement count so far as a header, and the tables they named (just before the answer's
 * headers go out).
 */
function stampQueryCount(res: Response) {
  const tally = currentQueryTally();
  if (!tally) return;
  res.setHeader('X-Plenum-Queries', String(tally.statements));
  res.setHeader('X-Plenum-Tables', [...tally.tables].sort().join(' '));
}

/** The Express app: logs, security headers, health, static files, CSRF and rate limits, then Remix. */
export function createApp(options: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);

  app.use((req, res, next) => {
    const requestId = newId();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const start = performance.now();
    res.on('finish', () => {
      const ms = performance.now() - start;
      metrics().httpDuration.observe(
        {
          route: routeLabel(req.path, res.statusCode),
          method: req.method,
          status: `${Math.floor(res.statusCode / 100)}xx`,
        },
        ms / 1000,
      );
      if (req.path.startsWith('/build/')) return;
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms),
      });
    });
    // Whether the connection closes after the answer is decided as the answer's head is written, not as the
    // request came: an answer under way when the shutdown began closes its connection too. Kept alive, it would
    // sit idle in nginx's pool until the process stops listening and drops it, maybe as nginx sends a form on it
    // (a 502 nginx does not retry: seen in bench:movement's restart).
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      if (options.isClosing() && !this.headersSent) this.setHeader('Connection', 'close');
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    next();
  });
  app.use(securityHeaders({ dev: options.mode === 'development' }));

  app.get(
    '/metrics',
    metricsEndpoint({ allow: options.metricsAllow ?? '127.0.0.1,::1', trustProxy: options.trustProxy }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      const latencyMs = await options.database.ping();
      res.status(options.isClosing() ? 503 : 200).json({
        status: options.isClosing() ? 'shutting-down' : 'ok',
        database: { engine: options.database.engine, status: 'up', latencyMs },
      });
    } catch (error) {
      logger.error('health check: database down', { error });
      res.status(503).json({ status: 'degraded', database: { engine: options.database.engine, status: 'down' } });
    }
  });

  app.use(compression());
  // Remix's hashed files never change: cache them for a year. Other public files for an hour.
  app.use('/build', express.static(path.resolve('public/build'), { immutable: true, maxAge: '1y' }));
  app.use(publicFiles());

  app.use(rejectMalformedUrls);
  // Forms are small; a program imported from a file (up to 5 MiB) is the one exception.
  app.use(
    limitBodySize(1024 * 1024, [
      { path: /^\/p\/[^/]+\/import$/, maxBytes: 12 * 1024 * 1024 },
      // A register of 100,000 members weighs about 8 MB; larger ones go through the CLI (MAX_REGISTER_BYTES).
      { path: /^\/admin\/register$/, maxBytes: 24 * 1024 * 1024 },
    ]),
  );
  app.use(originCheck(() => options.allowedOrigins));
  app.use(rateLimit({ perMinute: 120 }));
  // Counted before Remix parses anything: the forms anyone can send have a handful of fields; a member's form a
  // few hundred; a voting round's one checkbox and one majority per amendment on offer.
  app.use(
    limitFormFields(500, [
      { path: PUBLIC_FORMS, maxFields: 20 },
      { path: /^\/p\/[^/]+\/rounds\/new(\.data)?$/, maxFields: 2000 },
    ]),
  );

  // A database awaiting its setup (PLENUM_DEMO=0, no member yet): nothing but the setup page, whatever the address.
  const setupPending = options.setupPending;
  if (setupPending) {
    app.use((req, res, next) => {
      if (DURING_SETUP.test(req.path)) return next();
      setupPending().then(
        (pending) => (pending ? res.redirect(303, '/setup') : next()),
        (error: unknown) => next(error),
      );
    });
  }

  const handleRequest = createRequestHandler(options.build, options.mode);
  const pages = new PageCache(options.pageCacheTtlMs);
  const memberPages = new MemberPages(options.pageCacheTtlMs, options.verifySharedPages);
  app.use((req, res, next) => {
    // Whatever a state-changing request did, public pages rendered before it may be out of date. (The member pages
    // are kept only while nothing they show was written, whoever wrote it: the write generation, ADR 0047. A
    // ballot does not empty them.)
    if (req.method !== 'GET' && req.method !== 'HEAD') res.on('finish', () => pages.clear());
    next();
  });
  const stamp = options.countQueries ? stampQueryCount : undefined;
  const remix = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = await buildRequestContext(req, res);
      const key = pages.keyFor(req, context);
      const hit = key ? pages.get(key) : undefined;
      if (hit) {
        metrics().pageCache.inc({ cache: 'public', state: 'hit' });
        stamp?.(res);
        if (notModified(req, res, hit)) return;
        res.status(hit.status);
        for (const [name, value] of hit.headers) res.append(name, value);
        res.setHeader('X-Page-Cache', 'hit');
        if (hit.etag) res.setHeader('ETag', hit.etag);
        res.end(PageCache.personalize(hit, context));
        return;
      }
      // A member's page that members alike see alike, rendered once for them all (ADR 0047).
      const shared = key ? null : await memberPages.keyFor(req, context);
      if (shared) {
        const render = (shownAs: RequestContext) =>
          withRequestMemo(() => handleRequest(toFetchRequest(req, res), shownAs));
        return await memberPages.answer(res, context, shared, render, stamp);
      }
      // A GET's loaders share what they read once (the program's outline); an action's loaders read afresh.
      const answer = () => handleRequest(toFetchRequest(req, res), context);
      const response = await (req.method === 'GET' || req.method === 'HEAD' ? withRequestMemo(answer) : answer());
      // Loaders and actions are done: the page renders from their data (no deferred data in this app).
      stamp?.(res);
      if (!key || !isShareable(response)) return await sendFetchResponse(res, response);
      metrics().pageCache.inc({ cache: 'public', state: 'miss' });
      const page = await keptPage(response, context);
      const { headers, body } = page;
      const stored = { ...page, etag: PageCache.etagOf(page) };
      pages.set(key, stored);
      if (notModified(req, res, stored)) return;
      res.status(response.status);
      for (const [name, value] of headers) res.append(name, value);
      res.setHeader('X-Page-Cache', 'miss');
      if (stored.etag) res.setHeader('ETag', stored.etag);
      res.end(body);
    } catch (error) {
      next(error);
    }
  };
  app.all('*', options.countQueries ? (req, res, next) => countQueriesOf(() => remix(req, res, next)) : remix);

  /**
   * A public page the reader already holds: 304 with its tag and cache lifetime. Without the Content-Security-
   * Policy header: a browser updates its stored headers from a 304, and a new nonce would no longer match the
   * scripts of the page it keeps (ADR 0015).
   */
  function notModified(req: Request, res: Response, page: CachedPage): boolean {
    if (!PageCache.matches(req.get('if-none-match'), page.etag)) return false;
    res.removeHeader('Content-Security-Policy');
    res.status(304);
    res.setHeader('ETag', page.etag!);
    const cacheControl = page.headers.find(([name]) => name === 'cache-control')?.[1];
    if (cacheControl) res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Vary', 'Accept-Language, Cookie');
    res.end();
    return true;
  }

  // Last resort: an error outside Remix (the database refusing the session check, say). No stack trace leaves.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = String(res.locals.requestId);
    logger.error('unhandled request error', { requestId, error });
    if (res.headersSent) return void res.end();
    res
      .status(500)
      .type('html')
      .send(
        `<!doctype html><meta charset="utf-8"><title>Plenum</title><main style="font-family:sans-serif">` +
          `<h1>Something went wrong / Une erreur est survenue / Se produjo un error</h1>` +
          `<p>Reference: <code>${requestId}</code></p></main>`,
      );
  });
  return app;
}
