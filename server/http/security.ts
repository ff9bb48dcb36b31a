import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { plainMessage } from './guards.ts';

/**
 * Security headers on every response. The CSP allows only this origin (scripts also need the per-request
 * nonce Remix puts on its inline scripts): no third-party origin, no framing, no trackers.
 */
export function securityHeaders(options: { dev: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const connect = options.dev ? "'self' ws://localhost:*" : "'self'";
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src ${connect}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses every state-changing request whose Origin (or, failing that, Referer) is not this site: the CSRF
 * guard for forms and fetches alike. A request with neither header is refused too; browsers send Origin.
 */
export function originCheck(allowedOrigins: () => string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const sameHost = `${req.protocol}://${req.get('host') ?? ''}`;
    const allowed = new Set([sameHost, ...allowedOrigins()]);
    const origin = req.get('origin') ?? refererOrigin(req.get('referer'));
    if (origin && allowed.has(origin)) return next();
    res.status(403).type('text/plain; charset=utf-8').send(plainMessage(req, 'foreignOrigin'));
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
