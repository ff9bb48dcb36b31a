import { db } from '~/utils/db.server.ts';

const HOUR = 60 * 60 * 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/** How failures of one kind are throttled. */
interface Rule {
  scope: 'account' | 'address';
  /** Failures allowed in an hour before any delay. */
  free: number;
  /** Never more failures than this in an hour (ASVS 2.2.1: at most 100 per account). */
  hourlyCap: number;
}
export const ACCOUNT_RULE: Rule = { scope: 'account', free: 5, hourlyCap: 100 };
export const ADDRESS_RULE: Rule = { scope: 'address', free: 20, hourlyCap: 300 };

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

async function failuresOf(scope: string, key: string, now: Date): Promise<Date[]> {
  const rows = await db().loginFailure.findMany({
    where: { scope, key, createdAt: { gt: new Date(now.getTime() - HOUR) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

/**
 * The moment a login for this email from this address may be tried again, or null if it may be tried now.
 * Keyed by the email as typed (normalized), whether or not an account has it: the answer reveals nothing.
 */
export async function loginRetryAt(email: string, address: string, now = new Date()): Promise<Date | null> {
  const [account, fromAddress] = await Promise.all([
    failuresOf('account', email, now).then((f) => nextAllowedAt(f, ACCOUNT_RULE)),
    failuresOf('address', address, now).then((f) => nextAllowedAt(f, ADDRESS_RULE)),
  ]);
  const latest = [account, fromAddress].filter((d): d is Date => d !== null && d > now);
  return latest.length ? new Date(Math.max(...latest.map((d) => d.getTime()))) : null;
}

/** Records one failed login against the email and the address; forgets failures older than an hour. */
export async function recordLoginFailure(email: string, address: string, now = new Date()): Promise<void> {
  await db().$transaction([
    db().loginFailure.createMany({
      data: [
        { scope: 'account', key: email, createdAt: now },
        { scope: 'address', key: address, createdAt: now },
      ],
    }),
    db().loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - HOUR) } } }),
  ]);
}

/** Forgets an account's failures after a successful login (the address keeps its record). */
export async function clearLoginFailures(email: string): Promise<void> {
  await db().loginFailure.deleteMany({ where: { scope: 'account', key: email } });
}
