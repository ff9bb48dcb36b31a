import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { TokenPurpose } from '~/generated/prisma/enums.ts';
import { t } from '~/i18n/index.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canRequireTwoFactor } from '~/policies/member.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { recordAccountEvent, recordAudit } from '../audit/audit.server.ts';
import { mailLocale } from './accounts.server.ts';
import { AccountError, ThrottledError } from './errors.ts';
import { createSession } from './sessions.server.ts';
import { beginCodeAttempt, cancelLoginAttempt, clearCodeFailures, codeRetryAt } from './throttle.server.ts';
import { hashToken } from './tokens.server.ts';
import { decryptSecret, encryptSecret } from './two-factor-key.server.ts';
import { twoFactorDue } from './two-factor-rule.server.ts';
import { groupedKey, matchingStep, newTotpSecret, otpauthUri, secretToBase32 } from './totp.ts';

// Two-factor authentication (ADR 0027): an authenticator app (TOTP) plus ten single-use recovery codes; the second
// step of a login; the installation's rule that moderators and admins must use it.

/** How many recovery codes a member holds at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** A code refused: wrong, expired or already used (the message says which the person can act on). */
export class TwoFactorError extends DomainError {
  constructor(key: 'twoFactor.codeWrong' | 'twoFactor.notOn' | 'twoFactor.alreadyOn' | 'twoFactor.noSetup') {
    super(key === 'twoFactor.codeWrong' ? 'invalid' : 'conflict', key, { field: 'code' });
  }
}

function self(actor: Actor): string {
  enforce(actor !== null, actor, 'account.two_factor');
  return actor.id;
}

/** A recovery code as shown: ten base32 characters in two groups ("k7c2x-9mfqa" style, no 0/1/8/9). */
function newRecoveryCode(): string {
  const text = encodeBase32LowerCaseNoPadding(randomBytes(10)).slice(0, 10);
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** A typed recovery code reduced to its characters, as hashed. */
function recoveryKey(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}

/** Replaces a member's recovery codes with ten new ones; returns them (the only time they exist in clear). */
async function replaceRecoveryCodes(tx: Tx, memberId: string): Promise<string[]> {
  await tx.recoveryCode.deleteMany({ where: { memberId } });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ id: newId(), memberId, codeHash: hashToken(recoveryKey(code)) })),
  });
  return codes;
}

/** A member as a code check needs them. */
interface CodeHolder {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
}

