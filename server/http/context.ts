import type { Request, Response } from 'express';
import { negotiateLocale, offeredLocales } from '~/modules/installation/languages.server.ts';
import { validateSessionToken } from '~/modules/members/sessions.server.ts';
import {
  LOCALE_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  readCookie,
  sessionCookie,
} from '~/utils/cookies.server.ts';
import { runAfter } from '~/utils/after-answer.server.ts';
import type { RequestContext } from '~/utils/request-context.ts';

/**
 * What every loader and action receives besides the request: who is signed in (the session cookie is checked
 * here once, and sent again when its expiry slides), the reader's language, and the request's id and nonce.
 */
export async function buildRequestContext(req: Request, res: Response): Promise<RequestContext> {
  const cookieHeader = req.get('cookie');
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  let session = null;
  if (token) {
    // A GET's page shows the unread count as it is now: read with the session. After a POST's action it is
    // counted afresh by the root loader (the action may have marked some read).
    session = await validateSessionToken(token, { withUnread: req.method === 'GET' || req.method === 'HEAD' });
    if (!session) res.append('Set-Cookie', clearSessionCookie());
    else if (session.renewed) res.append('Set-Cookie', sessionCookie(token, session.expiresAt));
  }
  // Only the languages the installation offers: a cookie, a saved choice or a browser asking for another one is
  // passed over (ADR 0038).
  const locale = negotiateLocale(await offeredLocales(), {
    chosen: readCookie(cookieHeader, LOCALE_COOKIE),
    member: session?.member.locale,
    acceptLanguage: req.get('accept-language'),
  });
  return {
    requestId: String(res.locals.requestId),
    cspNonce: String(res.locals.cspNonce),
    clientAddress: req.ip ?? 'unknown',
    member: session?.member ?? null,
    sessionId: session?.id ?? null,
    unread: session?.unread ?? null,
    locale,
    afterAnswer: (what, task) => runAfter(answered(res), what, task),
  };
}

/** Resolves when the response was sent, or the connection closed before it could be. */
function answered(res: Response): Promise<void> {
  return new Promise((resolve) => {
    if (res.writableFinished || res.destroyed) return resolve();
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
  });
}
