import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareAdmissibleAmendment, roundForm } from '../e2e/support/scenarios.ts';
import { DEMO, startTarget, type Target } from './support/target.ts';

/**
 * Issue 16: the contract between routes and modules holds for every route, including the next one written.
 * The route list is read from app/routes (a new file is tested without anyone adding it here); each route's
 * loader (GET, and its single-fetch `.data`) and action (POST: an empty form, then one per intent its file
 * names) is called as an anonymous visitor, a suspended member and a member of another program, with real ids
 * of the demo program and with ids that exist nowhere. No answer may be a 5xx: every refusal has its answer.
 */

const ROUTES = path.resolve('app/routes');
const PROGRAM = 'programme-2027';
const HIDDEN = 'routes-hidden';
const NOWHERE = 'aaaaaaaaaaaaaaaa';

interface RouteFile {
  file: string;
  /** The URL pattern: `:name` for a parameter, `*` for a splat. */
  pattern: string;
  intents: string[];
}

/** The URL pattern of a Remix v2 flat route file (`p.$slug_.v.$version.export[.md].tsx`). */
function patternOf(file: string): string {
  const name = file.replace(/\.tsx?$/, '');
  const segments: string[] = [];
  let current = '';
  let escaped = false;
  for (const char of name) {
    if (char === '[') escaped = true;
    else if (char === ']') escaped = false;
    else if (char === '.' && !escaped) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  const parts = segments
    .filter((s) => s !== '_index' && !(s.startsWith('_') && s !== '_'))
    .map((s) => (s.endsWith('_') ? s.slice(0, -1) : s))
    .map((s) => (s === '$' ? '*' : s.startsWith('$') ? `:${s.slice(1)}` : s));
  return '/' + parts.join('/');
}

/** Every intent a route's file names: its forms' hidden fields, buttons, and the intents its action parses. */
function intentsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/name="intent"\s+value="(\w+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/intent="(\w+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/intent === '(\w+)'/g)) found.add(m[1]!);
  // Commands dispatched by a switch on the parsed intent (the amendment page's runCommand).
  for (const m of source.matchAll(/case '(\w+)':/g)) found.add(m[1]!);
  for (const m of source.matchAll(/intents: \[([^\]]*)\]/g)) {
    for (const i of m[1]!.matchAll(/'(\w+)'/g)) found.add(i[1]!);
  }
  return [...found].sort();
}

function routeFiles(): RouteFile[] {
  return readdirSync(ROUTES)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .sort()
    .map((file) => ({
      file,
      pattern: patternOf(file),
      intents: intentsOf(readFileSync(path.join(ROUTES, file), 'utf8')),
    }));
}

type Ids = Record<string, string>;

/** The address of `pattern` with each parameter taken from `ids`. */
function fill(pattern: string, ids: Ids): string {
  return pattern
    .split('/')
    .map((s) => (s === '*' ? 'nothing/here' : s.startsWith(':') ? encodeURIComponent(ids[s.slice(1)] ?? NOWHERE) : s))
    .join('/');
}

let target: Target;
let address = 0;
const real: Ids = {};
const cookies: Record<'suspended' | 'outsider', string> = { suspended: '', outsider: '' };
/** Refusals that came back with a 2xx status (each is a failure). */
const refusedWith2xx: string[] = [];

/** One request, from its own address (the server trusts one proxy here: the rate limit stays out of the way). */
async function call(method: 'GET' | 'POST', url: string, cookie: string, body?: URLSearchParams) {
  address++;
  const headers: Record<string, string> = {
    origin: target.url,
    'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
  };
  if (cookie) headers.cookie = cookie;
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(`${target.url}${url}`, { method, headers, body: body?.toString(), redirect: 'manual' });
  const text = await res.text();
  // A refused form answers with the refusal's status: a route without a page once sent its refusals as 200.
  if (
    res.status < 300 &&
    /^application\/json/.test(res.headers.get('content-type') ?? '') &&
    text.includes('"refusal"')
  )
    refusedWith2xx.push(`${res.status} ${method} ${url}: ${text.slice(0, 120)}`);
  return res.status;
}

beforeAll(async () => {
  target = await startTarget({ env: { TRUST_PROXY: '1' } });
  // Something behind every kind of id: an admissible amendment, an open round, a group (all on the demo program).
  const { cookies: demo, post, sections, amendmentId } = await prepareAdmissibleAmendment(target);
  const round = await post(`/p/${PROGRAM}/rounds/new`, 'moderation', {
    ...roundForm('Un tour', 'Pour voir.'),
    amendmentIds: amendmentId,
  });
  const group = await post('/groups', 'camille', { name: 'Un groupe', area: 'Lyon', description: 'Un groupe local.' });
  const outline = await (await fetch(`${target.url}/p/${PROGRAM}`)).text();
  Object.assign(real, {
    slug: PROGRAM,
    version: '1',
    sectionId: sections[0],
    chapterId: /\/chapters\/([a-z2-7]{16})/.exec(outline)?.[1],
    amendmentId,
    roundId: round.split('/').pop(),
    groupId: group.split('/').pop(),
  });
  // A member of another program: a plain member facing a program whose draft is closed to the public.
  cookies.outsider = demo.get('lucia')!;
  cookies.suspended = demo.get('yanis')!;
  const admin = await target.cookieOf(DEMO.admin);
  const list = await (await fetch(`${target.url}/admin/members`, { headers: { cookie: admin } })).text();
  const memberId = new RegExp(
    `data-member-email="${DEMO.member3}"[\\s\\S]*?name="memberId" value="([a-z2-7]{16})"`,
  ).exec(list)![1]!;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  expect(await call('POST', '/admin/members', admin, form({ intent: 'suspend', memberId, reason: 'Essai' }))).toBe(302);
  expect(
    await call('POST', '/programs/new', demo.get('moderation')!, form({ title: 'Programme caché', slug: HIDDEN })),
  ).toBe(302);
}, 120_000);

