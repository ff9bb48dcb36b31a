import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, ...headers },
  });

describe('health', () => {
  it('answers JSON with the database engine and its state', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: { engine: server.engine, status: 'up' } });
    expect(typeof body.database.latencyMs).toBe('number');
  });
});

describe('cross-site requests', () => {
  it('refuses a POST from a foreign origin, in the reader’s language, and changes nothing', async () => {
    const res = await post('/login', form({ email: 'admin@plenum.localhost', password: 'x' }), {
      origin: 'https://evil.example',
      'accept-language': 'fr-FR,fr;q=0.9',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Requête refusée : elle ne vient pas de ce site.');
  });

  it('refuses a POST with neither Origin nor Referer, and accepts one from this site', async () => {
    const bare = await fetch(`${server.url}/locale`, {
      method: 'POST',
      body: form({ locale: 'en' }),
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bare.status).toBe(403);
    const same = await post('/locale', form({ locale: 'en', redirectTo: '/' }));
    expect(same.status).toBe(302);
    expect(same.headers.get('set-cookie')).toMatch(/plenum_locale=en;.*HttpOnly.*SameSite=Lax/i);
  });
});

describe('cross-site requests to the open data API', () => {
  it('answers 405 in JSON, as docs/api.md says, where a form elsewhere gets 403 in plain text', async () => {
    for (const path of ['/api/v1/programs', '/api/v1/programs/no-such-program']) {
      const res = await post(path, form({ x: '1' }), { origin: 'https://evil.example' });
      expect(res.status).toBe(405);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(await res.json()).toEqual({ error: 'The open data API is read-only: use GET.' });
    }
    const bare = await fetch(`${server.url}/api/v1/programs`, { method: 'DELETE', redirect: 'manual' });
    expect(bare.status).toBe(405);
    expect(await bare.json()).toEqual({ error: 'The open data API is read-only: use GET.' });
    const page = await post('/locale', form({ locale: 'en' }), { origin: 'https://evil.example' });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});

describe('headers', () => {
  it('sends a strict CSP with no third-party origin, no framing, and a same-origin referrer policy', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[a-z2-7]{16}$/);
    const html = await res.text();
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    // Every inline script carries the nonce; none would run without it.
    for (const tag of html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('caches hashed build files for a year, and other files briefly', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const asset = html.match(/\/build\/[^"]+\.js/)![0];
    const res = await fetch(`${server.url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/favicon.svg`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('redirects', () => {
  it('never redirects to another site after logging in', async () => {
    for (const redirectTo of ['//evil.example/steal', '/\t/evil.example', '/\\evil.example', 'https://evil.example']) {
      const res = await post(
        '/login',
        form({ email: 'admin@plenum.localhost', password: server.logins.get('admin@plenum.localhost')!, redirectTo }),
      );
      expect(res.status, redirectTo).toBe(302);
      expect(res.headers.get('location'), redirectTo).toBe('/');
      expect(res.headers.get('set-cookie')).toMatch(/plenum_session=[a-z2-7]{32};.*HttpOnly.*SameSite=Lax/i);
    }
    const signedIn = await post(
      '/login',
      form({ email: 'admin@plenum.localhost', password: server.logins.get('admin@plenum.localhost')! }),
    );
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const bounce = await fetch(`${server.url}/login?redirectTo=%2F%09%2Fevil.example`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(bounce.headers.get('location')).toBe('/');
  });
});

describe('malformed input', () => {
  const hostile = [
    '',
    'email=%E0%A4%A&password=',
    'email[]=a&email[]=b&password[$ne]=x',
    `email=${'a'.repeat(100_000)}@x.org&password=${'p'.repeat(5000)}`,
    '%%%%%',
    'intent=password&currentPassword=&newPassword=short&confirm=other',
    'memberId=%00&role=GOD&reason=',
    'token=../../etc/passwd&password=aaaaaaaaaaaa&confirm=aaaaaaaaaaaa',
  ];
  const actions = [
    '/signup',
    '/login',
    '/forgot-password',
    '/reset-password',
    '/verify-email',
    '/locale',
    '/account',
    '/admin/members',
    '/p/programme-2027/settings',
    '/logout', // last: it ends the admin's session
  ];

  // Sessions of the public (none) and of an admin, so hostile input reaches every action, not the login page.
  // Taken first: the hostile logins below soon throttle this address.
  let adminCookie = '';
  beforeAll(async () => {
    const login = await post(
      '/login',
      form({ email: 'admin@plenum.localhost', password: server.logins.get('admin@plenum.localhost')! }),
    );
    adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  const sessions = async () => ['', adminCookie];

  it('never answers 500 to odd addresses, queries and cookies', async () => {
    const paths = [
      '/p/%E0%A4%A',
      '/p/%00',
      '/p/programme-2027/sections/%00',
      '/p/../../etc/passwd',
      '/reset-password?token=%00%01',
      '/verify-email?token[]=1',
      '/admin/members?page=-99999999999999999999&q=%00',
      '/admin/members?page=1.5',
      '/admin/members?page=Infinity&q=%25%5F',
      '/login?redirectTo=https://evil.example',
      `/p/${'x'.repeat(5000)}`,
    ];
    for (const cookie of await sessions()) {
      if (cookie) expect((await fetch(`${server.url}/account`, { headers: { cookie } })).status).toBe(200);
      for (const path of paths) {
        const res = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie } });
        expect(res.status, path).toBeLessThan(500);
        const text = await res.text();
        expect(text, path).not.toMatch(/at .*\.(ts|js):\d+/);
      }
    }
    for (const cookie of [
      'plenum_flash=__proto__',
      'plenum_flash=constructor',
      'plenum_locale=__proto__',
      'plenum_session=%00',
    ]) {
      expect((await fetch(`${server.url}/`, { headers: { cookie } })).status, cookie).toBe(200);
    }
    const chunked = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('email=a@b.org&password=x'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(server.output()).not.toMatch(/"level":"error"/);
  });

  it('never answers 500 to hostile form posts, signed in or not', async () => {
    for (const cookie of await sessions()) {
      if (cookie) expect((await fetch(`${server.url}/account`, { headers: { cookie } })).status).toBe(200);
      for (const path of actions) {
        for (const body of [...hostile, `displayName=Ro%00sa&email=a%00@b.org&reason=x%00yz&intent=name`]) {
          const res = await post(path, body, cookie ? { cookie } : {});
          expect(res.status, `${path} <- ${body.slice(0, 40)} (${cookie ? 'admin' : 'public'})`).toBeLessThan(500);
        }
        const json = await post(path, '{"email": {"$gt": ""}}', { 'content-type': 'application/json', cookie });
        expect(json.status, `${path} <- json`).toBeLessThan(500);
      }
    }
  });
});
