import { data, redirect } from '@remix-run/node';
import { t, type Locale } from '~/i18n/index.ts';
import { type DomainError, ForbiddenError, type DomainErrorKind } from '~/utils/domain-errors.ts';
import type { Refusal } from '~/utils/refusal.ts';

/**
 * The HTTP answer of each kind of refusal, decided once (ADR 0020). Busy is a 409, not a 503: the server is fine,
 * the same program is being changed by someone else, and a 5xx would read as an outage to monitors.
 */
export const STATUS_OF: Record<DomainErrorKind, number> = {
  'not-found': 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  throttled: 429,
  busy: 409,
  'too-large': 413,
};

/** A refusal's message in the reader's language; a throttle with a known end says when to try again. */
export function refusalMessage(error: DomainError, locale: Locale, now = Date.now()): string {
  if (error.kind !== 'throttled' || !error.retryAt) return t(locale, error.key, error.values);
  return t(locale, error.key, { ...error.values, when: waitWords(error.retryAt, locale, now) });
}

/** "30 seconds", "5 minutes": how long until `retryAt`. */
function waitWords(retryAt: Date, locale: Locale, now: number): string {
  const seconds = retrySeconds(retryAt, now);
  return seconds < 90
    ? t(locale, 'time.seconds', { n: seconds })
    : t(locale, 'time.minutes', { n: Math.ceil(seconds / 60) });
}

function retrySeconds(retryAt: Date, now = Date.now()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000));
}

/**
 * The answer a page gets instead of its data: thrown, it shows the error page (404, 403, 400...). Not found is
 * a 404; forbidden sends the public to the login page (and back here afterwards), and answers a member 403 saying
 * whether they are suspended (the error page tells them so); every other kind is its status with the refusal.
 */
export function refusalPage(error: DomainError, request: Request, locale: Locale) {
  if (error.kind === 'not-found') return new Response('Not Found', { status: 404 });
  if (error.kind === 'forbidden') {
    const refused = error instanceof ForbiddenError ? error : null;
    if (refused && !refused.signedIn) {
      const url = new URL(request.url);
      return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    // A suspended member is told so even where the page cannot read their account (a refused form).
    return data({ suspended: refused?.suspended ?? false }, { status: 403 });
  }
  return refusalData(error, locale);
}

/**
 * The answer an action gives a refused form: the page stays, and shows `refusal` beside its field (or atop the
 * form). Not found and forbidden are pages, not form messages: see refusalPage.
 */
export function refusalData(error: DomainError, locale: Locale) {
  const refusal: Refusal = {
    kind: error.kind,
    key: error.key,
    message: refusalMessage(error, locale),
    ...(error.field ? { field: error.field } : {}),
  };
  const headers: Record<string, string> = {};
  if (error.kind === 'throttled' && error.retryAt) headers['Retry-After'] = String(retrySeconds(error.retryAt));
  return data({ refusal }, { status: STATUS_OF[error.kind], headers });
}

/**
 * A safe place to go after logging in: a path of this site, never another origin. The address is read as a
 * browser reads it, then the answer must still be a path once read again: dot segments ("/.//evil.example",
 * "/%2e%2e//evil.example") resolve to "//evil.example", which a Location header sends to another site.
 * Anything else gives `fallback`: nobody is sent to another site on a link's say-so (ADR 0016).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  // Browsers drop tabs and newlines and read "\\" as "/" when they parse a URL: "/\t/evil.example" is another site.
  // eslint-disable-next-line no-control-regex
  if (typeof to !== 'string' || !to.startsWith('/') || /[\u0000-\u001f\\]/.test(to)) return fallback;
  const path = sitePath(to);
  return path !== null && sitePath(path) === path ? path : fallback;
}

const BASE = 'http://plenum.invalid';

/** `to` resolved as a browser would on this site, or null when it leaves it or is not a plain path. */
function sitePath(to: string): string | null {
  try {
    const url = new URL(to, BASE);
    const path = url.pathname + url.search + url.hash;
    return url.origin === BASE && /^\/(?![/\\])/.test(path) ? path : null;
  } catch {
    return null;
  }
}
