import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import { DEMO, prepareVotedRound } from './support/scenarios.ts';

// Issue 6: published pages need at most 5 SQL queries each; issue 19: a member's pages at most 8. The server counts the statements of each request
// (PLENUM_COUNT_QUERIES=1, server/database/query-count.ts) and says how many in X-Plenum-Queries; the page
// cache is off (PAGE_CACHE_TTL_MS=0) so that every page is rendered, not served from memory with 0 queries.

const BUDGET = 5;
// Issue 19: a signed-in member's pages are rendered for every request (never shared), session check included.
const MEMBER_BUDGET = 8;
// The amendment page is not there yet (issue 19 stays open for it): held to what it runs now, so that it gets no
// worse while its read model is reworked. 23 when it was first held; 28 since the follow button and the drafting
// committee's recommendation (issue 21) joined the page, each with its own read.
const AMENDMENT_PAGE_NOW = 28;
let server: TestServer;
let voted: Awaited<ReturnType<typeof prepareVotedRound>>;

beforeAll(async () => {
  server = await startServer({ env: { PLENUM_COUNT_QUERIES: '1', PAGE_CACHE_TTL_MS: '0' } });
  voted = await prepareVotedRound(server);
  await voted.close();
  const location = await voted.post(`/p/${DEMO}/publish`, 'moderation', { note: 'Première version publiée.' });
  expect(location).toBe(`/p/${DEMO}/v/1`);
});
afterAll(async () => {
  await server?.stop();
});

/** Fetches a page as the public; returns the status and the statements it ran. */
async function measure(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
  await res.arrayBuffer();
  expect(res.headers.get('x-page-cache'), `${path} must be rendered, not cached`).toBeNull();
  const header = res.headers.get('x-plenum-queries');
  expect(header, `X-Plenum-Queries on ${path}`).toMatch(/^\d+$/);
  return { status: res.status, queries: Number(header) };
}

describe('the query budget of published pages', () => {
  it('counts the statements of a request, its session check included', async () => {
    // An unknown address under the API asks nothing of the database; a signed-in reader's session is checked.
    expect(await measure('/api/v1/nothing')).toEqual({ status: 404, queries: 0 });
    const path = `/api/v1/programs/${DEMO}/versions/1`;
    const anonymous = await measure(path);
    const signedIn = await measure(path, { cookie: voted.cookies.get('camille')! });
    expect(anonymous.queries).toBeGreaterThan(0);
    expect(signedIn.queries).toBeGreaterThan(anonymous.queries);
    // The same request counts the same each time.
    expect((await measure(path)).queries).toBe(anonymous.queries);
  });

  it(`keeps every published page and API answer within ${BUDGET} SQL statements`, async () => {
    const section = voted.sections[0]!;
    const budgeted = [
      '/api/v1/programs',
      `/api/v1/programs/${DEMO}`,
      `/api/v1/programs/${DEMO}/versions/1`,
      `/api/v1/rounds/${voted.roundId}/results`,
      `/api/v1/rounds/${voted.roundId}/board`,
      `/p/${DEMO}/v/1`,
      `/p/${DEMO}/v/1/sections/${section}`,
      `/p/${DEMO}/v/1/all`,
    ];
    const counts: Record<string, number | string> = {};
    for (const path of budgeted) {
      const { status, queries } = await measure(path);
      counts[path] = status === 200 ? queries : `HTTP ${status}`;
    }
    // For comparison only: the live draft's section page is not a published page.
    const live = await measure(`/p/${DEMO}/sections/${section}`);
    console.log(
      'SQL statements per request (public reader):\n' +
        Object.entries(counts)
          .map(([path, n]) => `  ${String(n).padStart(8)}  ${path}`)
          .join('\n') +
        `\n  ${String(live.queries).padStart(8)}  /p/${DEMO}/sections/${section} (live draft, not budgeted)`,
    );
    for (const [path, n] of Object.entries(counts)) {
      expect(n, `${path} answered`).toEqual(expect.any(Number));
      expect(n, `SQL statements of ${path}`).toBeLessThanOrEqual(BUDGET);
    }
  });
});

describe('the query budget of signed-in pages', () => {
  it(`keeps a member's section and program pages within ${MEMBER_BUDGET} SQL statements`, async () => {
    const cookie = voted.cookies.get('camille')!;
    const pages = [
      `/p/${DEMO}/sections/${voted.sections[0]!}`,
      `/p/${DEMO}`,
      `/p/${DEMO}/amendments/${voted.amendmentId}`,
    ];
    const counts: Record<string, number> = {};
    for (const path of pages) {
      const { status, queries } = await measure(path, { cookie });
      expect(status, `${path} answered the member`).toBe(200);
      counts[path] = queries;
    }
    console.log(
      'SQL statements per request (signed-in member):\n' +
        Object.entries(counts)
          .map(([path, n]) => `  ${String(n).padStart(8)}  ${path}`)
          .join('\n'),
    );
    const amendmentPage = `/p/${DEMO}/amendments/${voted.amendmentId}`;
    for (const [path, n] of Object.entries(counts)) {
      const budget = path === amendmentPage ? AMENDMENT_PAGE_NOW : MEMBER_BUDGET;
      expect(n, `SQL statements of ${path}`).toBeLessThanOrEqual(budget);
    }
  });
});

describe('the query budget of the moderation queue', () => {
  // Issue 21, item 7 (ADR 0044): the moderation queue within the member budget, the session included: its
  // amendment lists paged and read in one statement (10 statements before, 15-26 when it compared every pair).
  it(`keeps the moderation queue within ${MEMBER_BUDGET} SQL statements, narrowed to a chapter or not`, async () => {
    const cookie = voted.cookies.get('moderation')!;
    const path = `/p/${DEMO}/moderation/queue`;
    const { status, queries } = await measure(path, { cookie });
    const page = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
    const chapter = /<option value="([^"]+)">1\. /.exec(page)?.[1];
    expect(chapter, 'a chapter in the queue’s filter').toBeTruthy();
    const narrowed = await measure(`${path}?chapter=${chapter}`, { cookie });
    console.log(
      `SQL statements per request (moderator):\n  ${String(queries).padStart(8)}  ${path}\n` +
        `  ${String(narrowed.queries).padStart(8)}  ${path}?chapter=…`,
    );
    expect(status, `${path} answered the moderator`).toBe(200);
    expect(narrowed.status, `${path}?chapter= answered the moderator`).toBe(200);
    expect(queries, `SQL statements of ${path}`).toBeLessThanOrEqual(MEMBER_BUDGET);
    expect(narrowed.queries, `SQL statements of ${path}?chapter=`).toBeLessThanOrEqual(MEMBER_BUDGET);
  });
});
