import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { localeFromAcceptLanguage, t } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('translate every message with the same placeholders', () => {
    for (const [name, catalog] of Object.entries({ fr, es })) {
      expect(Object.keys(catalog).sort(), name).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(catalog[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
        expect(catalog[key].trim().length, `${name} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('fills placeholders', () => {
    expect(t('en', 'program.chapter', { n: 3 })).toBe('Chapter 3');
    expect(t('fr', 'program.chapter', { n: 3 })).toMatch(/3/);
  });

  it('writes a share with each language’s decimal mark, and years and counts ungrouped', () => {
    const turnout = { voters: 10, census: 11, percent: 90.9 };
    expect(t('en', 'rounds.turnout', turnout)).toContain('(90.9 %)');
    expect(t('fr', 'rounds.turnout', turnout)).toContain('(90,9 %)');
    expect(t('es', 'rounds.turnout', turnout)).toContain('(90,9 %)');
    expect(t('fr', 'program.chapter', { n: 2026 })).toMatch(/2026/);
  });

  it('picks singular or plural words by each language’s rule', () => {
    expect([0, 1, 2].map((n) => t('en', 'editor.words', { n }))).toEqual(['0 words', '1 word', '2 words']);
    expect([0, 1, 2].map((n) => t('fr', 'editor.words', { n }))).toEqual(['0 mot', '1 mot', '2 mots']);
    expect(t('es', 'import.confirm', { chapters: 1, sections: 4 })).toBe('Añadir 1 capítulo y 4 secciones');
  });
});

describe('language from Accept-Language', () => {
  it('picks the best supported language by quality', () => {
    expect(localeFromAcceptLanguage('es-AR,es;q=0.9,en;q=0.8')).toBe('es');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.5,fr;q=0.7')).toBe('fr');
    expect(localeFromAcceptLanguage('en-GB')).toBe('en');
  });

  it('returns null for nothing usable, including malformed headers', () => {
    expect(localeFromAcceptLanguage('de, it;q=0.5')).toBeNull();
    expect(localeFromAcceptLanguage(';;;q=abc,,')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
