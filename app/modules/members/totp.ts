import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as authenticator apps compute them: HMAC-SHA1,
// 30-second steps, 6 digits. Pure: node:crypto only, no database (two-factor.server.ts keeps secrets and steps).

/** Seconds per step. */
export const TOTP_PERIOD = 30;
/** Digits of a code. */
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: a phone's clock a little off, a code typed as it changes. */
export const TOTP_WINDOW = 1;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation). */
export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

/** A secret as authenticator apps take it: base32, upper case, no padding. */
export function secretToBase32(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret);
}

/** The secret back from base32 (spaces and case ignored). */
export function secretFromBase32(text: string): Uint8Array {
  return decodeBase32IgnorePadding(text.replace(/\s+/g, '').toUpperCase());
}

/** The base32 key in groups of 4 characters, for typing it by hand. */
export function groupedKey(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The 30-second step a moment falls in. */
export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / TOTP_PERIOD);
}

/** HOTP (RFC 4226): the code of one counter value, `digits` long, with HMAC-SHA1. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238): the code at a moment (ms since the epoch). */
export function totpAt(secret: Uint8Array, ms: number, digits = TOTP_DIGITS): string {
  return hotp(secret, stepAt(ms), digits);
}

/**
 * The step whose code `code` is, within the window around `ms`, or null if none matches. Every step of the window
 * is compared, in constant time, so timing says nothing of which one matched.
 */
export function matchingStep(secret: Uint8Array, code: string, ms: number): number | null {
  const typed = Buffer.from(code.replace(/\s+/g, ''));
  if (!/^\d{6}$/.test(typed.toString())) return null;
  const now = stepAt(ms);
  let found: number | null = null;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), typed) && found === null) found = step;
  }
  return found;
}

/** The otpauth:// address an authenticator app reads (Google's Key URI format): issuer, account, key. */
export function otpauthUri(props: { issuer: string; account: string; base32: string }): string {
  const label = encodeURIComponent(`${props.issuer}:${props.account}`);
  const query = new URLSearchParams({
    secret: props.base32,
    issuer: props.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
