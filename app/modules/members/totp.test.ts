import { describe, expect, it } from 'vitest';
import {
  groupedKey,
  hotp,
  matchingStep,
  otpauthUri,
  secretFromBase32,
  secretToBase32,
  stepAt,
  totpAt,
} from './totp.ts';

// RFC 6238, Appendix B: the SHA-1 rows (seed "12345678901234567890", 8 digits).
const SEED = new TextEncoder().encode('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('gives the RFC test vector at %i s', (seconds, code) => {
    expect(totpAt(SEED, seconds * 1000, 8)).toBe(code);
  });

  it('gives RFC 4226 HOTP values (Appendix D)', () => {
    expect([0, 1, 2, 9].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts the codes of the step before and after, and no further', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    expect(matchingStep(SEED, totpAt(SEED, now), now)).toBe(step);
    expect(matchingStep(SEED, totpAt(SEED, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(SEED, totpAt(SEED, now + 30_000), now)).toBe(step + 1);
    expect(matchingStep(SEED, totpAt(SEED, now - 60_000), now)).toBeNull();
    expect(matchingStep(SEED, totpAt(SEED, now + 60_000), now)).toBeNull();
  });

  it('refuses what is not six digits', () => {
    expect(matchingStep(SEED, '12345', 0)).toBeNull();
    expect(matchingStep(SEED, 'abcdef', 0)).toBeNull();
    expect(matchingStep(SEED, '7552241', 0)).toBeNull();
  });

  it('writes the key in base32 groups of four and back', () => {
    const base32 = secretToBase32(SEED);
    expect(base32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(groupedKey(base32)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
    expect(secretFromBase32(groupedKey(base32).toLowerCase())).toEqual(SEED);
  });

  it('builds the otpauth address apps read', () => {
    expect(otpauthUri({ issuer: 'Plenum', account: 'a@b.c', base32: 'ABCD' })).toBe(
      'otpauth://totp/Plenum%3Aa%40b.c?secret=ABCD&issuer=Plenum&algorithm=SHA1&digits=6&period=30',
    );
  });
});
