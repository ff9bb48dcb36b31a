import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '~/generated/prisma/enums.ts';
import { isLocale, t, type Locale } from '~/i18n/index.ts';
import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { canTakeChapter } from '~/policies/follow.ts';
import { appConfig } from '~/utils/config.server.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import type { Mail } from '~/utils/mail.server.ts';
import type { Claimed } from '../mailing/queue.server.ts';
import {
  MODERATION_KINDS,
  notificationPath,
  notificationText,
  withSubjects,
  type NotificationData,
} from './notifications.server.ts';

/**
 * What moderators are told (docs/decisions/0035-follow-and-moderator-notices.md): an amendment qualified, a comment
 * reported, a new collision group, an amendment waiting for its authors' update, a round opening or closing within
 * a day. Every moderator is told, in one statement per event; a moderator who took a chapter sees what concerns it
 * first. The daily digest of these goes through the mail queue, for moderators who chose it.
 */

export { MODERATION_KINDS };

/** How long before a round opens or closes moderators are told. */
export const ROUND_NOTICE_MS = 24 * 3600_000;

/**
 * Tells every moderator (and administrator) of an event, in the caller's transaction and in one statement; never
 * the one who acted, never a suspended or deleted account.
 */
export async function notifyModerators(
  tx: Tx,
  props: {
    kind: NotificationKind;
    amendmentId?: string;
    roundId?: string;
    commentId?: string;
    data?: NotificationData;
    actorId?: string | null;
  },
): Promise<number> {
  const data = props.data ? JSON.stringify(props.data) : null;
  return tx.$executeRaw`
    INSERT INTO "Notification" (id, "memberId", kind, "amendmentId", "roundId", "commentId", data)
    SELECT substr(md5(random()::text || m.id), 1, 16), m.id, ${props.kind}::"NotificationKind",
           ${props.amendmentId ?? null}, ${props.roundId ?? null}, ${props.commentId ?? null}, ${data}::jsonb
    FROM "Member" m
    WHERE m.role IN ('MODERATOR', 'ADMIN') AND m."deletedAt" IS NULL AND m."suspendedAt" IS NULL
      AND m.id <> ${props.actorId ?? ''}`;
}

/**
 * Tells moderators of the rounds that open, or close, within a day (the rounds' sweep): once per round and event,
 * since a notice already written for it is the mark that it was given. A round already noticed is passed over
 * without a lock: the sweep runs every few seconds in every process, and the round's row it locks to give a notice
 * once is the row every ballot of the round's last minutes holds a share of (ballots.server.ts).
 */
