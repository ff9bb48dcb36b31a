import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './languages.server.ts';

describe('negotiateLocale', () => {
  it('answers a browser in the best language the installation offers', () => {
    expect(negotiateLocale(['fr', 'en', 'es'], { acceptLanguage: 'en-GB,en;q=0.9' })).toBe('en');
    // English is not offered: the browser's second wish, Spanish, is.
    expect(negotiateLocale(['fr', 'es'], { acceptLanguage: 'en-GB,es;q=0.5' })).toBe('es');
  });

  it('speaks the installation’s first language to a browser that asks only for others', () => {
    expect(negotiateLocale(['es'], { acceptLanguage: 'en-GB,fr;q=0.8' })).toBe('es');
    expect(negotiateLocale(['en', 'es'], {})).toBe('en');
  });

  it('passes over a cookie or a saved choice of a language no longer offered', () => {
    expect(negotiateLocale(['fr', 'es'], { chosen: 'en', member: 'es', acceptLanguage: 'fr' })).toBe('es');
    expect(negotiateLocale(['fr', 'es'], { chosen: 'en', member: 'en', acceptLanguage: 'de' })).toBe('fr');
    expect(negotiateLocale(['fr', 'en', 'es'], { chosen: 'es', member: 'en', acceptLanguage: 'fr' })).toBe('es');
  });
});
