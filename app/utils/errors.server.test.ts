import { describe, expect, it } from 'vitest';
import { enforce } from '~/policies/actor.ts';

import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { refusalData, refusalPage, safeRedirect, STATUS_OF } from './errors.server.ts';

const SITE = 'https://plenum.example';

/** Where a browser goes when it receives `Location: <location>` from a page of this site. */
const landing = (location: string) => new URL(location, `${SITE}/login`);

describe('safeRedirect', () => {
  it('keeps a path of this site as it is, query and fragment included', () => {
    expect(safeRedirect('/p/programme-2027/sections/abc?x=1#note')).toBe('/p/programme-2027/sections/abc?x=1#note');
    expect(safeRedirect('/')).toBe('/');
    expect(safeRedirect('/notifications')).toBe('/notifications');
    // The interstitial is a page of this site: it shows the address and lets the reader decide.
    expect(safeRedirect('/leave?to=https%3A%2F%2Fevil.example')).toBe('/leave?to=https%3A%2F%2Fevil.example');
  });

  it('never sends a browser to another site, however the address is spelt', () => {
    const hostile = [
      'https://evil.example',
      'http://evil.example/p',
      '//evil.example',
      '///evil.example',
      '/.//evil.example',
      '/./..//evil.example',
      '/..//evil.example',
      '/a/..//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/.%2e//evil.example',
      '/x/%2e%2e//evil.example/p?q#f',
      '/\\evil.example',
      '/.\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r//evil.example',
      ' //evil.example',
      '\u0000//evil.example',
      '/%2F%2Fevil.example',
      '/%5C%5Cevil.example',
      '/%09/evil.example',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https:evil.example',
      '/leave?to=https://evil.example',
      '',
    ];
    for (const to of hostile) {
      const location = safeRedirect(to);
      expect(landing(location).origin, JSON.stringify(to)).toBe(SITE);
      // What was decided is what a browser does: the answer reads the same once parsed again.
      expect(location, JSON.stringify(to)).toMatch(/^\/(?![/\\])/);
      expect(safeRedirect(location), JSON.stringify(to)).toBe(location);
    }
  });

  it('falls back on the home page (or what the caller chose) for what is not a path of this site', () => {
    expect(safeRedirect('/.//evil.example')).toBe('/');
    expect(safeRedirect('/%2e%2e//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example', '/account')).toBe('/account');
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});

describe('the answer of each kind of refusal', () => {
  const request = new Request('http://plenum.invalid/notifications?x=1');
  /** What a page answers when a module refuses `actor`. */
  const answerFor = (actor: Parameters<typeof enforce>[1]) => {
    try {
      enforce(false, actor, 'notifications.read');
    } catch (error) {
      return refusalPage(error as DomainError, request, 'en') as unknown as {
        init?: { status?: number };
        data?: unknown;
      };
    }
    throw new Error('no answer');
  };

  it('sends the public to the login page, and back here afterwards', () => {
    const answer = answerFor(null) as unknown as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/login?redirectTo=%2Fnotifications%3Fx%3D1');
  });

  it('refuses a member with a 403 that says whether they are suspended', () => {
    expect(answerFor({ id: 'm', role: 'MEMBER', suspended: true })).toMatchObject({
      init: { status: 403 },
      data: { suspended: true },
    });
    expect(answerFor({ id: 'm', role: 'MEMBER' })).toMatchObject({ init: { status: 403 }, data: { suspended: false } });
  });

  it('turns not found into a 404', () => {
    expect(refusalPage(new NotFoundError('x'), request, 'en')).toMatchObject({ status: 404 });
  });

  it("answers a refused form with its status, its message in the reader's language and its field", () => {
    const answer = refusalData(new DomainError('conflict', 'programs.errors.slugTaken', { field: 'slug' }), 'fr');
    expect(answer).toMatchObject({
      init: { status: 409 },
      data: { refusal: { key: 'programs.errors.slugTaken', field: 'slug' } },
    });
    expect(answer.data.refusal.message).not.toBe('programs.errors.slugTaken');
  });

  it('tells a throttled form when to try again, in words and in Retry-After', () => {
    const retryAt = new Date(Date.now() + 30_000);
    const answer = refusalData(new DomainError('throttled', 'login.throttled', { retryAt }), 'en');
    expect(answer.init?.status).toBe(429);
    expect(new Headers(answer.init?.headers).get('retry-after')).toMatch(/^(29|30)$/);
    expect(answer.data.refusal.message).toMatch(/(29|30) s/);
  });

  it('gives every kind an answer below 500', () => {
    for (const status of Object.values(STATUS_OF)) expect(status).toBeLessThan(500);
  });
});
