import { createHash } from 'node:crypto';
import { DomainError, ForbiddenError, NotFoundError } from '~/utils/domain-errors.ts';

/**
 * The HTTP side of the open data API (docs/api.md): JSON with an ETag (304 when it still matches), cacheable by
 * anyone, readable from any origin; refusals as JSON `{ "error": "..." }`, never an HTML page.
 */

/** An answer of the API, ready to send. */
export interface OpenDataDocument {
  /** The JSON text. */
  body: string;
  /** Its entity tag, without quotes: the SHA-256 of the body (the board's own hash for the board). */
  etag: string;
  /** Seconds a cache may keep it: an hour for what never changes once it exists, a minute otherwise. */
  maxAge: number;
  headers?: Record<string, string>;
}

/** How long caches may keep an answer, in seconds. */
export const OPEN_DATA_MAX_AGE = {
  /** Programs, their rounds while open: they change. */
  changing: 60,
  /** Published versions, closed rounds' results and boards: immutable once they exist. */
  immutable: 3600,
};

/** A value as an answer of the API: its JSON text, tagged with the text's SHA-256. */
export function openDataDocument(value: unknown, maxAge: number): OpenDataDocument {
  const body = JSON.stringify(value);
  return { body, etag: createHash('sha256').update(body, 'utf8').digest('hex'), maxAge };
}

/** A request the API refuses: a malformed parameter (400) or something not (yet) published, or not public (404). */
export class OpenDataError extends DomainError {
  constructor(
    public readonly status: 400 | 404,
    message: string,
  ) {
    super(
      status === 400 ? 'invalid' : 'not-found',
      status === 400 ? 'error.badRequest.title' : 'error.notFound.title',
      {
        log: message,
      },
    );
  }
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, X-Board-SHA256',
};

/** True when an If-None-Match header names this entity tag (weak or strong), or is `*`. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${etag}"`);
}

function send(request: Request, status: number, document: OpenDataDocument): Response {
  const headers = {
    ...CORS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': `public, max-age=${document.maxAge}`,
    ETag: `"${document.etag}"`,
    ...document.headers,
  };
  if (status === 200 && etagMatches(request.headers.get('if-none-match'), document.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : document.body, { status, headers });
}

/** A refusal as JSON; it may be cached for a minute like the rest (a round's results appear at its close). */
export function openDataError(request: Request, status: number, message: string): Response {
  const body = JSON.stringify({ error: message });
  const etag = createHash('sha256').update(body, 'utf8').digest('hex');
  return send(request, status, { body, etag, maxAge: 60 });
}

/** Answers a GET of the API: the document `produce` returns, or the refusal it throws, as JSON. */
export async function openDataAnswer(request: Request, produce: () => Promise<OpenDataDocument>): Promise<Response> {
  // Remix hands OPTIONS to the loader: a browser's preflight (sent when a script adds If-None-Match itself).
  if (request.method === 'OPTIONS') return openDataMethods(request);
  try {
    return send(request, 200, await produce());
  } catch (error) {
    if (error instanceof OpenDataError) return openDataError(request, error.status, error.message);
    // What the public may not read answers exactly as what does not exist: a 403 would tell that it exists.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return openDataError(request, 404, 'Not found.');
    }
    throw error;
  }
}

/** Any method but GET and HEAD: the API is read-only. OPTIONS answers a browser's preflight. */
export function openDataMethods(request: Request): Response {
  if (request.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        ...CORS,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'If-None-Match',
        'Access-Control-Max-Age': '86400',
        Allow: 'GET, HEAD, OPTIONS',
      },
    });
  }
  const response = openDataError(request, 405, 'The open data API is read-only: use GET.');
  response.headers.set('Allow', 'GET, HEAD, OPTIONS');
  return response;
}