/** Takes an authenticator code: true once per 30-second step (a code seen once is refused, as any older one). */
async function takeTotp(member: CodeHolder, code: string, now: Date): Promise<boolean> {
  if (!member.totpSecret || !member.totpEnabledAt) return false;
  const step = matchingStep(await decryptSecret(member.totpSecret), code, now.getTime());
  if (step === null) return false;
  const { count } = await db().member.updateMany({
    where: { id: member.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Takes a recovery code: true for the one caller that marked it used. */
async function takeRecoveryCode(memberId: string, code: string): Promise<boolean> {
  const key = recoveryKey(code);
  if (key.length !== 10) return false;
  const { count } = await db().recoveryCode.updateMany({
    where: { memberId, codeHash: hashToken(key), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** What a code turned out to be. */
export type CodeUsed = 'totp' | 'recovery' | 'other';

/**
 * Checks a second-factor code under the code throttle (per member and per address, ADR 0027): the authenticator's,
 * else a recovery code if `recovery`, else `other` (a ballot's mailed code). Throws ThrottledError or TwoFactorError.
 */
export async function checkSecondFactor(props: {
  member: CodeHolder;
  code: string;
  address: string;
  recovery: boolean;
  other?: (code: string) => Promise<boolean>;
  now?: Date;
}): Promise<CodeUsed> {
  const now = props.now ?? new Date();
  const attempt = await beginCodeAttempt(props.member.id, props.address, now);
  const retryAt = await codeRetryAt(props.member.id, props.address, attempt, now);
  if (retryAt) {
    await cancelLoginAttempt(attempt);
    throw new ThrottledError(retryAt);
  }
  const code = props.code.trim().slice(0, 64);
  let used: CodeUsed | null = null;
  if (await takeTotp(props.member, code, now)) used = 'totp';
  else if (props.recovery && (await takeRecoveryCode(props.member.id, code))) used = 'recovery';
  else if (props.other && (await props.other(code))) used = 'other';
  // A wrong code leaves the attempt recorded: that is the failure.
  if (!used) throw new TwoFactorError('twoFactor.codeWrong');
  await cancelLoginAttempt(attempt);
  await clearCodeFailures(props.member.id);
  return used;
}

const HOLDER = { id: true, email: true, locale: true, totpSecret: true, totpEnabledAt: true } as const;

/** The two-factor part of the account page: on or off, the key to scan while setting up, codes left. */
export async function twoFactorPage(actor: Actor) {
  const member = await db().member.findUniqueOrThrow({
    where: { id: self(actor) },
    select: { ...HOLDER, role: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  const enabled = member.totpEnabledAt !== null;
  let setup: { key: string; uri: string } | null = null;
  if (!enabled && member.totpSecret) {
    const base32 = secretToBase32(await decryptSecret(member.totpSecret));
    const installation = await db().installation.findUnique({ where: { id: 1 }, select: { movementName: true } });
    const issuer = installation?.movementName?.trim() || 'Plenum';
    setup = { key: groupedKey(base32), uri: otpauthUri({ issuer, account: member.email, base32 }) };
  }
  return {
    enabled,
    enabledAt: member.totpEnabledAt,
    setup,
    recoveryCodesLeft: enabled ? member._count.recoveryCodes : 0,
    due: await twoFactorDue(member.role, enabled),
  };
}

/** Starts setting up: a new secret (encrypted) waits for a first right code. Any unfinished setup is replaced. */
export async function startTwoFactorSetup(actor: Actor): Promise<void> {
  const id = self(actor);
  const secret = await encryptSecret(newTotpSecret());
  const { count } = await db().member.updateMany({
    where: { id, totpEnabledAt: null },
    data: { totpSecret: secret, totpLastStep: null },
  });
  if (count !== 1) throw new TwoFactorError('twoFactor.alreadyOn');
}

/** Input of the commands that take a code from the signed-in member. */
export interface CodeProps {
  actor: Actor;
  code: string;
  /** The client's address, for the throttle. */
  address: string;
}

/** Turns two-factor on with a first right code from the app; returns the ten recovery codes, shown once. */
export async function confirmTwoFactorSetup(props: CodeProps): Promise<string[]> {
  const member = await db().member.findUniqueOrThrow({ where: { id: self(props.actor) }, select: HOLDER });
  if (member.totpEnabledAt) throw new TwoFactorError('twoFactor.alreadyOn');
  if (!member.totpSecret) throw new TwoFactorError('twoFactor.noSetup');
  const secret = member.totpSecret;
  const seen: { step: number | null } = { step: null };
  // The pending secret is checked as if it were on (throttled the same way), and its step noted as used.
  await checkSecondFactor({
    member,
    code: props.code,
    address: props.address,
    recovery: false,
    other: async (code) => {
      seen.step = matchingStep(await decryptSecret(secret), code, Date.now());
      return seen.step !== null;
    },
  });
  return db().$transaction(async (tx) => {
    const { count } = await tx.member.updateMany({
      where: { id: member.id, totpEnabledAt: null, totpSecret: secret },
      data: { totpEnabledAt: new Date(), totpLastStep: seen.step },
    });
    if (count !== 1) throw new TwoFactorError('twoFactor.noSetup');
    const codes = await replaceRecoveryCodes(tx, member.id);
    await recordAccountEvent(tx, member.id, 'member.two_factor_enabled');
    return codes;
  });
}

/** Turns two-factor off with a code (app or recovery); the member is told by mail. */
export async function turnOffTwoFactor(props: CodeProps): Promise<void> {
  const member = await db().member.findUniqueOrThrow({ where: { id: self(props.actor) }, select: HOLDER });
  if (!member.totpEnabledAt) throw new TwoFactorError('twoFactor.notOn');
  await checkSecondFactor({ member, code: props.code, address: props.address, recovery: true });
  await db().$transaction(async (tx) => {
    await tx.member.update({
      where: { id: member.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { memberId: member.id } });
    await recordAccountEvent(tx, member.id, 'member.two_factor_disabled');
  });
  const locale = await mailLocale(member.locale);
  await sendMail({
    to: member.email,
    subject: t(locale, 'mail.twoFactorOff.subject'),
    text: t(locale, 'mail.twoFactorOff.body'),
  });
}

/** Replaces the recovery codes (an app code needed); returns the ten new ones, shown once. */
export async function renewRecoveryCodes(props: CodeProps): Promise<string[]> {
  const member = await db().member.findUniqueOrThrow({ where: { id: self(props.actor) }, select: HOLDER });
  if (!member.totpEnabledAt) throw new TwoFactorError('twoFactor.notOn');
  await checkSecondFactor({ member, code: props.code, address: props.address, recovery: false });
  return db().$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, member.id);
    await recordAccountEvent(tx, member.id, 'member.recovery_codes_renewed');
    return codes;
  });
}

/** The pending second step of a token, or an error sending the person back to the password. */
async function pendingSecondStep(token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) throw new AccountError('twoFactor.login.expired');
  const id = hashToken(token);
  const row = await db().emailToken.findUnique({ where: { id } });
  if (!row || row.purpose !== TokenPurpose.LOGIN_SECOND_STEP || row.usedAt || row.expiresAt < new Date()) {
    throw new AccountError('twoFactor.login.expired');
  }
  return row;
}

/** Whether the second-step page has a live pending login (else it sends to the login page). */
export async function hasPendingSecondStep(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return pendingSecondStep(token).then(
    () => true,
    () => false,
  );
}

/**
 * The second step of a login: an authenticator code or a recovery code, throttled per member and per address.
 * Only now is the session opened. A recovery code used is audited and mailed to the member.
 */
export async function completeSecondStep(props: {
  token: string;
  code: string;
  address: string;
  userAgent?: string | null;
}) {
  const row = await pendingSecondStep(props.token);
  const member = await db().member.findUniqueOrThrow({ where: { id: row.memberId }, select: HOLDER });
  const used = await checkSecondFactor({ member, code: props.code, address: props.address, recovery: true });
  const { count } = await db().emailToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count !== 1) throw new AccountError('twoFactor.login.expired');
  const session = await createSession(member.id, props.userAgent);
  if (used === 'recovery') await recoveryCodeUsed(member);
  return session;
}

async function recoveryCodeUsed(member: { id: string; email: string; locale: string | null }) {
  const left = await db().recoveryCode.count({ where: { memberId: member.id, usedAt: null } });
  await db().$transaction(async (tx) => {
    await recordAccountEvent(tx, member.id, 'member.recovery_code_used', { left });
  });
  const locale = await mailLocale(member.locale);
  await sendMail({
    to: member.email,
    subject: t(locale, 'mail.recoveryUsed.subject'),
    text: t(locale, 'mail.recoveryUsed.body', { n: left }),
  });
}

/** Admins: whether moderators and admins must use two-factor authentication. Audited. */
export async function setTwoFactorRequired(actor: Actor, required: boolean): Promise<void> {
  enforce(canRequireTwoFactor(actor), actor, 'installation.two_factor');
  await db().$transaction(async (tx) => {
    await tx.installation.upsert({
      where: { id: 1 },
      // No row yet: an installation set up before the setup page existed (an admin is acting here), so it is set up.
      create: { id: 1, twoFactorRequired: required, setupCompletedAt: new Date() },
      update: { twoFactorRequired: required },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: required ? 'installation.two_factor_required' : 'installation.two_factor_optional',
      targetType: 'Installation',
      targetId: '1',
    });
  });
}
