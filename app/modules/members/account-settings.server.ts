import { t, type Locale } from '~/i18n/index.ts';
import { enforce, signedIn, type Actor } from '~/policies/actor.ts';
import { db } from '~/utils/db.server.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { recordAccountEvent } from '../audit/audit.server.ts';
import { mailLocale, mailVerification, normalizeEmail, revokePendingTokens } from './accounts.server.ts';
import { AccountError, ThrottledError } from './errors.ts';
import { hashPassword, verifyPassword } from './password.server.ts';
import { countSessions, invalidateMemberSessions } from './sessions.server.ts';
import { beginLoginAttempt, cancelLoginAttempt, loginRetryAt } from './throttle.server.ts';

// What a signed-in member changes in their own account (accounts.server.ts holds sign-up, login and reset).

/** The signed-in member an own-account operation applies to; the public has no account to change. */
function self(actor: Actor): string {
  enforce(actor !== null, actor, 'account.manage');
  return actor.id;
}

/**
 * Checks a member's current password before a sensitive change, under the same throttle as logins: a stolen
 * session must not become a way to guess the password.
 */
async function confirmPassword(
  member: { email: string; passwordHash: string },
  password: string,
  address: string,
  field: string,
) {
  const attempt = await beginLoginAttempt(member.email, address);
  const retryAt = await loginRetryAt(member.email, address, new Date(), attempt);
  if (retryAt) {
    await cancelLoginAttempt(attempt);
    throw new ThrottledError(retryAt);
  }
  if (!(await verifyPassword(member.passwordHash, password)))
    throw new AccountError('account.password.wrongCurrent', field);
  await cancelLoginAttempt(attempt);
}

/** Changes the name others see. */
export async function changeDisplayName(actor: Actor, displayName: string): Promise<void> {
  await db().member.update({ where: { id: self(actor) }, data: { displayName: displayName.trim() } });
}

/** Changes the password after checking the current one; closes the member's other sessions. */
export async function changePassword(props: {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays open. */
  sessionId: string;
  /** The client's address, for the throttle. */
  address: string;
}): Promise<void> {
  const member = await db().member.findUniqueOrThrow({ where: { id: self(props.actor) } });
  await confirmPassword(member, props.currentPassword, props.address, 'currentPassword');
  const passwordHash = await hashPassword(props.newPassword);
  await db().$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { memberId: member.id, id: { not: props.sessionId } } });
    await revokePendingTokens(tx, member.id);
    await recordAccountEvent(tx, member.id, 'member.password_changed');
  });
}

/**
 * Starts a change of address: the new address gets a verification link, and the change happens only when it
 * is followed. The current address is told, so a stolen session cannot quietly take the account.
 */
export async function requestEmailChange(props: { actor: Actor; newEmail: string; password: string; address: string }) {
  const member = await db().member.findUniqueOrThrow({ where: { id: self(props.actor) } });
  await confirmPassword(member, props.password, props.address, 'password');
  const email = normalizeEmail(props.newEmail);
  if (email === member.email) throw new AccountError('account.email.same', 'newEmail');
  const locale = await mailLocale(member.locale);
  const taken = await db().member.findUnique({ where: { email } });
  if (!taken) await mailVerification(member.id, email, locale);
  await sendMail({
    to: member.email,
    subject: t(locale, 'mail.emailChange.subject'),
    text: t(locale, 'mail.emailChange.body', { email }),
  });
}

/** Remembers the language a member chose. */
export async function setMemberLocale(actor: Actor, locale: Locale): Promise<void> {
  await db().member.update({ where: { id: self(actor) }, data: { locale } });
}

/** Closes every session of the member but the current one. */
export function logOutOtherDevices(actor: Actor, currentSessionId: string) {
  return invalidateMemberSessions(self(actor), currentSessionId);
}

/** Closes every session of the member, this device's included. */
export function logOutEverywhere(actor: Actor) {
  return invalidateMemberSessions(self(actor));
}

/** The account page of the member: who they are, their optional area, two-factor, how many devices are signed in. */
export async function accountPage(actor: Actor) {
  enforce(signedIn(actor), actor, 'account.read');
  const [own, devices] = await Promise.all([
    db().member.findUniqueOrThrow({
      where: { id: actor.id },
      select: { email: true, displayName: true, role: true, area: true, totpEnabledAt: true },
    }),
    countSessions(actor.id),
  ]);
  const { email, displayName, role } = own;
  return { member: { email, displayName, role }, area: own.area, devices, twoFactor: !!own.totpEnabledAt };
}

/** The member's optional area (to suggest groups nearby). */
export async function memberArea(memberId: string): Promise<string | null> {
  return (await db().member.findUnique({ where: { id: memberId }, select: { area: true } }))?.area ?? null;
}

/** Sets or clears the member's optional area: only they see it; it suggests local groups nearby. */
export async function changeArea(actor: Actor, area: string | null) {
  enforce(actor !== null, actor, 'account.manage');
  await db().member.update({ where: { id: actor.id }, data: { area: area || null } });
}
