import { describe, expect, it } from 'vitest';
import { safeRedirect } from './errors.server.ts';

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
