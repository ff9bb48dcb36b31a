import { LOCALES, isLocale, localeFromAcceptLanguage, type Locale } from '~/i18n/index.ts';
import { db, type Tx } from '~/utils/db.server.ts';

/**
 * The languages an installation offers (ADR 0030, 0038): set at setup, they govern every choice of language,
 * not only the switcher: the negotiation of each request, the switch, mails, and a new program's language.
 */

/** What every page shows of the installation: the movement's name (null: none given) and the languages offered. */
export interface InstallationLook {
  movementName: string | null;
  /** In Plenum's order (fr, en, es), never empty; the first is the installation's first language. */
  locales: Locale[];
}

// The Remix build bundles its own copy of this module while server/ loads the source (as db.server.ts).
const KEY = Symbol.for('plenum.installation-look');
type Holder = { [KEY]?: { value: Promise<InstallationLook>; readAt: number } | null };

/** How long the installation's look is served from memory: several processes see a change within this. */
const LOOK_TTL_MS = 60_000;

/**
 * The installation's look for the header, from memory for a minute (every page asks). No row (the demo, an
 * installation older than setup): no name, every language. The read itself is kept, not only its result: when
 * the minute runs out under load, the requests arriving before the row is back share one read instead of each
 * queueing its own for a database connection (bench:movement saw hundreds queued behind one another).
 */
export function installationLook(now = Date.now()): Promise<InstallationLook> {
  const holder = globalThis as Holder;
  const kept = holder[KEY];
  if (kept && now - kept.readAt < LOOK_TTL_MS) return kept.value;
  const value = db()
    .installation.findUnique({ where: { id: 1 }, select: { movementName: true, locales: true } })
    .then((row) => ({ movementName: row?.movementName ?? null, locales: offeredOf(row) }));
  const entry = { value, readAt: now };
  holder[KEY] = entry;
  // A failed read is not kept: the next request reads again.
  value.catch(() => {
    if (holder[KEY] === entry) holder[KEY] = null;
  });
  return value;
}

/** The languages a row offers, in Plenum's order; every language without a row or with none. */
function offeredOf(row: { locales: string[] } | null): Locale[] {
  const offered = LOCALES.filter((l) => row?.locales.includes(l));
  return offered.length > 0 ? offered : [...LOCALES];
}

/**
 * The installation's first language, read through `tx` (inside a transaction, a read through another client
 * would wait for it): the language of a program created without one.
 */
export async function firstLocale(tx: Tx): Promise<Locale> {
  const row = await tx.installation.findUnique({ where: { id: 1 }, select: { locales: true } });
  return offeredOf(row)[0] ?? 'fr';
}

/** Drops the look kept in memory, after a change of the installation's settings in this process. */
export function forgetInstallationLook(): void {
  (globalThis as Holder)[KEY] = null;
}

/** The languages offered, in Plenum's order. */
export async function offeredLocales(): Promise<Locale[]> {
  return (await installationLook()).locales;
}

/** What a request says about its reader's language, strongest first (ADR 0005). */
export interface LocaleClues {
  /** The `plenum_locale` cookie: an explicit choice. */
  chosen?: string | null;
  /** The signed-in member's saved language. */
  member?: string | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
}

/**
 * The reader's language among those `offered`: the first clue that names an offered language wins (a cookie or
 * saved choice of a language no longer offered is passed over, as is a browser's wish for one), else the
 * installation's first language.
 */
export function negotiateLocale(offered: readonly Locale[], clues: LocaleClues): Locale {
  const fits = (value: unknown): value is Locale => isLocale(value) && offered.includes(value);
  if (fits(clues.chosen)) return clues.chosen;
  if (fits(clues.member)) return clues.member;
  return localeFromAcceptLanguage(clues.acceptLanguage, offered) ?? offered[0] ?? 'fr';
}

/** The language to write to someone whose saved language is `saved`: it, if still offered, else the first offered. */
export async function offeredLocale(saved: string | null | undefined): Promise<Locale> {
  return negotiateLocale(await offeredLocales(), { member: saved });
}

/**
 * The movement's language, for a mail to someone whose language nobody knows yet (a register invitation): the
 * language most of its programs are written in (the earliest program breaks a tie), if offered; else the
 * installation's first language. An English-speaking movement is written to in English even though Plenum's
 * order puts French first.
 */
export async function movementLocale(): Promise<Locale> {
  const offered = await offeredLocales();
  const rows = await db().$queryRaw<{ language: string }[]>`
    SELECT language FROM "Program" GROUP BY language ORDER BY count(*) DESC, min("createdAt"), language`;
  return rows.map((r) => r.language).find((l): l is Locale => isLocale(l) && offered.includes(l)) ?? offered[0] ?? 'fr';
}

/** The language asked for by the switcher, if the installation offers it; null otherwise. */
export async function offeredChoice(value: unknown): Promise<Locale | null> {
  return isLocale(value) && (await offeredLocales()).includes(value) ? value : null;
}
