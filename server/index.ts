import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { broadcastDevReady } from '@remix-run/node';
import { readEnv, publicOrigin } from '~/utils/env.server.ts';
import { setLiveDocuments } from '~/utils/live-documents.server.ts';
import { deferredWorkDone } from '~/utils/after-answer.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { setMetricSources } from '~/utils/metrics.server.ts';
import { runCompiledWorkersFrom } from '~/utils/worker.server.ts';
import { prepareSetup, setupPending } from '~/modules/installation/setup.server.ts';
import { mailBacklog } from '~/modules/mailing/queue.server.ts';
import { measureUnmeasuredDuplicates } from '~/modules/amendments/duplicates.server.ts';
import { listenForBackups } from './backup/control-socket.ts';
import { keysFolderOf } from './data-folders.ts';
import { MigrationError } from './database/migrate.ts';
import { formatLogins, formatSetupLink, install, openAndMigrate, seedIfFirstStart } from './boot.ts';
import { localOnly, redisRelay } from './collaboration/relay.ts';
import { shareWrites } from './database/shared-writes.ts';
import { CollaborationServer } from './collaboration/server.ts';
import { createApp } from './http/app.ts';
import { jobs, startJobs } from './jobs.ts';
import { setKeptReadTime } from '~/utils/kept-reads.server.ts';

// One process: HTTP, static files, the Remix handler and (issue 3) the collaboration WebSocket on the same port.
async function main() {
  // Whatever this process creates (database files, mails, round keys) is its account's alone (ADR 0014).
  process.umask(0o077);
  const env = readEnv();
  // Run compiled (build/server/index.js, as `npm start` does: ADR 0031), the worker modules are compiled beside.
  const entry = fileURLToPath(import.meta.url);
  if (entry.endsWith('.js')) runCompiledWorkersFrom(path.dirname(entry));
  const startedAt = performance.now();
  let database;
  try {
    database = await openAndMigrate(env);
  } catch (error) {
    const message = error instanceof MigrationError || error instanceof Error ? error.message : String(error);
    logger.error('cannot start: the database could not be prepared', { error: message });
    process.stderr.write(`\nPlenum did not start.\n${message}\n\n`);
    process.exit(1);
  }
  install(env, database);
  // What is kept from reads is trusted for at most the page cache's time (ADR 0048).
  setKeptReadTime(env.PAGE_CACHE_TTL_MS);
  const seeded = await seedIfFirstStart(env);
  // Standing amendments never measured for possible duplicates (the migration that stores them cannot measure in
  // SQL): measured once, before the queue can be read (docs/decisions/0039-stored-duplicate-candidates.md).
  await measureUnmeasuredDuplicates();
  // An empty database without the demo awaits its setup: the link is printed once, below (ADR 0030).
  const setupToken = await prepareSetup({ demo: env.PLENUM_DEMO !== '0' });

  const buildPath = path.resolve('build/index.js');
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  let closing = false;
  const app = createApp({
    build,
    mode: env.NODE_ENV === 'production' ? 'production' : 'development',
    database,
    allowedOrigins: [publicOrigin(env)],
    trustProxy: env.TRUST_PROXY,
    metricsAllow: env.METRICS_ALLOW,
    isClosing: () => closing,
    pageCacheTtlMs: env.PAGE_CACHE_TTL_MS,
    countQueries: env.PLENUM_COUNT_QUERIES === '1',
    verifySharedPages: env.PLENUM_VERIFY_SHARED_PAGES === '1',
    setupPending,
  });
  const server = http.createServer(app);

  // The collaboration server shares the port: WebSocket upgrades on /collab/<document>.
  const collaboration = new CollaborationServer(
    [publicOrigin(env)],
    env.REDIS_URL ? redisRelay(env.REDIS_URL) : localOnly,
  );
  setLiveDocuments(collaboration);
  // Processes sharing the database tell each other of their writes: none keeps a member's page past a change made
  // through another (ADR 0047).
  const stopSharingWrites = env.REDIS_URL ? shareWrites(env.REDIS_URL) : async () => {};
  setMetricSources({
    collaboration: () => collaboration.stats(),
    pools: () => database.poolStats?.() ?? [],
    mailQueue: mailBacklog,
  });

  // `plenum backup` asks this process for the embedded database's copy over a socket in the data folder (ADR 0033).
  const stopBackups = database.pglite
    ? await listenForBackups({ dataDir: env.DATA_DIR, keysDir: keysFolderOf(env), pglite: database.pglite })
    : null;

  // Background sweeps (server/jobs.ts): their intervals are settings; tests set them short rather than wait.
  const background = startJobs(jobs(env));
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/collab/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // A stopping process takes no new editor: 503, which nginx retries on another process (deploy/nginx).
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    void collaboration.handleUpgrade(req, socket, head);
  });

  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const origin = publicOrigin({ ...env, PORT: port });
    if (seeded) process.stdout.write(formatLogins(seeded, origin) + '\n');
    if (setupToken) process.stdout.write(formatSetupLink(setupToken, origin) + '\n');
    logger.info('Plenum is listening', {
      url: `http://localhost:${port}`,
      database: database.engine,
      startMs: Math.round(performance.now() - startedAt),
    });
    if (env.NODE_ENV === 'development') broadcastDevReady(build);
  });

  // Graceful shutdown: answer a little longer, each answer closing its connection (SHUTDOWN_DRAIN_MS), then stop
  // accepting, let in-flight requests (and work after their answer) finish (10 s at most), then close the database.
  // Closing a kept-alive connection at once could cut a form nginx was sending on it: a 502 nginx does not retry.
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal, drainMs: env.SHUTDOWN_DRAIN_MS });
    // Live documents go at once: their editors connect again, through nginx, to another process.
    const collaborationClosed = collaboration
      .close()
      .catch((error: unknown) => logger.error('closing the collaboration server failed', { error }));
    setTimeout(() => stopListening(collaborationClosed), env.SHUTDOWN_DRAIN_MS);
  };
  const stopListening = (collaborationClosed: Promise<unknown>) => {
    // Runs under way (a mail batch being sent) end before the database closes.
    const backgroundStopped = background.stop();
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in 10 s: closing them');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(async () => {
      await stopBackups?.().catch((error: unknown) => logger.error('closing the backup socket failed', { error }));
      await collaborationClosed;
      await backgroundStopped;
      // Mails deferred until after an answer (password resets) go out before the database closes.
      await deferredWorkDone();
      await stopSharingWrites();
      await database.close().catch((error: unknown) => logger.error('closing the database failed', { error }));
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  logger.error('fatal error at start', { error });
  process.exit(1);
});
