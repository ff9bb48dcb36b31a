import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { DEMO, prepareVotedRound } from './support/scenarios.ts';

// Issue 7: nothing leaves the instance. A visitor without an account loads every public page in Chromium; the
// test fails on any request to another origin, on any URL to another origin in the rendered DOM, and on a
// Content-Security-Policy that names another origin or lets inline scripts run without the nonce.

let server: TestServer;
let browser: BrowserContext & { cleanup: () => Promise<void> };
let origin = '';
let roundId = '';
let amendmentId = '';
/** An address a member writes: in the amendment's text (so in the section and the version once adopted), and in a comment. */
const MEMBER_LINK = 'https://example.org/ric?ref=plenum';

beforeAll(async () => {
  server = await startServer();
  origin = new URL(server.url).origin;
  // Something behind every public page: an amendment submitted, supported, admissible and debated, a voting round
  // closed and counted (its board published), and version 1 published.
  const voted = await prepareVotedRound(server, { link: { text: 'source', href: MEMBER_LINK } });
  roundId = voted.roundId;
  amendmentId = voted.amendmentId;
  await voted.post(`/p/${DEMO}/amendments/${amendmentId}`, 'yanis', {
    intent: 'comment',
    stance: 'FOR',
    body: `Un **bon** amendement : la démocratie locale doit être *accessible* ([la source](${MEMBER_LINK})).`,
  });
  await voted.close();
  const location = await voted.post(`/p/${DEMO}/publish`, 'moderation', { note: 'Première version publiée.' });
  expect(location).toBe(`/p/${DEMO}/v/1`);
  browser = await launchBrowser({ locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.stop();
});

const NOT_FOUND = '/this-page-does-not-exist';

/** The public pages whose links are followed, and the links worth following from them (no query, no download). */
const ID = '[a-z2-7]{16}';
const PUBLIC_PAGE = new RegExp(
  [
    '^/$',
    '^/(login|signup|forgot-password|privacy|groups)$',
    `^/groups/${ID}$`,
    '^/p/[a-z0-9-]+$',
    `^/p/[a-z0-9-]+/(chapters|sections|amendments)/${ID}$`,
    '^/p/[a-z0-9-]+/(amendments|moderation|rounds|participation|compare)$',
    `^/p/[a-z0-9-]+/rounds/${ID}(/board)?$`,
    '^/p/[a-z0-9-]+/v/\\d+(/all)?$',
    `^/p/[a-z0-9-]+/v/\\d+/(chapters|sections)/${ID}$`,
  ].join('|'),
);

/** An absolute URL written out in a page's HTML (in a link, in text, or in the data sent for hydration). */
const ABSOLUTE_URL = /\b(?:https?|wss?|ftp):\/\/[^\s"'<>)\\]+/gi;

/** Every URL a page's DOM points to: the attributes that take one, srcset lists, and url(...) in styles. */
async function urlsInDom(p: Page): Promise<{ where: string; url: string }[]> {
  return p.evaluate(() => {
    const found: { where: string; url: string }[] = [];
    const single = [
      'href',
      'src',
      'action',
      'poster',
      'data',
      'formaction',
      'xlink:href',
      'ping',
      'cite',
      'background',
    ];
    const lists = ['srcset', 'imagesrcset'];
    const label = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}>`;
    const cssUrls = (css: string) => [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (single.includes(name)) found.push({ where: `${label(el)} ${name}`, url: attr.value.trim() });
        if (lists.includes(name)) {
          for (const candidate of attr.value.split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) found.push({ where: `${label(el)} ${name}`, url });
          }
        }
        if (name === 'style') for (const url of cssUrls(attr.value)) found.push({ where: `${label(el)} style`, url });
      }
      if (el.tagName === 'STYLE')
        for (const url of cssUrls(el.textContent ?? '')) found.push({ where: '<style>', url });
      if (el.tagName === 'META' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') {
        const url = /url=(.*)$/i.exec(el.getAttribute('content') ?? '')?.[1];
        if (url) found.push({ where: '<meta refresh>', url: url.trim() });
      }
    }
    // Styles that came from a file: every url(...) in the loaded style sheets (same-origin ones are readable).
    for (const sheet of document.styleSheets) {
      try {
        for (const rule of sheet.cssRules) {
          for (const url of cssUrls(rule.cssText)) found.push({ where: `stylesheet ${sheet.href ?? 'inline'}`, url });
        }
      } catch {
        found.push({ where: 'stylesheet (unreadable: another origin?)', url: sheet.href ?? '' });
      }
    }
    return found;
  });
}

/** The origin a URL found in a page points to, or null when it has none (relative, fragment, data:, mailto:...). */
function originOf(url: string, base: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return `unparseable: ${url}`;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return null;
  return parsed.origin.replace(/^ws(s?):/, 'http$1:');
}

/** What a Content-Security-Policy allows beyond this origin, or lets scripts do without the nonce. */
function cspProblems(header: string | undefined): string[] {
  if (!header) return ['no Content-Security-Policy header'];
  const problems: string[] = [];
  const directives = new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
  );
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const ok =
        source === "'self'" ||
        source === "'none'" ||
        /^'nonce-[A-Za-z0-9+/=_-]+'$/.test(source) ||
        (source === 'data:' && (name === 'img-src' || name === 'font-src'));
      if (!ok) problems.push(`${name} allows ${source}`);
    }
  }
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!scripts) problems.push('no script-src nor default-src');
  if (!directives.has('default-src')) problems.push('no default-src');
  if (!scripts?.some((s) => s.startsWith("'nonce-"))) problems.push('script-src without a nonce');
  return problems;
}

/** What the crawl found, by kind: each line names the page. */
const found = {
  visited: [] as string[],
  requests: [] as string[],
  urls: [] as string[],
  csp: [] as string[],
  /** Pages holding the member's link, as the reader gets it: through /leave. */
  leave: [] as string[],
};
/** What the pages' own CSP blocked in the browser (an inline style, a script without the nonce...). */
const blocked: string[] = [];

describe('nothing leaves the instance', () => {
  it('visits every public page as a visitor without an account', async () => {
    const page = await browser.newPage();
    // What the CSP blocks never shows up as a request: the browser reports it to the page, collected here.
    await page.addInitScript(() => {
      const seen: { directive: string; uri: string }[] = [];
      (window as unknown as { __csp: typeof seen }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push({ directive: e.violatedDirective, uri: e.blockedURI }),
      );
    });
    let current = '';
    page.on('request', (request) => {
      const to = originOf(request.url(), origin);
      if (to !== null && to !== origin) found.requests.push(`${current}: request to ${request.url()}`);
    });
    page.on('websocket', (socket) => {
      if (originOf(socket.url(), origin) !== origin) found.requests.push(`${current}: WebSocket to ${socket.url()}`);
    });

    const queue = [
      '/',
      '/login',
      '/signup',
      '/forgot-password',
      '/privacy',
      '/groups',
      `/p/${DEMO}`,
      `/p/${DEMO}/amendments`,
      `/p/${DEMO}/amendments/${amendmentId}`,
      `/p/${DEMO}/moderation`,
      `/p/${DEMO}/rounds`,
      `/p/${DEMO}/rounds/${roundId}`,
      `/p/${DEMO}/rounds/${roundId}/board`,
      `/p/${DEMO}/participation`,
      `/p/${DEMO}/v/1`,
      `/p/${DEMO}/v/1/all`,
      `/p/${DEMO}/compare`,
      `/p/${DEMO}/search?q=${encodeURIComponent('référendum')}`,
      NOT_FOUND,
    ];
    const seen = new Set(queue);
    const unexpected: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      current = path;
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      const status = response?.status() ?? 0;
      found.visited.push(`${status} ${path}`);
      if (status !== (path === NOT_FOUND ? 404 : 200)) unexpected.push(`${path}: answered ${status}`);

      for (const p of cspProblems(response?.headers()['content-security-policy'])) found.csp.push(`${path}: ${p}`);
      // The HTML as sent (text, inline data for hydration, attributes), then the DOM as rendered.
      for (const url of new Set((await response?.text())?.match(ABSOLUTE_URL) ?? [])) {
        if (originOf(url, origin) !== origin) found.urls.push(`${path}: the HTML holds ${url}`);
      }
      for (const { where, url } of await urlsInDom(page)) {
        const to = originOf(url, page.url());
        if (to !== null && to !== origin) found.urls.push(`${path}: ${where} points to ${url}`);
      }
      const violations = await page.evaluate(
        () => (window as unknown as { __csp?: { directive: string; uri: string }[] }).__csp ?? [],
      );
      for (const v of violations) {
        const to = /^[a-z][a-z0-9+.-]*:/i.test(v.uri) ? originOf(v.uri, origin) : null;
        if (to !== null && to !== origin) found.requests.push(`${path}: blocked by the CSP, ${v.directive} ${v.uri}`);
        else blocked.push(`${path}: ${v.directive} blocked ${v.uri || 'an inline one'}`);
      }

      // Follow the page's links to more public pages (tables of contents, lists, versions).
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      );
      for (const href of links) {
        const url = new URL(href, page.url());
        if (url.pathname === '/leave' && url.searchParams.get('to') === MEMBER_LINK) found.leave.push(path);
        if (url.origin !== origin || url.search || !PUBLIC_PAGE.test(url.pathname) || seen.has(url.pathname)) continue;
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
      expect(found.visited.length, 'the crawl stays bounded').toBeLessThan(250);
    }
    await page.close();
    console.log(`Visited ${found.visited.length} public pages as a visitor:\n  ${found.visited.join('\n  ')}`);

    expect(unexpected).toEqual([]);
    // The crawl reached every kind of page: the draft's chapters and sections, and the version's.
    for (const kind of ['chapters', 'sections', 'v/1/chapters', 'v/1/sections']) {
      expect(
        found.visited.some((v) => v.includes(`/p/${DEMO}/${kind}/`)),
        `a page under /p/${DEMO}/${kind}/`,
      ).toBe(true);
    }
  }, 300_000);

  it('sends the links members write through /leave, on every page that shows them', () => {
    const pages = new Set(found.leave);
    // The amendment (its text and its comment), the section it was adopted into, and the version published after.
    expect(pages).toContain(`/p/${DEMO}/amendments/${amendmentId}`);
    expect([...pages].filter((p) => p.startsWith(`/p/${DEMO}/sections/`))).toHaveLength(1);
    expect([...pages].filter((p) => p.startsWith(`/p/${DEMO}/v/1/sections/`))).toHaveLength(1);
    expect(pages).toContain(`/p/${DEMO}/v/1/all`);
  });

  it('makes no request to another origin', () => {
    expect(found.visited.length).toBeGreaterThan(40);
    expect(found.requests).toEqual([]);
  });

  it('renders no URL to another origin in any page', () => {
    expect(found.visited.length).toBeGreaterThan(40);
    expect(found.urls).toEqual([]);
  });

  it('sends a CSP naming no other origin and letting no inline script run without the nonce', () => {
    expect(found.visited.length).toBeGreaterThan(40);
    expect(found.csp).toEqual([]);
  });

  it('asks the browser for nothing its own CSP blocks', () => {
    expect(found.visited.length).toBeGreaterThan(40);
    expect(blocked).toEqual([]);
  });
});
