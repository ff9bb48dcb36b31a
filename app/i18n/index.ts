import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

export const LOCALES = ['fr', 'en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
/** A full set of messages: every language must translate every key (the type checker enforces it). */
export type Messages = Record<MessageKey, string>;

const catalogs: Record<Locale, Messages> = { en, fr, es };

/** The language names, each in its own language (for the switcher). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', es: 'Español' };

/** True when `value` is one of Plenum's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** True when `value` is a message key (error keys travel from server to client as strings). */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(en, value);
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
  const template = catalogs[locale][key] ?? en[key];
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
