import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { logger } from '~/utils/logger.server.ts';
import { PRIVATE_FILE } from '../data-folders.ts';
import { snapshotDatabase } from './snapshot.ts';

/**
 * The running server's backup door (ADR 0033). A second process cannot open the embedded database while the
 * server holds it, so `plenum backup` asks the server for the copy over a Unix socket in the data folder: the
 * folder is 0700 and the socket 0600, so only the server's account (and root), who may read the database's files
 * anyway, can ask. Nothing of it is reachable over the network.
 */

/** The socket's name in the data folder. */
export const CONTROL_SOCKET = 'control.sock';
/** Linux's limit on a socket's path (108 bytes with the terminating zero). */
const MAX_SOCKET_PATH = 107;

export function controlSocketOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), CONTROL_SOCKET);
}

/** Listens for backup requests; resolves to a function that stops listening, or null if the path is too long. */
export async function listenForBackups(options: {
  dataDir: string;
  keysDir: string;
  pglite: PGlite;
}): Promise<(() => Promise<void>) | null> {
  const socketPath = controlSocketOf(options.dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    logger.warn('the data folder path is too long for the backup socket: back up with the server stopped', {
      socketPath,
    });
    return null;
  }
  // Left by a process killed with -9: this process holds the data folder's lock, so no one else listens there.
  await fs.rm(socketPath, { force: true });
  let busy = false;
  // A client that connects and sends nothing, or half a request, is dropped after a few seconds: it must hold
  // neither a socket of the server's nor, at shutdown, the server's exit.
  // (headersTimeout for half a request; the inactivity timeout for a connection that sends nothing at all.)
  const timeouts = { headersTimeout: 5_000, requestTimeout: 10_000, connectionsCheckingInterval: 1_000 };
  const server = http.createServer(timeouts, (req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    if (busy) {
      res.writeHead(409, { 'content-type': 'text/plain' }).end('A backup is already being taken.');
      return;
    }
    busy = true;
    // The copy may take a while to make before its first byte is sent: no inactivity limit for this one.
    req.socket.setTimeout(0);
    const started = performance.now();
    snapshotDatabase(options.pglite, { keysDir: options.keysDir, takenFrom: 'running-server' })
      .then(({ bytes }) => {
        logger.info('backup taken', { bytes: bytes.length, ms: Math.round(performance.now() - started) });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
        res.end(bytes);
      })
      .catch((error: unknown) => {
        logger.error('backup failed', { error });
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`The server could not take the backup: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => (busy = false));
  });
  server.setTimeout(5_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  await fs.chmod(socketPath, PRIVATE_FILE);
  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle connections go at once; a backup being sent gets 10 s to finish, then its connection is cut too.
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    await closed;
    clearTimeout(force);
    await fs.rm(socketPath, { force: true });
  };
}

/** Asks the server listening on `socketPath` for a backup; resolves to the backup file's bytes. */
export function requestBackup(socketPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: '/backup', method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) resolve(body);
        else reject(new Error(body.toString('utf8') || `The server answered ${res.statusCode}.`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}