export async function noticeRoundsSoon(now = new Date()): Promise<number> {
  const soon = new Date(now.getTime() + ROUND_NOTICE_MS);
  let n = 0;
  for (const [kind, status, column] of [
    ['MOD_ROUND_OPENING', 'SCHEDULED', 'opensAt'],
    ['MOD_ROUND_CLOSING', 'OPEN', 'closesAt'],
  ] as const) {
    const due = await db().votingRound.findMany({
      where: { status, [column]: { gt: now, lte: soon } },
      select: { id: true },
    });
    for (const round of due) {
      if (await db().notification.count({ where: { roundId: round.id, kind } })) continue;
      n += await db().$transaction(async (tx) => {
        const [lock] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "VotingRound" WHERE id = ${round.id} FOR UPDATE`;
        if (!lock) return 0;
        const given = await tx.notification.count({ where: { roundId: round.id, kind } });
        return given ? 0 : notifyModerators(tx, { kind, roundId: round.id });
      });
    }
  }
  return n;
}

/** A moderator takes a chapter (idempotent). */
export async function takeChapter(actor: Actor, chapterId: string) {
  enforce(canTakeChapter(actor), actor, 'chapter.take');
  if (!(await db().chapter.findUnique({ where: { id: chapterId }, select: { id: true } }))) {
    throw new NotFoundError(`chapter ${chapterId}`);
  }
  await db().chapterAssignment.createMany({ data: [{ chapterId, memberId: actor.id }], skipDuplicates: true });
}

/** A moderator releases a chapter they took. */
export async function releaseChapter(actor: Actor, chapterId: string) {
  enforce(canTakeChapter(actor), actor, 'chapter.take');
  await db().chapterAssignment.deleteMany({ where: { chapterId, memberId: actor.id } });
}

/** Who took a chapter, and whether the actor did and may: for the chapter's page (null for non-moderators). */
export async function chapterAssignment(actor: Actor, chapterId: string) {
  if (!actor || !canTakeChapter(actor)) return null;
  const rows = await db().chapterAssignment.findMany({
    where: { chapterId, member: { deletedAt: null } },
    orderBy: { createdAt: 'asc' },
    select: { memberId: true, member: { select: { displayName: true } } },
  });
  return { taken: rows.some((r) => r.memberId === actor.id), by: rows.map((r) => r.member.displayName) };
}

/** The chapters a member took (their ids). */
export async function takenChapters(memberId: string): Promise<Set<string>> {
  const rows = await db().chapterAssignment.findMany({ where: { memberId }, select: { chapterId: true } });
  return new Set(rows.map((r) => r.chapterId));
}

/** A moderator's digest setting: none, or a daily mail of their moderation notifications. */
export async function setModerationDigest(actor: Actor, daily: boolean) {
  enforce(hasRole(actor, 'MODERATOR'), actor, 'notifications.moderationDigest');
  // A new key each time it is turned on: the unsubscribe links of earlier mails then work no more.
  await db().member.update({
    where: { id: actor.id },
    data: daily
      ? { moderationDigest: 'DAILY', moderationDigestSecret: newId() + newId() }
      : { moderationDigest: 'NONE', moderationDigestSecret: null },
  });
}

/** The signature in a moderator's digest unsubscribe link (HMAC under the key of their own). */
function digestSignature(secret: string, memberId: string): string {
  return createHmac('sha256', secret).update(`moddigest:${memberId}`).digest('base64url').slice(0, 32);
}

/** The one-click link that turns a moderator's daily digest off, without signing in (its page has the button). */
export function moderationDigestUnsubscribeLink(memberId: string, secret: string): string {
  const sig = digestSignature(secret, memberId);
  return `${appConfig().publicOrigin}/notifications/unsubscribe?what=moderation&m=${memberId}&k=${sig}`;
}

/**
 * Turns a moderator's daily digest off from the link of a digest mail: true if the link was genuine. It works
 * once: the key that signed it is dropped, so a second use (or a link from before the digest was turned on
 * again) is refused, and the page says the link is not valid any more.
 */
export async function unsubscribeModerationDigest(memberId: string, signature: string): Promise<boolean> {
  if (!memberId || !signature) return false;
  const member = await db().member.findUnique({
    where: { id: memberId },
    select: { moderationDigestSecret: true },
  });
  const secret = member?.moderationDigestSecret;
  if (!secret) return false;
  const expected = Buffer.from(digestSignature(secret, memberId));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  // Conditional on the key read: two clicks at once turn it off once.
  const done = await db().member.updateMany({
    where: { id: memberId, moderationDigestSecret: secret },
    data: { moderationDigest: 'NONE', moderationDigestSecret: null },
  });
  return done.count === 1;
}

/** Whether the actor receives the moderators' daily digest; null for those who are no moderator. */
export async function moderationDigestOf(actor: Actor): Promise<boolean | null> {
  if (!hasRole(actor, 'MODERATOR')) return null;
  const member = await db().member.findUnique({ where: { id: actor.id }, select: { moderationDigest: true } });
  return member?.moderationDigest === 'DAILY';
}

/**
 * Queues today's digest of each moderator who chose it and has moderation notifications not yet mailed, in one
 * statement (the digests job). The row's id holds the day: at most one digest a day, however often this runs.
 */
export async function queueModerationDigests(now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  return db().$executeRaw`
    INSERT INTO "MailMessage" (id, kind, "roundId", "memberId", "nextAttemptAt")
    SELECT 'moddigest:' || m.id || ':' || ${day}, 'MODERATION_DIGEST', NULL, m.id, ${now}
    FROM "Member" m
    WHERE m."moderationDigest" = 'DAILY' AND m.role IN ('MODERATOR', 'ADMIN')
      AND m."deletedAt" IS NULL AND m."suspendedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Notification" n WHERE n."memberId" = m.id AND n."emailedAt" IS NULL
                  AND n.kind::text = ANY(${MODERATION_KINDS}::text[]))
    ON CONFLICT (id) DO NOTHING`;
}

/**
 * Writes the claimed digests (the mail queue's renderer for MODERATION_DIGEST rows): each moderator's moderation
 * notifications not yet mailed, those of the chapters they took first, marked mailed as they are written (the
 * queue sends at most once). Not sent: an account gone, suspended or no longer moderating, a digest turned off,
 * nothing new.
 */
export async function renderModerationDigests(rows: Claimed[]): Promise<Map<string, Mail | string>> {
  const out = new Map<string, Mail | string>();
  const origin = appConfig().publicOrigin;
  for (const row of rows) {
    const member = await db().member.findUnique({
      where: { id: row.memberId },
      select: {
        email: true,
        locale: true,
        role: true,
        deletedAt: true,
        suspendedAt: true,
        moderationDigest: true,
        moderationDigestSecret: true,
      },
    });
    if (!member || member.deletedAt || member.suspendedAt || member.role === 'MEMBER') {
      out.set(row.id, 'account-unavailable');
      continue;
    }
    if (member.moderationDigest !== 'DAILY' || !member.moderationDigestSecret) {
      out.set(row.id, 'digest-off');
      continue;
    }
    const now = new Date();
    const claimed = await db().$transaction(async (tx) => {
      const notes = await tx.notification.findMany({
        where: { memberId: row.memberId, emailedAt: null, kind: { in: MODERATION_KINDS } },
        orderBy: { createdAt: 'asc' },
        take: 200,
      });
      await tx.notification.updateMany({ where: { id: { in: notes.map((n) => n.id) } }, data: { emailedAt: now } });
      return notes;
    });
    if (!claimed.length) {
      out.set(row.id, 'nothing-new');
      continue;
    }
    const locale: Locale = member.locale && isLocale(member.locale) ? member.locale : 'fr';
    const mine = await takenChapters(row.memberId);
    const items = (await withSubjects(claimed))
      .sort((a, b) => Number(mine.has(b.chapterId ?? '')) - Number(mine.has(a.chapterId ?? '')))
      .map(
        (n) =>
          `- ${mine.has(n.chapterId ?? '') ? `[${t(locale, 'notifications.yourChapter')}] ` : ''}${notificationText(locale, { kind: n.kind, title: n.title, data: (n.data ?? {}) as NotificationData })}\n  ${origin}${notificationPath(n)}`,
      );
    const unsubscribe = moderationDigestUnsubscribeLink(row.memberId, member.moderationDigestSecret);
    out.set(row.id, {
      to: member.email,
      subject: t(locale, 'mail.modDigest.subject', { n: items.length }),
      text: t(locale, 'mail.modDigest.body', { items: items.join('\n'), link: `${origin}/notifications`, unsubscribe }),
      // Mail programs show their own "unsubscribe" button for it (RFC 2369); it opens the same page.
      headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
    });
  }
  return out;
}
