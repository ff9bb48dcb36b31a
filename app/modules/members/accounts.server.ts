import { TokenPurpose } from '~/generated/prisma/enums.ts';
import { t, type Locale } from '~/i18n/index.ts';
import { offeredLocale } from '~/modules/installation/languages.server.ts';
import { appConfig } from '~/utils/config.server.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { recordAccountEvent } from '../audit/audit.server.ts';
import { linkVerifiedMember } from '../register/register.server.ts';
import { AccountError, ThrottledError } from './errors.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.server.ts';
import { createSession } from './sessions.server.ts';
import { beginLoginAttempt, cancelLoginAttempt, clearLoginFailures, loginRetryAt } from './throttle.server.ts';
import { generateToken, hashToken } from './tokens.server.ts';

const HOUR = 60 * 60 * 1000;
const VERIFY_TTL = 48 * HOUR;
const RESET_TTL = 1 * HOUR;
/** How long the second step of a login may wait after the right password. */
const SECOND_STEP_TTL = 10 * 60_000;

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The language of a member's mail: theirs if they chose one the installation still offers, else its first
 * language (ADR 0038).
 */
export function mailLocale(locale: string | null | undefined): Promise<Locale> {
  return offeredLocale(locale);
}

/** At most this many links of one kind are mailed to one member an hour: forms must not become a mail bomb. */
export const MAX_LINKS_PER_HOUR = 5;

/**
 * A new single-use link token, or null when the member already got MAX_LINKS_PER_HOUR of this kind. The member's
 * row is locked while counting: a burst of requests at once gets no more links than one after another.
 */
