import type { CurrentMember } from '~/utils/request-context.ts';
import type { Role } from '~/generated/prisma/enums.ts';
import { database, db } from '~/utils/db.server.ts';
import { generateToken, hashToken } from './tokens.server.ts';
import { twoFactorDue as twoFactorDueFor } from './two-factor-rule.server.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A session lives 30 days, extended while it is used (sliding expiry, as in Lucia's guide). */
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session unused for 14 days is closed even if it has not expired. */
export const SESSION_IDLE_TIMEOUT_MS = 14 * DAY;
// Writes are spared: the expiry moves only in its second half, the last use is noted once a minute.
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;
const TOUCH_EVERY_MS = 60 * 1000;

/** The signed-in member, as every request sees it (defined beside the request's context). */
export type { CurrentMember };

export interface ValidSession {
  id: string;
  expiresAt: Date;
  member: CurrentMember;
  /** The expiry moved: the cookie must be sent again with the new date. */
  renewed: boolean;
  /** The member's unread notifications, when asked for (`withUnread`): read in the same statement. */
  unread: number | null;
}

/** Opens a session for a member; returns the token for the cookie (only its hash is stored). */
export async function createSession(memberId: string, userAgent?: string | null) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db().session.create({
    data: { id: hashToken(token), memberId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

/**
 * Resolves a cookie token to its session and member; null when unknown, expired or idle too long. With
 * `withUnread`, the member's unread notifications are counted by the same statement (a page's header shows
 * them: one statement fewer per signed-in page, issue 19).
 */
export async function validateSessionToken(
  token: string,
  { withUnread = false }: { withUnread?: boolean } = {},
): Promise<ValidSession | null> {
  if (!TOKEN.test(token)) return null;
  const id = hashToken(token);
  const row = (await database().query<SessionRow>(withUnread ? SESSION_WITH_UNREAD : SESSION, [id]))[0];
  return row ? sessionOf(id, row) : null;
}

/**
 * `validateSessionToken` for many tokens in one statement (the collaboration server rechecks every open socket's
 * session every few seconds): each token's session, or null.
 */
export async function validateSessionTokens(tokens: readonly string[]): Promise<Map<string, ValidSession | null>> {
  const ids = new Map(tokens.filter((t) => TOKEN.test(t)).map((t) => [hashToken(t), t]));
  const rows = ids.size ? await database().query<SessionRow & { sessionId: string }>(SESSIONS, [[...ids.keys()]]) : [];
  const found = new Map(rows.map((row) => [row.sessionId, row]));
  const sessions = await Promise.all(
    [...ids].map(async ([id, token]) => {
      const row = found.get(id);
      return [token, row ? await sessionOf(id, row) : null] as const;
    }),
  );
  const out = new Map<string, ValidSession | null>(tokens.map((t) => [t, null]));
  for (const [token, session] of sessions) out.set(token, session);
  return out;
}

const TOKEN = /^[a-z2-7]{32}$/;

/** A session's row to the session: null (and deleted) if it expired or sat idle too long; its use noted. */
async function sessionOf(id: string, row: SessionRow): Promise<ValidSession | null> {
  const now = Date.now();
  if (row.expiresAtMs <= now || now - row.lastUsedAtMs > SESSION_IDLE_TIMEOUT_MS) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = new Date(row.expiresAtMs);
  const renewed = row.expiresAtMs - now < RENEW_WHEN_LEFT_MS;
  if (renewed) expiresAt = new Date(now + SESSION_LIFETIME_MS);
  if (renewed || now - row.lastUsedAtMs > TOUCH_EVERY_MS) {
    await database().query(TOUCH, [id, expiresAt.getTime(), now]);
  }
  const suspended =
    row.suspendedAtMs !== null ? { at: new Date(row.suspendedAtMs), reason: row.suspendedReason ?? '' } : null;
  // Read only for a moderator or admin without two-factor: a member's request costs no query more.
  const twoFactorDue = await twoFactorDueFor(row.role, row.totpEnabled);
  const { id: memberId, email, displayName, role, locale } = row;
  return {
    id,
    expiresAt,
    member: { id: memberId, email, displayName, role, locale, suspended, twoFactorDue },
    renewed,
    unread: row.unread ?? null,
  };
}

/**
 * The session and its member in one plain statement (ADR 0047): it runs for every signed-in request and every
 * check of the collaboration server, and Prisma's joined form (a lateral join building JSON, then Prisma's own
 * work on it) cost PGlite three times as much. Times are read as milliseconds since the epoch (Prisma stores
 * them in UTC, in columns without a time zone), so that no driver reads them on the server's clock.
 */
interface SessionRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: string | null;
  expiresAtMs: number;
  lastUsedAtMs: number;
  suspendedAtMs: number | null;
  suspendedReason: string | null;
  totpEnabled: boolean;
  unread?: number;
}
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const SESSION_COLUMNS = `m.id, m.email, m."displayName", m.role::text AS role, m.locale,
  ${ms('s."expiresAt"')} AS "expiresAtMs", ${ms('s."lastUsedAt"')} AS "lastUsedAtMs",
  ${ms('m."suspendedAt"')} AS "suspendedAtMs", m."suspendedReason", m."totpEnabledAt" IS NOT NULL AS "totpEnabled"`;
/**
 * The session's use noted (once a minute) and its expiry moved, with the member's last activity, in one statement:
 * plain SQL like the check, and so not a change of what pages show (the member pages kept for all, ADR 0047, are
 * not dropped by a reader's visit). Times are given as milliseconds since the epoch and stored in UTC.
 */
const utc = (param: string) => `(to_timestamp(${param}::float8 / 1000) AT TIME ZONE 'UTC')`;
const TOUCH = `WITH touched AS (
    UPDATE "Session" SET "expiresAt" = ${utc('$2')}, "lastUsedAt" = ${utc('$3')} WHERE id = $1 RETURNING "memberId"
  )
  UPDATE "Member" SET "lastActiveAt" = ${utc('$3')} WHERE id IN (SELECT "memberId" FROM touched)`;
const SESSION_FROM = `FROM "Session" s JOIN "Member" m ON m.id = s."memberId" WHERE s.id = $1`;
const SESSION = `SELECT ${SESSION_COLUMNS} ${SESSION_FROM}`;
const SESSIONS = `SELECT s.id AS "sessionId", ${SESSION_COLUMNS}
  FROM "Session" s JOIN "Member" m ON m.id = s."memberId" WHERE s.id = ANY($1::text[])`;
const SESSION_WITH_UNREAD = `SELECT ${SESSION_COLUMNS},
  (SELECT count(*)::int FROM "Notification" n WHERE n."memberId" = m.id AND n."readAt" IS NULL) AS unread
  ${SESSION_FROM}`;

/** Closes one session (log out on this device). */
export async function invalidateSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** Closes every session of a member, except `keepSessionId` if given (log out everywhere else). */
export async function invalidateMemberSessions(memberId: string, keepSessionId?: string): Promise<number> {
  const result = await db().session.deleteMany({
    where: { memberId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return result.count;
}

/** How many devices a member is signed in on. */
export function countSessions(memberId: string): Promise<number> {
  return db().session.count({ where: { memberId, expiresAt: { gt: new Date() } } });
}

/**
 * Deletes what is kept no longer than needed (the privacy page states these durations): sessions expired or idle
 * too long, sign-in links used or expired more than a day ago, failed sign-ins older than an hour. Run by the
 * server's sweep; returns how many rows went.
 */
export async function purgeExpired(now = new Date()): Promise<number> {
  const day = 24 * 3600_000;
  const [sessions, tokens, failures] = await db().$transaction([
    db().session.deleteMany({
      where: {
        OR: [{ expiresAt: { lte: now } }, { lastUsedAt: { lt: new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS) } }],
      },
    }),
    db().emailToken.deleteMany({
      where: {
        OR: [{ usedAt: { lt: new Date(now.getTime() - day) } }, { expiresAt: { lt: new Date(now.getTime() - day) } }],
      },
    }),
    db().loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 3600_000) } } }),
  ]);
  return sessions.count + tokens.count + failures.count;
}
