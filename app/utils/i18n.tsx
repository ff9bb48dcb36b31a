import { useRouteLoaderData } from '@remix-run/react';
import {
  formatDecimal,
  hasCatalog,
  isLocale,
  isMessageKey,
  loadCatalog,
  t,
  type Locale,
  type MessageKey,
} from '~/i18n/index.ts';

/**
 * The reader's language, from the root loader (French when it is unknown, as on an error page). In the browser,
 * a language whose messages are not yet fetched (the reader just switched) suspends the render: the navigation
 * waits for them (Remix's updates are transitions) and the previous page stays until the new one can be shown
 * in its language.
 */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: string } | undefined;
  const locale = isLocale(data?.locale) ? data.locale : 'fr';
  // React 18's way to suspend on data: throw the promise it waits for.
  if (!hasCatalog(locale)) throw loadCatalog(locale);
  return locale;
}

/** The translation function for the reader's language. */
export function useT() {
  const locale = useLocale();
  return (key: MessageKey, values?: Record<string, string | number>) => t(locale, key, values);
}

/** Writes a number as the reader's language does ("77,8" in French): for figures outside a sentence. */
export function useFormatNumber() {
  const locale = useLocale();
  return (value: number) => formatDecimal(locale, value);
}

/** Translates a message key sent by the server (form errors); an unknown string is shown as it is. */
export function useTranslateError() {
  const translate = useT();
  return (message: string) => (isMessageKey(message) ? translate(message) : message);
}

type DateStyle = 'date' | 'datetime' | 'day';

// A formatter costs more to build than to use (ICU data is looked up on construction): one per language and
// style for the life of the process, not one per date shown.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date'
        ? { dateStyle: 'long' }
        : style === 'day'
          ? { dateStyle: 'long', timeZone: 'UTC' }
          : { dateStyle: 'medium', timeStyle: 'short' },
    );
    dateFormats.set(key, format);
  }
  return format;
}

/** Formats a date in the reader's language and time zone. */
export function useFormatDate() {
  const locale = useLocale();
  // 'day' is a calendar day stored at noon UTC (a date input's value): shown as that day everywhere.
  return (date: Date | string, style: DateStyle = 'date') => dateFormat(locale, style).format(new Date(date));
}

/** A page title in the reader's language, for a route's `meta` (which cannot use hooks): "<title> · Plenum". */
export function pageTitle(matches: readonly { id: string; data?: unknown }[], key: MessageKey) {
  const data = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined;
  return [{ title: `${t(isLocale(data?.locale) ? data.locale : 'fr', key)} · Plenum` }];
}

/**
 * How a contribution is signed: its author's name, or "former member" once they deleted their account (their
 * name was erased; see app/modules/members/deletion.server.ts).
 */
export function useSignature() {
  const t = useT();
  return (name: string | null | undefined) => (name ? name : t('debate.formerMember'));
}
