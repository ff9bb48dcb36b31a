import type { NextFunction, Request, Response } from 'express';
import { plainMessage } from './guards.ts';

/**
 * A per-address budget of state-changing requests (a token bucket in memory, per process): a brake on
 * scripted abuse of every form. Logins have their own, stricter throttle in the database.
 */
export function rateLimit(options: { perMinute: number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = options.perMinute / 60_000;
  setInterval(() => {
    const now = Date.now();
    for (const [key, b] of buckets) if (now - b.at > 10 * 60_000) buckets.delete(key);
  }, 60_000).unref();

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: options.perMinute, at: now };
    bucket.tokens = Math.min(options.perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      res
        .status(429)
        .type('text/plain; charset=utf-8')
        .send(plainMessage(req, 'tooMany', retryAfter));
      return;
    }
    bucket.tokens -= 1;
    next();
  };
}
