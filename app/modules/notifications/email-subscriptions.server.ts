import { timingSafeEqual } from 'node:crypto';
import { t } from '~/i18n/index.ts';
import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { appConfig } from '~/utils/config.server.ts';
import { offeredLocale } from '~/modules/installation/languages.server.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { sendMail } from '~/utils/mail.server.ts';
import {
  MODERATION_KINDS,
  notificationPath,
  notificationText,
  withSubjects,
  type NotificationData,
} from './notifications.server.ts';

/**
 * What a member chooses to receive by email beyond what every member gets: the daily digest of their unread
 * notifications, and the announcements of phases. Never on by default; each opt-in makes a new key, and the
 * email's unsubscribe link, carrying it, works in one click without signing in. (The notifications themselves:
 * notifications.server.ts.)
 */

/** Whether an unsubscribe link's key is the member's, compared in constant time. */
function sameKey(kept: string, given: string) {
  const a = Buffer.from(kept);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Opts a member in to the daily email digest (with a new unsubscribe key), or out of it. */
export async function setDigest(actor: Actor, on: boolean) {
  enforce(hasRole(actor, 'MEMBER'), actor, 'notifications.digest');
  await db().member.update({
    where: { id: actor.id },
    data: on ? { emailDigest: true, digestKey: newId() + newId() } : { emailDigest: false, digestKey: null },
  });
}

/** Whether a member receives the digest. */
export async function digestEnabled(memberId: string): Promise<boolean> {
  const member = await db().member.findUnique({ where: { id: memberId }, select: { emailDigest: true } });
  return member?.emailDigest ?? false;
}

/** The one-click unsubscribe from an email: true if the link was valid (then the digest is off). */
export async function unsubscribeDigest(memberId: string, key: string): Promise<boolean> {
  const member = await db().member.findUnique({ where: { id: memberId }, select: { digestKey: true } });
  if (!member?.digestKey) return false;
  if (!sameKey(member.digestKey, key)) return false;
  await db().member.update({ where: { id: memberId }, data: { emailDigest: false, digestKey: null } });
  return true;
}

const DAY = 24 * 3600_000;

/**
 * Sends the digests that are due: to each opted-in member with notifications not yet emailed, unless they had
 * one in the last day. Notifications are claimed before the mail goes out (two processes never send the same
 * digest) and released if the mail fails, to be tried again. Returns how many digests went out.
 */
export async function sendDigests(now = new Date()): Promise<number> {
  const due = await db().member.findMany({
    where: {
      emailDigest: true,
      digestKey: { not: null },
      OR: [{ digestSentAt: null }, { digestSentAt: { lt: new Date(now.getTime() - DAY) } }],
      notifications: { some: { emailedAt: null, kind: { notIn: MODERATION_KINDS } } },
    },
    select: { id: true },
    take: 500,
  });
  let sent = 0;
  for (const { id } of due) {
    const claimed = await db().$transaction(async (tx) => {
      const [member] = await tx.$queryRaw<
        { email: string; locale: string | null; digestKey: string | null; digestSentAt: Date | null }[]
      >`SELECT email, locale, "digestKey", "digestSentAt" FROM "Member" WHERE id = ${id} AND "emailDigest" FOR UPDATE`;
      if (!member?.digestKey || (member.digestSentAt && member.digestSentAt.getTime() > now.getTime() - DAY)) {
        return null;
      }
      const rows = await tx.notification.findMany({
        where: { memberId: id, emailedAt: null, kind: { notIn: MODERATION_KINDS } },
        orderBy: { createdAt: 'asc' },
        take: 50,
      });
      await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { emailedAt: now } });
      await tx.member.update({ where: { id }, data: { digestSentAt: now } });
      return { member, rows, previous: member.digestSentAt };
    });
    if (!claimed?.rows.length) continue;
    const locale = await offeredLocale(claimed.member.locale);
    const origin = appConfig().publicOrigin;
    const items = (await withSubjects(claimed.rows)).map(
      (n) =>
        `- ${notificationText(locale, { kind: n.kind, title: n.title, data: (n.data ?? {}) as NotificationData })}\n  ${origin}${notificationPath(n)}`,
    );
    const unsubscribe = `${origin}/notifications/unsubscribe?m=${id}&k=${claimed.member.digestKey}`;
    try {
      await sendMail({
        to: claimed.member.email,
        subject: t(locale, 'mail.digest.subject', { n: items.length }),
        text: t(locale, 'mail.digest.body', { items: items.join('\n'), link: `${origin}/notifications`, unsubscribe }),
      });
      sent++;
    } catch (error) {
      logger.warn('sending a digest failed; it will be tried again', { error });
      await db().notification.updateMany({
        where: { id: { in: claimed.rows.map((r) => r.id) } },
        data: { emailedAt: null },
      });
      await db().member.update({ where: { id }, data: { digestSentAt: claimed.previous } });
    }
  }
  return sent;
}

/**
 * Opts a member in to the announcements of phases by mail (ADR 0037; new unsubscribe key), or out of them. The
 * column keeps its first name, `voteAnnouncements`: votes are no longer announced apart from the call to vote,
 * which every census member receives (ADR 0028, ADR 0040).
 */
export async function setPhaseAnnouncements(actor: Actor, on: boolean) {
  enforce(hasRole(actor, 'MEMBER'), actor, 'notifications.announcements');
  await db().member.update({
    where: { id: actor.id },
    data: on
      ? { voteAnnouncements: true, announceKey: newId() + newId() }
      : { voteAnnouncements: false, announceKey: null },
  });
}

/** Whether a member receives the announcements of phases. */
export async function phaseAnnouncementsEnabled(memberId: string): Promise<boolean> {
  const member = await db().member.findUnique({ where: { id: memberId }, select: { voteAnnouncements: true } });
  return member?.voteAnnouncements ?? false;
}

/** The one-click unsubscribe from the announcements of phases: true if the link was valid (then announcements are off). */
export async function unsubscribeAnnouncements(memberId: string, key: string): Promise<boolean> {
  const member = await db().member.findUnique({ where: { id: memberId }, select: { announceKey: true } });
  if (!member?.announceKey) return false;
  if (!sameKey(member.announceKey, key)) return false;
  await db().member.update({ where: { id: memberId }, data: { voteAnnouncements: false, announceKey: null } });
  return true;
}
