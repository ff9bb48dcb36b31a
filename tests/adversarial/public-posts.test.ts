import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 15, "Tests and figures": random form bodies on every public POST never answer 500. Every form an
 * anonymous visitor can send (found from app/routes: the actions without requireMember), their single-fetch
 * twins (`.data`), and pages that take no POST or need an account, which must refuse it, not fail on it.
 */

let target: Target;
beforeAll(async () => {
  // Each run comes from an address of its own (as many visitors would), so the per-address rate limit and
  // login throttle answer 429 only where the property is about them, not for the whole run.
  target = await startTarget({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await target?.stop();
});

const PUBLIC_POSTS = [
  '/login',
  '/login.data',
  '/signup',
  '/signup.data',
  '/forgot-password',
  '/reset-password',
  '/reset-password?token=abcdefghijklmnopqrstuvwxyz234567',
  '/verify-email',
  '/verify-email?token=abc',
  '/locale',
  '/locale.data',
  '/logout',
  '/notifications/unsubscribe',
  // The setup form, on an installation that has members: refused (409 or 400), never a failure.
  '/setup',
  '/setup?token=abc',
  '/p/programme-2027/rounds/aaaaaaaaaaaaaaaa/board',
  // No action, or members only: refused, never a failure.
  '/',
  '/_root.data',
  '/p/programme-2027',
  '/p/programme-2027/import',
  '/leave?to=https%3A%2F%2Fexample.org',
  '/privacy',
];

/** The field names these forms read, and some they do not. */
const name = fc.oneof(
  fc.constantFrom(
    'email',
    'password',
    'displayName',
    'confirm',
    'token',
    'locale',
    'redirectTo',
    'intent',
    'm',
    'k',
    'what',
    'code',
    '__proto__',
    'constructor',
    'email[]',
    'a.b',
  ),
  fc.string({ maxLength: 20 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', 'fr', 'en', 'xx', 'admin@plenum.localhost', '//evil.example', 'javascript:alert(1)', '\u0000'),
  fc.string({ unit: 'binary', minLength: 200, maxLength: 3000 }),
);
const fields = fc.array(fc.tuple(name, value), { maxLength: 25 });

/** A body and its Content-Type: a well-formed form, a broken one, or something that is no form at all. */
const body = fc.oneof(
  fields.map((f) => ({ type: 'application/x-www-form-urlencoded', data: new URLSearchParams(f).toString() })),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((data) => ({ type: 'application/x-www-form-urlencoded', data })),
  fc.nat(3000).map((n) => ({ type: 'application/x-www-form-urlencoded', data: 'email=a%40b.c&' + 'f=1&'.repeat(n) })),
  fields.map((f) => {
    const form = new FormData();
    for (const [k, v] of f) form.append(k, v);
    return { type: null, data: form };
  }),
  fc
    .tuple(
      fc.constantFrom(
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'text/plain',
        'application/json',
        'application/x-www-form-urlencoded; charset=latin1',
        'garbage',
      ),
      fc.uint8Array({ maxLength: 2000 }),
    )
    .map(([type, data]) => ({ type, data: new Uint8Array(data) })),
);

describe('random bodies on every public POST', () => {
  it('never answer 5xx, and the server keeps answering', async () => {
    const seen = new Map<number, number>();
    await underAttack(target, () =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...PUBLIC_POSTS),
          body,
          fc.ipV4(),
          fc.constantFrom('fr', 'en-GB,en;q=0.8', 'es', '*'),
          async (path, { type, data }, address, language) => {
            const headers: Record<string, string> = {
              origin: target.url,
              'x-forwarded-for': address,
              'accept-language': language,
            };
            if (type) headers['content-type'] = type;
            const res = await fetch(`${target.url}${path}`, {
              method: 'POST',
              redirect: 'manual',
              headers,
              body: data,
            });
            await res.arrayBuffer();
            seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
            expect(res.status, `${path} ${type}`).toBeLessThan(500);
          },
        ),
        {
          numRuns: 250,
          // Found by this property on CI: a NUL in a field reached a database lookup and answered 500.
          examples: [
            [
              '/notifications/unsubscribe',
              { type: 'application/x-www-form-urlencoded', data: 'm=%00&k=%00' },
              '10.0.0.1',
              'fr',
            ],
          ],
        },
      ),
    );
    // The runs reached the forms' answers, not only the guards: refusals of the form, redirects, pages.
    expect(seen.has(413)).toBe(true);
    expect(seen.has(400)).toBe(true);
    expect([...seen.keys()].some((status) => status === 200 || status === 302 || status === 303)).toBe(true);
  });
});
