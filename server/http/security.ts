import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger } from '~/utils/logger.server.ts';
import { openDataMethods } from '~/utils/open-data.server.ts';
import { plainMessage } from './guards.ts';
import { sendFetchResponse } from './remix-adapter.ts';

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
 *
 * Remix then compares the Origin header with the host it is given (X-Forwarded-Host, else Host) and fails the
 * action with an error when they differ: behind a proxy that rewrites Host, every form would answer 500. Such
 * a request is refused here, with 403 and a log line that says what to configure.
 *
 * The open data API (/api/) is read-only and may be read from any origin: whatever the origin, anything but a
 * read answers what docs/api.md says, 405 with `{ "error": ... }` in JSON, never this guard's plain text.
 */
export function originCheck(allowedOrigins: () => string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const sameHost = `${req.protocol}://${req.get('host') ?? ''}`;
    const allowed = new Set([sameHost, ...allowedOrigins()]);
    const origin = req.get('origin') ?? refererOrigin(req.get('referer'));
    if (!origin || !allowed.has(origin)) {
      if (req.path === '/api' || req.path.startsWith('/api/')) {
        void sendFetchResponse(res, openDataMethods(new Request('http://localhost/api', { method: 'POST' })));
        return;
      }
      res.status(403).type('text/plain; charset=utf-8').send(plainMessage(req, 'foreignOrigin'));
      return;
    }
    const header = req.get('origin');
    const host = hostRemixSees(req);
    if (!header || new URL(header).host === host) return next();
    logger.warn(
      'form refused: its Origin is not the host this server was given. Behind a reverse proxy, set PUBLIC_URL to ' +
        'the public address and TRUST_PROXY to the number of proxies, and have the proxy keep the Host header or ' +
        'send X-Forwarded-Host',
      { origin: header, host, publicUrl: allowedOrigins().join(' ') },
    );
    res.status(403).type('text/plain; charset=utf-8').send(misconfigured(req));
  };
}

/** The host Remix compares with Origin: the first X-Forwarded-Host, else Host (whatever TRUST_PROXY says). */
function hostRemixSees(req: Request): string {
  return req.get('x-forwarded-host')?.split(',')[0]?.trim() || (req.get('host') ?? '');
}

const MISCONFIGURED = {
  fr: 'Requête refusée : ce serveur ne reconnaît pas l’adresse du site. Son administrateur en trouvera la raison dans le journal.',
  es: 'Solicitud rechazada: este servidor no reconoce la dirección del sitio. Su administrador encontrará el motivo en el registro.',
  en: 'Request refused: this server does not recognise the address of the site. Its administrator will find why in the log.',
} as const;

function misconfigured(req: Request): string {
  return MISCONFIGURED[(req.acceptsLanguages('fr', 'es', 'en') || 'en') as keyof typeof MISCONFIGURED];
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
