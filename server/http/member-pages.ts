import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { logger } from '~/utils/logger.server.ts';
import { metrics } from '~/utils/metrics.server.ts';
import { sectionPeople, sectionReaderFacts } from '~/modules/programs/section-page.server.ts';
import { FLASH_COOKIE } from '~/utils/cookies.server.ts';
import type { RequestContext } from '~/utils/request-context.ts';
import { writeGeneration } from '../database/write-generation.ts';
import { isShareable, keepNewest, keptPage, PageCache, type CachedPage } from './page-cache.ts';

/**
 * The pages a member sees as every other member alike sees them, but for their own id and name (ADR 0047). For
 * each: who among members sees it in their own way (`people`, read for the page, once for all its readers), and
 * what of a reader's own makes their view differ, beside their role, suspension and unread count (`facts`; null
 * when the page holds something only they may see: it is then rendered for them alone).
 */
interface SharedPage<People> {
  path: RegExp;
  people: (params: string[]) => Promise<People>;
  facts: (people: People, memberId: string) => object | null;
}
const sharedPage = <People>(page: SharedPage<People>) => page as SharedPage<unknown>;
const SHARED_PAGES = [
  sharedPage({
    // The page, and its data as a client-side navigation asks for it (single fetch: `.data`).
    path: /^\/p\/([a-z0-9-]+)\/sections\/([a-z0-9]+)(?:\.data)?$/,
    people: ([slug, sectionId]) => sectionPeople(slug!, sectionId!),
    facts: sectionReaderFacts,
  }),
];

/**
 * What a shared page shows in place of the member's id and name: letters and digits, which no escaping changes,
 * drawn anew by each process so that nobody can write them in a name or a title of their own (an author named
 * after the placeholder would be shown to every reader under the reader's own name).
 */
