import { db } from '~/utils/db.server.ts';

const HOUR = 60 * 60 * 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/** How failures of one kind are throttled. */
interface Rule {
  scope: 'account' | 'address' | 'code';
  /** Failures allowed in an hour before any delay. */
  free: number;
  /** Never more failures than this in an hour (ASVS 2.2.1: at most 100 per account). */
  hourlyCap: number;
}
export const ACCOUNT_RULE: Rule = { scope: 'account', free: 5, hourlyCap: 100 };
export const ADDRESS_RULE: Rule = { scope: 'address', free: 20, hourlyCap: 300 };
/**
 * Two-factor codes (authenticator, recovery, a ballot's mailed code), per member: a six-digit code is guessed far
 * sooner than a password, so the hourly cap is lower (30 guesses an hour: see ADR 0027 for the odds).
 */
export const CODE_RULE: Rule = { scope: 'code', free: 5, hourlyCap: 30 };

/** When the next attempt may be made, given the failures of the last hour (oldest first). */
export function nextAllowedAt(failures: Date[], rule: Rule): Date | null {
  const n = failures.length;
  if (n < rule.free) return null;
  const last = failures[n - 1]!;
  if (n >= rule.hourlyCap) return new Date(failures[n - rule.hourlyCap]!.getTime() + HOUR);
  // 1 s after the first failures past the free ones, then doubling: 1, 2, 4, 8 s ... up to 15 minutes.
  const delay = Math.min(1000 * 2 ** (n - rule.free), MAX_DELAY_MS);
  return new Date(last.getTime() + delay);
}

async function failuresOf(scope: string, key: string, now: Date, before?: bigint): Promise<Date[]> {
  const rows = await db().loginFailure.findMany({
    where: { scope, key, createdAt: { gt: new Date(now.getTime() - HOUR) }, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

/**
 * The moment a login for this email from this address may be tried again, or null if it may be tried now.
 * Keyed by the email as typed (normalized), whether or not an account has it: the answer reveals nothing.
 */
export async function loginRetryAt(
  email: string,
  address: string,
  now = new Date(),
  /** Only count failures recorded before this attempt (see beginLoginAttempt). */
  attempt?: LoginAttempt,
): Promise<Date | null> {
  const [account, fromAddress] = await Promise.all([
    failuresOf('account', email, now, attempt?.accountRowId).then((f) => nextAllowedAt(f, ACCOUNT_RULE)),
    failuresOf('address', address, now, attempt?.addressRowId).then((f) => nextAllowedAt(f, ADDRESS_RULE)),
  ]);
  const latest = [account, fromAddress].filter((d): d is Date => d !== null && d > now);
  return latest.length ? new Date(Math.max(...latest.map((d) => d.getTime()))) : null;
}

/** Forgets an account's failures after a successful login (the address keeps its record). */
export async function clearLoginFailures(email: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { scope: 'account', key: email } });
}

/** An attempt recorded as a failure until it succeeds: its two LoginFailure rows. */
export interface LoginAttempt {
  accountRowId: bigint;
  addressRowId: bigint;
}

/**
 * Records a login attempt as a failure before the password is checked, so that simultaneous attempts see each
 * other: a burst of parallel guesses is throttled like a sequence of them.
 */
export async function beginLoginAttempt(email: string, address: string, now = new Date()): Promise<LoginAttempt> {
  const [account, fromAddress] = await db().$transaction([
    db().loginFailure.create({ data: { scope: 'account', key: email, createdAt: now }, select: { id: true } }),
    db().loginFailure.create({ data: { scope: 'address', key: address, createdAt: now }, select: { id: true } }),
    // Failures older than the hour no longer count: forget them.
    db().loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - HOUR) } } }),
  ]);
  return { accountRowId: account.id, addressRowId: fromAddress.id };
}

/** Forgets an attempt that was refused before any password check (it was not a guess). */
export async function cancelLoginAttempt(attempt: LoginAttempt): Promise<void> {
  await db().loginFailure.deleteMany({ where: { id: { in: [attempt.accountRowId, attempt.addressRowId] } } });
}

/**
 * Records a two-factor code attempt as a failure before the code is checked (as beginLoginAttempt does for
 * passwords), against the member and the address; throws nothing. Pair with codeRetryAt.
 */
export async function beginCodeAttempt(memberId: string, address: string, now = new Date()): Promise<LoginAttempt> {
  const [member, fromAddress] = await db().$transaction([
    db().loginFailure.create({ data: { scope: 'code', key: memberId, createdAt: now }, select: { id: true } }),
    db().loginFailure.create({ data: { scope: 'address', key: address, createdAt: now }, select: { id: true } }),
  ]);
  return { accountRowId: member.id, addressRowId: fromAddress.id };
}

/** When the member may try a code again from this address, or null if now (failures before `attempt` only). */
export async function codeRetryAt(
  memberId: string,
  address: string,
  attempt: LoginAttempt,
  now = new Date(),
): Promise<Date | null> {
  const [member, fromAddress] = await Promise.all([
    failuresOf('code', memberId, now, attempt.accountRowId).then((f) => nextAllowedAt(f, CODE_RULE)),
    failuresOf('address', address, now, attempt.addressRowId).then((f) => nextAllowedAt(f, ADDRESS_RULE)),
  ]);
  const latest = [member, fromAddress].filter((d): d is Date => d !== null && d > now);
  return latest.length ? new Date(Math.max(...latest.map((d) => d.getTime()))) : null;
}

/** Forgets a member's failed codes after a right one. */
export async function clearCodeFailures(memberId: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { scope: 'code', key: memberId } });
}
