import { parse, serialize } from 'cookie';
import { appConfig } from './config.server.ts';

export const SESSION_COOKIE = 'plenum_session';
export const LOCALE_COOKIE = 'plenum_locale';
export const FLASH_COOKIE = 'plenum_flash';

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  try {
    return parse(header)[name];
  } catch {
    return undefined;
  }
}

function base() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: appConfig().secureCookies, path: '/' };
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure in production over HTTPS. */
export function sessionCookie(token: string, expiresAt: Date): string {
  return serialize(SESSION_COOKIE, token, { ...base(), expires: expiresAt });
}

/** Erases the session cookie. */
export function clearSessionCookie(): string {
  return serialize(SESSION_COOKIE, '', { ...base(), maxAge: 0 });
}

/** Remembers a chosen language for a year (for visitors without an account too). */
export function localeCookie(locale: string): string {
  return serialize(LOCALE_COOKIE, locale, { ...base(), maxAge: 365 * 24 * 3600 });
}

/** A one-time notice shown on the next page (e.g. "Your password was changed"). */
export function flashCookie(key: string): string {
  return serialize(FLASH_COOKIE, key, { ...base(), maxAge: 60 });
}

/** Erases the notice once shown. */
export function clearFlashCookie(): string {
  return serialize(FLASH_COOKIE, '', { ...base(), maxAge: 0 });
}

export const SECOND_STEP_COOKIE = 'plenum_second_step';

/**
 * The pending second step of a login (two-factor): sent only to the login pages, for its ten minutes. It is no
 * session: nothing else reads it.
 */
export function secondStepCookie(token: string, expiresAt: Date): string {
  return serialize(SECOND_STEP_COOKIE, token, { ...base(), path: '/login', expires: expiresAt });
}

/** Erases the pending second step. */
export function clearSecondStepCookie(): string {
  return serialize(SECOND_STEP_COOKIE, '', { ...base(), path: '/login', maxAge: 0 });
}
