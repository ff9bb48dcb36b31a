import type net from 'node:net';
import type { Request, RequestHandler } from 'express';
import { addressList, inAddressList } from '~/utils/addresses.ts';
import { logger } from '~/utils/logger.server.ts';
import { metrics } from '~/utils/metrics.server.ts';

/**
 * GET /metrics (issue 19): the process's metrics in the Prometheus text format, for the addresses the operator
 * allows (METRICS_ALLOW: addresses or CIDR ranges, comma-separated; loopback by default). Anyone else gets the
 * same 404 as any unknown page: the endpoint does not say it exists.
 *
 * A request that came through a proxy (it carries X-Forwarded-For, Forwarded or X-Real-IP) is judged by the client
 * the proxy names, and only when the app trusts that proxy (TRUST_PROXY): otherwise a reverse proxy on the same
 * machine would make every visitor look like loopback. docs/deploy.md has the proxy refuse /metrics anyway.
 */
export function metricsEndpoint(options: { allow: string; trustProxy: number }): RequestHandler {
  const allowed = addressList(options.allow);
  return async (req, res, next) => {
    if (!mayRead(req, allowed, options.trustProxy)) return next();
    try {
      const registry = metrics().registry;
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(await registry.metrics());
    } catch (error) {
      logger.error('metrics could not be collected', { error });
      res.status(500).type('text/plain').end('metrics unavailable');
    }
  };
}

function mayRead(req: Request, allowed: net.BlockList, trustProxy: number) {
  const proxied = Boolean(req.headers['x-forwarded-for'] || req.headers.forwarded || req.headers['x-real-ip']);
  // Through a trusted proxy, the client the proxy names (req.ip under "trust proxy"); never the proxy itself.
  const client = proxied ? (trustProxy > 0 ? req.ip : undefined) : req.socket.remoteAddress;
  return Boolean(client) && inAddressList(allowed, client!);
}