afterAll(async () => {
  await target?.stop();
});

describe('every route of app/routes', () => {
  const routes = routeFiles();

  it('is found, one per file, each with an address', () => {
    const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(40);
    expect(routes.map((r) => r.file)).toEqual(files.sort());
    expect(patternOf('p.$slug_.v.$version.export[.md].tsx')).toBe('/p/:slug/v/:version/export.md');
    expect(patternOf('_index.tsx')).toBe('/');
    expect(patternOf('$.tsx')).toBe('/*');
    expect(routes.find((r) => r.file === 'p.$slug.amendments.$amendmentId.tsx')?.intents).toContain('support');
  });

  it('keeps every loader and action out of the browser: the wrapper calls are pure, the bundles free of them', () => {
    for (const route of routes) {
      const source = readFileSync(path.join(ROUTES, route.file), 'utf8');
      for (const m of source.matchAll(/export const (loader|action) = (.*)/g)) {
        expect(m[2], `${route.file}: ${m[1]}`).toMatch(/^\/\* @__PURE__ \*\/ route(Loader|Action)\(/);
      }
    }
    const bundles = path.resolve('public/build/routes');
    for (const file of readdirSync(bundles).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(path.join(bundles, file), 'utf8'), file).not.toMatch(/routeLoader|routeAction/);
    }
  });

  it('tells a suspended member opening Notifications that they are suspended, on the page and in its data', async () => {
    const page = await fetch(`${target.url}/notifications`, { headers: { cookie: cookies.suspended } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('data-testid="suspended-page"');
    const data = await fetch(`${target.url}/notifications.data`, { headers: { cookie: cookies.suspended } });
    expect(data.status).toBeLessThan(500);
    await data.arrayBuffer();
  });

  it('answers anonymous visitors, suspended members and members of another program without a 5xx', async () => {
    expect(real.sectionId && real.amendmentId, JSON.stringify(real)).toBeTruthy();
    const nowhere: Ids = { slug: 'no-such-program', version: '999999' };
    // The hidden program's address with the demo program's ids: things that exist, but not there.
    const crossed: Ids = { ...real, slug: HIDDEN };
    const cases = [
      { who: 'anonymous', cookie: '', ids: [real, nowhere] },
      { who: 'suspended', cookie: cookies.suspended, ids: [real, nowhere] },
      { who: 'outsider', cookie: cookies.outsider, ids: [crossed, nowhere] },
    ];
    const failures: string[] = [];
    let requests = 0;
    const jobs: (() => Promise<void>)[] = [];
    for (const route of routes) {
      for (const { who, cookie, ids } of cases) {
        for (const set of ids) {
          const url = fill(route.pattern, set);
          const check = (what: string, status: number) => {
            requests++;
            if (status >= 500) failures.push(`${status} ${what} as ${who} (${route.file})`);
          };
          const bag = {
            id: NOWHERE,
            memberId: NOWHERE,
            commentId: NOWHERE,
            groupId: set.groupId ?? NOWHERE,
            intoId: set.amendmentId ?? NOWHERE,
            sectionId: set.sectionId ?? NOWHERE,
            chapterId: set.chapterId ?? NOWHERE,
            reason: 'Une raison',
            body: 'Un texte',
            title: 'Un titre',
            text: 'Un texte',
            email: DEMO.member,
            code: 'ABCD',
          };
          jobs.push(async () => check(`GET ${url}`, await call('GET', url, cookie)));
          jobs.push(async () => {
            const data = url === '/' ? '/_root.data' : `${url}.data`;
            check(`GET ${data}`, await call('GET', data, cookie));
          });
          jobs.push(async () => check(`POST ${url} (empty)`, await call('POST', url, cookie, new URLSearchParams())));
          for (const intent of [...route.intents, 'no-such-intent']) {
            jobs.push(async () => {
              const status = await call('POST', url, cookie, new URLSearchParams({ ...bag, intent }));
              check(`POST ${url} intent=${intent}`, status);
            });
          }
        }
      }
    }
    // A few at a time: enough to be quick, not so many that the test measures the machine.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      }),
    );
    target.assertAlive();
    expect(requests).toBe(jobs.length);
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    expect(refusedWith2xx, refusedWith2xx.slice(0, 20).join('\n')).toEqual([]);
    expect(target.serverErrors()).toEqual([]);
    expect((await fetch(`${target.url}/healthz`)).status).toBe(200);
  }, 600_000);
});