async function issueToken(memberId: string, purpose: TokenPurpose, email: string, ttl: number) {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${memberId} FOR UPDATE`;
    const recent = await tx.emailToken.count({
      where: { memberId, purpose, createdAt: { gt: new Date(Date.now() - HOUR) } },
    });
    if (recent >= MAX_LINKS_PER_HOUR) return null;
    const token = generateToken();
    await tx.emailToken.create({
      data: { id: hashToken(token), memberId, purpose, email, expiresAt: new Date(Date.now() + ttl) },
    });
    return token;
  });
}

/** Mails a link that confirms `email` for the member. */
export async function mailVerification(memberId: string, email: string, locale: Locale) {
  const token = await issueToken(memberId, TokenPurpose.VERIFY_EMAIL, email, VERIFY_TTL);
  if (!token) return;
  const link = `${appConfig().publicOrigin}/verify-email?token=${token}`;
  await sendMail({
    to: email,
    subject: t(locale, 'mail.verify.subject'),
    text: t(locale, 'mail.verify.body', { link }),
  });
}

/** Input of `signUp`. */
export interface SignUpProps {
  email: string;
  displayName: string;
  password: string;
  /** The language the person chose or their browser asked for: their mail speaks it. */
  locale: Locale;
}

/**
 * Creates an unverified account and mails a verification link. If the email already has an account, nothing
 * is created and its owner is told by mail instead: the answer on screen is the same, revealing nothing.
 */
export async function signUp(props: SignUpProps): Promise<void> {
  const email = normalizeEmail(props.email);
  // Hashed whether or not the email is taken, so that both answers take the same time.
  const passwordHash = await hashPassword(props.password);
  const existing = await db().member.findUnique({ where: { email } });
  if (existing) return tellOwnerOfSignUpAttempt(existing);
  const member = await db()
    .$transaction(async (tx) => {
      const created = await tx.member.create({
        data: { id: newId(), email, displayName: props.displayName.trim(), passwordHash, locale: props.locale },
      });
      await recordAccountEvent(tx, created.id, 'member.signed_up');
      return created;
    })
    .catch((error: unknown) => {
      // The same address signed up twice at once: the second finds it taken, like any taken address.
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!member) {
    const taken = await db().member.findUnique({ where: { email } });
    return taken ? tellOwnerOfSignUpAttempt(taken) : undefined;
  }
  await mailVerification(member.id, email, props.locale);
}

/**
 * Tells the owner of a taken address that someone signed up with it, with a link to choose a new password (what
 * they would ask for next if it was them). The link comes out of the owner's hourly budget of reset links: a
 * script signing up with their address again and again mails them MAX_LINKS_PER_HOUR times an hour at most.
 */
async function tellOwnerOfSignUpAttempt(owner: { id: string; email: string; locale: string | null }) {
  await mailResetLink(owner, 'mail.exists.subject', 'mail.exists.body');
}

/** Mails a one-hour password-reset link to a member, unless their hourly budget of such links is spent. */
async function mailResetLink(
  member: { id: string; email: string; locale: string | null },
  subject: 'mail.reset.subject' | 'mail.exists.subject',
  body: 'mail.reset.body' | 'mail.exists.body',
) {
  const token = await issueToken(member.id, TokenPurpose.RESET_PASSWORD, member.email, RESET_TTL);
  if (!token) return;
  const locale = await mailLocale(member.locale);
  const link = `${appConfig().publicOrigin}/reset-password?token=${token}`;
  await sendMail({ to: member.email, subject: t(locale, subject), text: t(locale, body, { link }) });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/** Marks a member's unused mailed links as used: after a password change, old links must not work. */
export async function revokePendingTokens(tx: Tx, memberId: string, except?: string) {
  await tx.emailToken.updateMany({
    where: { memberId, usedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { usedAt: new Date() },
  });
}

/** Takes a single-use token: true only for the one caller that marked it used (concurrent uses lose). */
async function takeToken(tx: Tx, id: string): Promise<boolean> {
  const { count } = await tx.emailToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

/**
 * Confirms an address from a mailed link: the sign-up address, or a new address the member asked for; `first`
 * says it was the sign-up's.
 */
export async function verifyEmail(token: string): Promise<{ memberId: string; email: string; first: boolean }> {
  const id = hashToken(token);
  return db().$transaction(async (tx) => {
    const row = await tx.emailToken.findUnique({ where: { id } });
    if (!row || row.purpose !== TokenPurpose.VERIFY_EMAIL || row.usedAt || row.expiresAt < new Date()) {
      throw new AccountError('verify.invalid');
    }
    const taken = await tx.member.findFirst({ where: { email: row.email, id: { not: row.memberId } } });
    if (taken) throw new AccountError('verify.taken');
    const before = await tx.member.findUniqueOrThrow({ where: { id: row.memberId } });
    if (!(await takeToken(tx, id))) throw new AccountError('verify.invalid');
    await tx.member.update({ where: { id: row.memberId }, data: { email: row.email, emailVerifiedAt: new Date() } });
    // Someone who signs up with an address the membership register lists is matched to its entry, once verified.
    await linkVerifiedMember(tx, row.memberId);
    if (before.email !== row.email) {
      // The address changed: links sent to the old one must not work any more.
      await revokePendingTokens(tx, row.memberId);
      await recordAccountEvent(tx, row.memberId, 'member.email_changed');
    }
    // The first confirmation of a sign-up (not a change of address): the new member is welcomed.
    return { memberId: row.memberId, email: row.email, first: before.emailVerifiedAt === null };
  });
}

/** Input of `logIn`. */
export interface LogInProps {
  email: string;
  password: string;
  /** The client's IP address, for throttling per address. */
  address: string;
  userAgent?: string | null;
}

/**
 * Checks a password and opens a session, or, for a member with two-factor on, a pending second step instead. Throttled per email and per address (growing delays, at most 100
 * failures an hour per account); every failure says the same thing whether or not the email exists.
 */
export async function logIn(props: LogInProps) {
  const email = normalizeEmail(props.email);
  const attempt = await beginLoginAttempt(email, props.address);
  const retryAt = await loginRetryAt(email, props.address, new Date(), attempt);
  if (retryAt) {
    await cancelLoginAttempt(attempt);
    throw new ThrottledError(retryAt);
  }

  const member = await db().member.findUnique({ where: { email } });
  const ok = member
    ? await verifyPassword(member.passwordHash, props.password)
    : await verifyAgainstDummy(props.password).then(() => false);
  // A wrong password leaves the attempt recorded: that is the failure.
  if (!member || !ok) throw new AccountError('login.invalid');
  await clearLoginFailures(email);
  await cancelLoginAttempt(attempt);
  if (!member.emailVerifiedAt) {
    await mailVerification(member.id, member.email, await mailLocale(member.locale));
    throw new AccountError('login.unverified');
  }
  // Two-factor on: the password opens no session, only the second step (two-factor.server.ts).
  if (member.totpEnabledAt) return { secondStep: await openSecondStep(member) };
  const session = await createSession(member.id, props.userAgent);
  return { ...session, member, secondStep: null };
}

/**
 * After the right password of a member with two-factor on: a pending second step, held by a token the login page
 * puts in a short cookie. It opens no session and nothing accepts it but the second step.
 */
export async function openSecondStep(member: { id: string; email: string }) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SECOND_STEP_TTL);
  await db().emailToken.create({
    data: {
      id: hashToken(token),
      memberId: member.id,
      purpose: TokenPurpose.LOGIN_SECOND_STEP,
      email: member.email,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** Mails a password-reset link if the email has an account; says nothing either way. */
export async function requestPasswordReset(emailInput: string): Promise<void> {
  const email = normalizeEmail(emailInput);
  const member = await db().member.findUnique({ where: { email } });
  if (member) await mailResetLink(member, 'mail.reset.subject', 'mail.reset.body');
}

/** True when a reset link is still usable (the form is shown only then). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  const row = await db().emailToken.findUnique({ where: { id: hashToken(token) } });
  return !!row && row.purpose === TokenPurpose.RESET_PASSWORD && !row.usedAt && row.expiresAt > new Date();
}

/** Sets a new password from a reset link, closes every session, and confirms the address it was sent to. */
export async function resetPassword(token: string, password: string): Promise<void> {
  const id = hashToken(token);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const row = await tx.emailToken.findUnique({ where: { id } });
    if (!row || row.purpose !== TokenPurpose.RESET_PASSWORD || row.usedAt || row.expiresAt < new Date()) {
      throw new AccountError('reset.invalid');
    }
    if (!(await takeToken(tx, id))) throw new AccountError('reset.invalid');
    const member = await tx.member.findUniqueOrThrow({ where: { id: row.memberId } });
    // Every other pending link (other resets, a change of address) dies with the old password.
    await revokePendingTokens(tx, row.memberId);
    await tx.member.update({
      where: { id: row.memberId },
      // The link reached this inbox: that proves the address as well as a verification link would.
      data: {
        passwordHash,
        emailVerifiedAt: member.email === row.email ? (member.emailVerifiedAt ?? new Date()) : member.emailVerifiedAt,
      },
    });
    await tx.session.deleteMany({ where: { memberId: row.memberId } });
    // Whoever reads this inbox owns the account: failed guesses by others no longer hold them back.
    await tx.loginFailure.deleteMany({ where: { scope: 'account', key: member.email } });
    await recordAccountEvent(tx, row.memberId, 'member.password_reset');
  });
}
