import { data, redirect } from '@remix-run/node';
import { ForbiddenError } from '~/policies/actor.ts';
import { NotFoundError } from '~/modules/programs/programs.server.ts';

/**
 * Turns a module's expected refusals into HTTP answers: NotFoundError -> 404, ForbiddenError -> 403 for a
 * member (saying whether they are suspended), or the login page for the public. Anything else is rethrown as it is (a real 500, logged with an id).
 */
export function asHttpError(request: Request) {
  return (error: unknown): never => {
    if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
    if (error instanceof ForbiddenError) {
      if (!error.signedIn) {
        const url = new URL(request.url);
        throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
      }
      // A suspended member is told so even where the page cannot read their account (a refused form).
      throw data({ suspended: error.suspended }, { status: 403 });
    }
    throw error;
  };
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
