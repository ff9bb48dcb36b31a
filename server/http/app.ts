import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import type { Database } from '~/utils/db.server.ts';
import { buildRequestContext } from './context.ts';
import { limitBodySize, rejectMalformedUrls } from './guards.ts';
import { rateLimit } from './rate-limit.ts';
import { originCheck, securityHeaders } from './security.ts';

/** What the HTTP app needs from the process that runs it. */
export interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'development' | 'production';
  database: Database;
  /** Origins accepted for state-changing requests besides the request's own host (PUBLIC_URL). */
  allowedOrigins: string[];
  trustProxy: number;
  /** Set while shutting down: new requests get 503 and connections are not kept alive. */
  isClosing: () => boolean;
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
      if (req.path.startsWith('/build/')) return;
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - start),
      });
    });
    if (options.isClosing()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(securityHeaders({ dev: options.mode === 'development' }));

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
  app.use(express.static(path.resolve('public'), { maxAge: '1h' }));

  app.use(rejectMalformedUrls);
  app.use(limitBodySize(1024 * 1024));
  app.use(originCheck(() => options.allowedOrigins));
  app.use(rateLimit({ perMinute: 120 }));

  const handler = createRequestHandler({
    build: options.build,
    mode: options.mode,
    getLoadContext: (req, res) => buildRequestContext(req, res),
  });
  app.all('*', (req, res, next) => {
    void handler(req, res, next);
  });

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
