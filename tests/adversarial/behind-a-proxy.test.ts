import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, startTarget, underAttack, type Target } from './support/target.ts';

// Plenum behind a reverse proxy (issue 15). Browsers send the public address as Origin; a proxy that rewrites
// Host to the app's own address, without X-Forwarded-Host, made every form answer 500 (Remix refuses an
// action whose Origin is not the host it is given, with an error). Such a request is now refused up front:
// 403, and a log line that tells the administrator what to set.
const PUBLIC_URL = 'https://plenum.example';
let target: Target;

beforeAll(async () => {
  target = await startTarget({ env: { PUBLIC_URL } });
});
afterAll(async () => {
  await target?.stop();
});

/** A form posted from the public site, reaching the app through a proxy that sends `headers` on. */
const throughProxy = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  postForm(target, path, new URLSearchParams(fields), { headers: { origin: PUBLIC_URL, ...headers } });

describe('a proxy that rewrites Host', () => {
  it('gets 403 for every form, in the reader’s language, and the log says to set PUBLIC_URL and TRUST_PROXY', async () => {
    const answers = await underAttack(target, async () => {
      const seen: { status: number; body: string }[] = [];
      for (const [path, fields] of [
        ['/login', { email: 'camille@plenum.localhost', password: 'not the password' }],
        ['/signup', { displayName: 'Par le proxy', email: 'proxy@example.org', password: 'a long enough password' }],
        ['/forgot-password', { email: 'camille@plenum.localhost' }],
        ['/locale', { locale: 'en', redirectTo: '/' }],
      ] as const) {
        const res = await throughProxy(path, fields, { 'accept-language': 'es-ES,es;q=0.9' });
        seen.push({ status: res.status, body: await res.text() });
      }
      return seen;
    });
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatch(/^Solicitud rechazada/);
    }
    const warning = target
      .output()
      .split('\n')
      .find((line) => line.includes('"level":"warn"') && line.includes('PUBLIC_URL'));
    expect(warning).toBeDefined();
    expect(warning).toContain('TRUST_PROXY');
    expect(warning).toContain(PUBLIC_URL);
  });

  it('works once the proxy passes the public host on (X-Forwarded-Host)', async () => {
    const res = await underAttack(target, () =>
      throughProxy('/locale', { locale: 'en', redirectTo: '/' }, { 'x-forwarded-host': 'plenum.example' }),
    );
    expect(res.status).toBe(302);
  });
});

describe('a forged X-Forwarded-Host', () => {
  it('is refused with 403, not an error, even with this site’s own Origin', async () => {
    const res = await underAttack(target, () =>
      postForm(target, '/forgot-password', new URLSearchParams({ email: 'camille@plenum.localhost' }), {
        headers: { 'x-forwarded-host': 'evil.example' },
      }),
    );
    expect(res.status).toBe(403);
  });
});