const drawn = randomBytes(12).toString('hex');
export const SLOTS = { id: `plenumslot${drawn}id`, displayName: `plenumslot${drawn}name` } as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const SCRIPT_ESCAPES: Record<string, string> = {
  '&': '\\u0026',
  '<': '\\u003c',
  '>': '\\u003e',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
/** As React writes a text or an attribute. */
const inHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
/**
 * As Remix writes a string of the loader data into the page: a string of turbo-stream's JSON, itself a JSON string
 * given to `streamController.enqueue(...)`, with the characters that could end a script escaped.
 */
const inScript = (value: string) =>
  JSON.stringify(JSON.stringify(value).slice(1, -1))
    .slice(1, -1)
    .replace(/[&<>\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);

/** As turbo-stream writes a string of the loader data a client-side navigation asks for (`.data`). */
const inData = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A page rendered with the placeholders, given its reader's id and name, each escaped as where it stands: in a
 * page, as text or attribute outside scripts and as loader data inside them; in a navigation's data (`data`),
 * as a string of turbo-stream's.
 */
export function fillSlots(template: string, member: { id: string; displayName: string }, data = false): string {
  const fill = (part: string, escape: (value: string) => string) =>
    part.replaceAll(SLOTS.id, escape(member.id)).replaceAll(SLOTS.displayName, escape(member.displayName));
  if (data) return fill(template, inData);
  return template
    .split(/(<script\b[^>]*>[\s\S]*?<\/script>)/)
    .map((part, i) => fill(part, i % 2 === 1 ? inScript : inHtml))
    .join('');
}

/**
 * Whether a rendered page can be kept as a template: its loader data is in one script (a placeholder split across
 * two could not be found again; Plenum defers no data, so Remix writes it at once). A navigation's data is one
 * stream, read whole.
 */
export function isTemplate(body: string, data: boolean): boolean {
  return data || body.split('streamController.enqueue(').length === 2;
}

/** A page's body without what differs per request (nonce, request id): two renders of the same view compare equal. */
export function canonical(page: Pick<CachedPage, 'body' | 'nonce' | 'requestId'>): string {
  return page.body.replaceAll(page.nonce, '').replaceAll(page.requestId, '');
}

/**
 * Whether the request's query leaves its answer shareable: none, or on a navigation's data only the loaders it
 * asks for (`_routes`, which single fetch adds when the page's frame need not be read again), part of the key.
 */
function sharedQuery(req: Request): boolean {
  const at = req.originalUrl.indexOf('?');
  if (at === -1) return true;
  return req.path.endsWith('.data') && /^_routes=[\w.$%,-]*$/.test(req.originalUrl.slice(at + 1));
}

/** A member's request for a shared page: its key, and the write generation when its reading began. */
export interface SharedRequest {
  key: string;
  generation: number;
}

interface Kept<T> {
  at: number;
  generation: number;
  value: T;
}

/**
 * Where two renders of a page first differ, with a few characters of each around it: said in the log of the
 * verifying mode (tests only), so that a mismatch seen once on a loaded machine says what differed.
 */
function firstDifference(kept: string, fresh: string) {
  let at = 0;
  while (at < kept.length && kept[at] === fresh[at]) at += 1;
  const around = (body: string) => body.slice(Math.max(0, at - 60), at + 60);
  return { at, kept: around(kept), fresh: around(fresh) };
}

/** Whether an answer is a navigation's data (turbo-stream), not a page. */
const isData = (headers: [string, string][]) =>
  headers.some(([name, value]) => name === 'content-type' && value.startsWith('text/x-script'));

/**
 * The member pages rendered once for every member who sees them alike (ADR 0047). A page is kept for the page
 * cache's time (ADR 0008), and only while nothing it may show was written since it began to be read, by this
 * process or another (the write generation): a page read across a change is not kept, and a change makes every
 * page kept before it unused. A write no kept page shows (a ballot, a session: UNSHOWN_TABLES) leaves them.
 */
export class MemberPages {
  private readonly pages = new Map<string, Kept<CachedPage>>();
  /** Each shared page's people, read once for all its readers, kept on the same terms. */
  private readonly people = new Map<string, Kept<Promise<unknown>>>();

  /**
   * `verify` (PLENUM_VERIFY_SHARED_PAGES=1, for tests): a page found is rendered again for this reader all the
   * same, and the answer says whether both were alike (`X-Page-Cache: hit`) or not (`mismatch`, logged as an
   * error, and the fresh render is sent).
   */
  constructor(
    private readonly ttlMs: number,
    private readonly verify = false,
  ) {}

  /**
   * The key of a member's request for a shared page: the address, language and everything of the reader's own
   * that the page shows, but their id and name; null when the page is not shared (or is theirs alone).
   */
  async keyFor(req: Request, context: RequestContext): Promise<SharedRequest | null> {
    const member = context.member;
    if (!member || this.ttlMs <= 0 || req.method !== 'GET' || !sharedQuery(req)) return null;
    if ((req.get('cookie') ?? '').includes(`${FLASH_COOKIE}=`)) return null;
    const generation = writeGeneration();
    for (const page of SHARED_PAGES) {
      const match = page.path.exec(req.path);
      if (!match) continue;
      const facts = page.facts(await this.peopleOf(page, match.slice(1)), member.id);
      if (!facts) return null;
      // Everything the session says of the member, but what identifies them (id, name, address) and their
      // language (the key's own): role, suspension, two-factor duty, unread count.
      const { id: _id, displayName: _name, email: _email, locale: _locale, ...view } = member;
      const key = `${context.locale} ${req.originalUrl} ${JSON.stringify({ ...view, unread: context.unread, facts })}`;
      return { key, generation };
    }
    return null;
  }

  /**
   * Answers a member's request for a shared page: the page kept, or one rendered now with the placeholders
   * (`render` is given the context to render with) and kept if it may be; filled with the reader's id and name
   * either way. `beforeSend` runs once the page is known, before its headers go.
   */
  async answer(
    res: Response,
    context: RequestContext,
    request: SharedRequest,
    render: (context: RequestContext) => Promise<globalThis.Response>,
    beforeSend?: (res: Response) => void,
  ): Promise<void> {
    const member = context.member!;
    const found = this.fresh(this.pages, request.key);
    if (found && !this.verify) {
      metrics().pageCache.inc({ cache: 'member', state: 'hit' });
      beforeSend?.(res);
      res.status(found.status);
      for (const [name, value] of found.headers) res.append(name, value);
      res.setHeader('X-Page-Cache', 'hit');
      res.end(fillSlots(PageCache.personalize(found, context), member, isData(found.headers)));
      return;
    }
    const response = await render({ ...context, shownAs: SLOTS });
    beforeSend?.(res);
    const page = await keptPage(response, context);
    const { headers, body } = page;
    let state = 'miss';
    if (found) {
      const [kept, fresh] = [canonical(found), canonical(page)];
      state = kept === fresh ? 'hit' : 'mismatch';
      if (state === 'mismatch')
        logger.error('a shared member page differs from its render for this reader', firstDifference(kept, fresh));
    }
    metrics().pageCache.inc({ cache: 'member', state });
    const unchanged = writeGeneration() === request.generation;
    const data = isData(headers);
    if (unchanged && isShareable(response) && isTemplate(body, data))
      this.keep(this.pages, request.key, page, request.generation);
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [name, value] of headers) res.append(name, value);
    res.setHeader('X-Page-Cache', state);
    res.end(fillSlots(body, member, data));
  }

  private fresh<T>(map: Map<string, Kept<T>>, key: string): T | undefined {
    const kept = map.get(key);
    if (!kept) return undefined;
    if (kept.generation === writeGeneration() && Date.now() - kept.at < this.ttlMs) return kept.value;
    map.delete(key);
    return undefined;
  }

  private keep<T>(map: Map<string, Kept<T>>, key: string, value: T, generation: number) {
    const now = Date.now();
    // Kept in the order they were read, all at the generation of their time: when the oldest may still be served,
    // so may those after it.
    const stale = (kept: Kept<T>) => kept.generation !== writeGeneration() || now - kept.at >= this.ttlMs;
    keepNewest(map, key, { at: now, generation, value }, 1000, stale);
  }

  private peopleOf(page: SharedPage<unknown>, params: string[]): Promise<unknown> {
    const key = `${page.path.source} ${params.join(' ')}`;
    const kept = this.fresh(this.people, key);
    if (kept) return kept;
    const people = page.people(params);
    this.keep(this.people, key, people, writeGeneration());
    // A failed read is not kept: the next request reads again.
    people.catch(() => this.people.delete(key));
    return people;
  }
}
