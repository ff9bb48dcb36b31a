import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { FLASH_COOKIE, SESSION_COOKIE } from '~/utils/cookies.server.ts';
import type { RequestContext } from '~/utils/request-context.ts';

/** A rendered page, kept with the per-request values it contains so they can be swapped for fresh ones. */
export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: string;
  nonce: string;
  requestId: string;
  storedAt: number;
  /** For pages any cache may keep (Cache-Control: public): a tag of their content, without the per-request values. */
  etag?: string;
}

/**
 * Keeps `value` under `key` in a map held in the order its entries were kept, first dropping from its oldest end
 * what is `stale` and, when full, the oldest: kept pages are large (a section page with its outline is some hundred
 * kilobytes), and one that can no longer be served must not hold its memory until a thousand others push it out.
 */
export function keepNewest<V>(map: Map<string, V>, key: string, value: V, max: number, stale: (kept: V) => boolean) {
  map.delete(key);
  for (const [oldest, kept] of map) {
    if (map.size < max && !stale(kept)) break;
    map.delete(oldest);
  }
  map.set(key, value);
}

/**
 * A micro-cache of the pages the public sees (ADR 0008). Anonymous readers all get the same page for the same
 * address and language, so a page rendered once is served again for `ttlMs`, with a fresh CSP nonce and
 * request id written into it. Any state-changing request handled by this process empties it; the time limit
 * bounds how stale a page may be when another process (or the CLI) changed the data.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  /** The cache key of a request, or null when its answer must not be shared (signed in, query, notice...). */
  keyFor(req: Request, context: RequestContext): string | null {
    if (this.ttlMs <= 0 || req.method !== 'GET' || context.member) return null;
    if (req.originalUrl.includes('?')) return null;
    const cookies = req.get('cookie') ?? '';
    if (cookies.includes(`${SESSION_COOKIE}=`) || cookies.includes(`${FLASH_COOKIE}=`)) return null;
    return `${context.locale} ${req.originalUrl}`;
  }

  /** A fresh page for the key, if any. */
  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.entries.get(key);
    if (page && now - page.storedAt < this.ttlMs) return page;
    if (page) this.entries.delete(key);
    return undefined;
  }

  /** Keeps a page; the pages past their time go, and the oldest when the cache is full. */
  set(key: string, page: CachedPage, now = Date.now()): void {
    keepNewest(this.entries, key, page, this.maxEntries, (kept) => now - kept.storedAt >= this.ttlMs);
  }

  /** How many pages are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every page (after any change). */
  clear(): void {
    this.entries.clear();
  }

  /**
   * The ETag of a page that declares itself public: a hash of its body with the per-request values (nonce and
   * request id) left out, so the same content rendered twice has the same tag. Other pages get none.
   */
  static etagOf(page: Omit<CachedPage, 'etag'>): string | undefined {
    const cacheControl = page.headers.find(([name]) => name === 'cache-control')?.[1] ?? '';
    if (!/\bpublic\b/.test(cacheControl)) return undefined;
    const canonical = page.body.replaceAll(page.nonce, '').replaceAll(page.requestId, '');
    return `W/"${createHash('sha256').update(canonical, 'utf8').digest('base64url').slice(0, 32)}"`;
  }

  /** Whether the request's If-None-Match names this tag. */
  static matches(header: string | undefined, etag: string | undefined): boolean {
    if (!header || !etag) return false;
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
  }

  /** The page's body with this request's nonce and request id in place of the ones it was rendered with. */
  static personalize(page: CachedPage, context: RequestContext): string {
    return page.body.replaceAll(page.nonce, context.cspNonce).replaceAll(page.requestId, context.requestId);
  }
}

/** A rendered answer as a page to keep: its body read whole, with the per-request values it was rendered with. */
export async function keptPage(response: Response, context: RequestContext): Promise<CachedPage> {
  return {
    status: response.status,
    headers: [...response.headers.entries()].filter(([name]) => name !== 'content-length'),
    body: await response.text(),
    nonce: context.cspNonce,
    requestId: context.requestId,
    storedAt: Date.now(),
  };
}

/** True for answers that may be shared: a 200 HTML page or single-fetch data, setting no cookie. */
export function isShareable(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return (
    response.status === 200 &&
    !response.headers.has('set-cookie') &&
    (type.startsWith('text/html') || type.startsWith('text/x-script'))
  );
}
