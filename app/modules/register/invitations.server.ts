import { t } from '~/i18n/index.ts';
import { appConfig } from '~/utils/config.server.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { recordAccountEvent } from '../audit/audit.server.ts';
import { movementLocale } from '../installation/languages.server.ts';
import { hashPassword } from '../members/password.server.ts';
import { createSession } from '../members/sessions.server.ts';
import { generateToken, hashToken } from '../members/tokens.server.ts';

/**
 * Invitations of the register's members who have no account yet (issue 18): a single-use link (the token
 * machinery of accounts: 20 random bytes, only the SHA-256 kept on the entry) that creates an account tied to the
 * entry, its address confirmed by the link itself. Mailed once per entry; a new import does not mail again.
 */

/** How long an invitation link works. */
const INVITE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Mails an invitation to every entry in good standing with neither an account tied to it nor one using its
 * address, and not yet invited. Mails go one after another (sendMail, as every mail today); a failure is logged
 * and that entry is tried again at the next call. Written in the movement's language. Returns how many were sent.
 */
export async function inviteRegisterMembers(options: { limit?: number } = {}): Promise<number> {
  const entries = await db().$queryRaw<{ id: string; email: string }[]>`
    SELECT r.id, r.email FROM "RegisterEntry" r
    WHERE r."memberId" IS NULL AND r."lapsedAt" IS NULL AND r."invitedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Member" m WHERE m.email = r.email)
    ORDER BY r."importedAt", r.id LIMIT ${options.limit ?? 1_000_000}`;
  // Nobody on the register has an account yet, so nobody's language is known: the movement's (ADR 0040).
  const locale = await movementLocale();
  let sent = 0;
  for (const entry of entries) {
    const token = generateToken();
    const { count } = await db().registerEntry.updateMany({
      where: { id: entry.id, invitedAt: null },
      data: { inviteTokenHash: hashToken(token), invitedAt: new Date() },
    });
    if (count !== 1) continue;
    const link = `${appConfig().publicOrigin}/join?token=${token}`;
    try {
      await sendMail({
        to: entry.email,
        subject: t(locale, 'mail.invite.subject'),
        text: t(locale, 'mail.invite.body', { link }),
      });
      sent++;
    } catch (error) {
      await db().registerEntry.update({ where: { id: entry.id }, data: { inviteTokenHash: null, invitedAt: null } });
      logger.warn('a register invitation could not be mailed', { entryId: entry.id, error });
    }
  }
  return sent;
}

/** The entry an invitation link opens, or null when the link is unknown, used, expired or its entry lapsed. */
export async function invitationOf(token: string) {
  if (!token || token.length > 100) return null;
  const entry = await db().registerEntry.findUnique({
    where: { inviteTokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, lapsedAt: true, memberId: true, invitedAt: true },
  });
  if (!entry || entry.lapsedAt || entry.memberId || !entry.invitedAt) return null;
  if (entry.invitedAt.getTime() < Date.now() - INVITE_TTL_MS) return null;
  return entry;
}

/** Input of `acceptInvitation`. */
export interface AcceptInvitationProps {
  token: string;
  displayName: string;
  password: string;
  locale: string;
  userAgent?: string | null;
}

/**
 * Creates the account an invitation offers, tied to its entry, its address confirmed (the link reached it), and
 * signs it in. The link works once: concurrent uses create one account.
 */
export async function acceptInvitation(props: AcceptInvitationProps) {
  const entry = await invitationOf(props.token);
  if (!entry) throw new DomainError('invalid', 'join.invalid', { field: 'token' });
  const passwordHash = await hashPassword(props.password);
  const memberId = newId();
  await db().$transaction(async (tx) => {
    const taken = await tx.registerEntry.updateMany({
      where: { id: entry.id, inviteTokenHash: hashToken(props.token), memberId: null },
      data: { inviteTokenHash: null },
    });
    if (taken.count !== 1) throw new DomainError('invalid', 'join.invalid', { field: 'token' });
    if (await tx.member.findUnique({ where: { email: entry.email } })) {
      throw new DomainError('conflict', 'join.taken', { field: 'token' });
    }
    await tx.member.create({
      data: {
        id: memberId,
        email: entry.email,
        displayName: props.displayName.trim(),
        passwordHash,
        locale: props.locale,
        emailVerifiedAt: new Date(),
      },
    });
    await tx.registerEntry.update({ where: { id: entry.id }, data: { memberId } });
    await recordAccountEvent(tx, memberId, 'member.joined_from_register');
  });
  return createSession(memberId, props.userAgent);
}
