import type { en } from './en.ts';
import { serverCatalogs } from './catalogs.server.ts';

export const LOCALES = ['fr', 'en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
/** A full set of messages: every language must translate every key (the type checker enforces it). */
export type Messages = Record<MessageKey, string>;

/**
 * The catalogues at hand. The server has all three (catalogs.server.ts, an empty module in the browser's build);
 * the browser fetches the reader's before the page hydrates, and another when the reader switches
 * (`loadCatalog`): a page does not download the two languages it is not shown in.
 */
const catalogs: Partial<Record<Locale, Messages>> = { ...serverCatalogs };
const loading = new Map<Locale, Promise<void>>();

/** True when `locale`'s messages are at hand (always on the server). */
export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** Fetches `locale`'s messages (each language is a chunk of its own in the browser's build); once per language. */
export function loadCatalog(locale: Locale): Promise<void> {
  if (hasCatalog(locale)) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    const chunk =
      locale === 'fr'
        ? import('./fr.ts').then((m) => m.fr)
        : locale === 'es'
          ? import('./es.ts').then((m) => m.es)
          : import('./en.ts').then((m) => m.en);
    promise = chunk.then(
      (messages) => {
        catalogs[locale] = messages;
      },
      (error: unknown) => {
        loading.delete(locale); // a failed download may be retried by the next switch
        throw error;
      },
    );
    loading.set(locale, promise);
  }
  return promise;
}

/** Some catalogue at hand: every one has every key (the type checker enforces it). */
function anyCatalog(): Messages | undefined {
  return catalogs.en ?? catalogs.fr ?? catalogs.es;
}

/** The language names, each in its own language (for the switcher). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', es: 'Español' };

/** True when `value` is one of Plenum's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** True when `value` is a message key (error keys travel from server to client as strings). */
export function isMessageKey(value: unknown): value is MessageKey {
  const messages = anyCatalog();
  return typeof value === 'string' && messages !== undefined && Object.hasOwn(messages, value);
}

/**
 * A number as the language writes it: a decimal comma in French and Spanish ("77,8"), a point in English. Never
 * grouped ("2026", "10000"): placeholders carry years and counts that read fine ungrouped in every language.
 */
export function formatDecimal(locale: Locale, value: number): string {
  return Number.isInteger(value) ? String(value) : intl(locale).decimal.format(value);
}

// Intl's formatters cost more to build than to use: one of each per language for the life of the process.
const formatters = new Map<Locale, { decimal: Intl.NumberFormat; plural: Intl.PluralRules }>();
function intl(locale: Locale) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      decimal: new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 3 }),
      plural: new Intl.PluralRules(locale),
    };
    formatters.set(locale, found);
  }
  return found;
}

/**
 * Translates a key, replacing `{name}` placeholders with `values`. `{name:one|other}` picks a word by the
 * language's plural rule for that number ("1 chapter", "3 chapters"; French says "0 chapitre").
 */
export function t(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template = catalogs[locale]?.[key] ?? anyCatalog()?.[key] ?? key;
  if (!values) return template;
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in values ? (intl(locale).plural.select(Number(values[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in values)) return whole;
      const value = values[name];
      return typeof value === 'number' ? formatDecimal(locale, value) : String(value);
    });
}

/**
 * The best of the `offered` languages (Plenum's, unless the installation offers fewer) for an Accept-Language
 * header (RFC 9110 quality values), or null when the browser asks for none of them.
 */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
  offered: readonly Locale[] = LOCALES,
): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.trim().toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        order,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return (
    ranked.map((entry) => entry.lang).find((lang): lang is Locale => isLocale(lang) && offered.includes(lang)) ?? null
  );
}
