import { describe, expect, it } from 'vitest';
import { logIn } from '../../app/modules/members/accounts.server.ts';
import { deleteAccount } from '../../app/modules/members/deletion.server.ts';
import { exportMemberData } from '../../app/modules/members/export.server.ts';
import { validateSessionToken } from '../../app/modules/members/sessions.server.ts';
import { secretFromBase32, totpAt } from '../../app/modules/members/totp.ts';
import {
  completeSecondStep,
  confirmTwoFactorSetup,
  renewRecoveryCodes,
  setTwoFactorRequired,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorPage,
} from '../../app/modules/members/two-factor.server.ts';
import { actorOfMember } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember, DEFAULT_PASSWORD } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { admissibleChange, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();
const address = '192.0.2.44';
const STEP = 30_000;

/** A member with two-factor on: returns them, their secret (as their app holds it) and their recovery codes. */
async function enrolled(role: 'MEMBER' | 'MODERATOR' | 'ADMIN' = 'MEMBER') {
  const member = await createMember({ role });
  const actor = { id: member.id, role: member.role };
  await startTwoFactorSetup(actor);
  const page = await twoFactorPage(actor);
  const secret = secretFromBase32(page.setup!.key);
  const codes = await confirmTwoFactorSetup({ actor, code: totpAt(secret, Date.now()), address });
  return { member, actor, secret, codes };
}

/** Logs in with the password: the pending second step's token. */
async function passwordStep(email: string) {
  const outcome = await logIn({ email, password: DEFAULT_PASSWORD, address });
  if (!outcome.secondStep) throw new Error('expected a second step');
  return outcome.secondStep.token;
}

describe('setting up two-factor authentication', () => {
  it('shows a key and an otpauth address, turns on with a first right code only, and stores no secret in clear', async () => {
    const member = await createMember();
    const actor = { id: member.id, role: member.role };
    expect((await twoFactorPage(actor)).setup).toBeNull();
    await startTwoFactorSetup(actor);
    const page = await twoFactorPage(actor);
    expect(page.enabled).toBe(false);
    expect(page.setup!.key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(page.setup!.uri).toContain(`otpauth://totp/Plenum%3A${encodeURIComponent(member.email)}?secret=`);
    const secret = secretFromBase32(page.setup!.key);
    await expect(confirmTwoFactorSetup({ actor, code: '000000', address })).rejects.toMatchObject({
      key: 'twoFactor.codeWrong',
    });
    const codes = await confirmTwoFactorSetup({ actor, code: totpAt(secret, Date.now()), address });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(page.setup!.key.replace(/ /g, ''));
    const stored = await db().recoveryCode.findMany({ where: { memberId: member.id } });
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
    expect(await db().auditEvent.count({ where: { targetId: member.id, action: 'member.two_factor_enabled' } })).toBe(
      1,
    );
    expect(await twoFactorPage(actor)).toMatchObject({ enabled: true, setup: null, recoveryCodesLeft: 10 });
  });
});

describe('logging in with two-factor on', () => {
  it('opens no session after the password, and one after a right code; a code is never accepted twice', async () => {
    const { member, secret } = await enrolled();
    const token = await passwordStep(member.email);
    expect(await db().session.count({ where: { memberId: member.id } })).toBe(0);
    // The pending step is no session: the cookie's token signs nobody in.
    expect(await validateSessionToken(token)).toBeNull();
    await expect(completeSecondStep({ token, code: '123456', address })).rejects.toMatchObject({
      key: 'twoFactor.codeWrong',
    });
    // The code that turned two-factor on is already used: the next step's code is taken instead.
    const code = totpAt(secret, Date.now() + STEP);
    const session = await completeSecondStep({ token, code, address });
    expect((await validateSessionToken(session.token))?.member.id).toBe(member.id);
    // The step is spent, and so is the code: a replay in another login is refused.
    await expect(completeSecondStep({ token, code, address })).rejects.toMatchObject({
      key: 'twoFactor.login.expired',
    });
    const again = await passwordStep(member.email);
    await expect(completeSecondStep({ token: again, code, address })).rejects.toMatchObject({
      key: 'twoFactor.codeWrong',
    });
  });

  it('takes each recovery code once, tells the member by mail and audits it', async () => {
    const { member, codes } = await enrolled();
    const session = await completeSecondStep({ token: await passwordStep(member.email), code: codes[3]!, address });
    expect(session.token).toBeTruthy();
    const mail = (await readOutbox(outbox.outboxDir, member.email)).at(-1);
    expect(mail?.subject).toBe('A recovery code was used to sign in');
    expect(mail?.body).toContain('Unused codes left: 9.');
    expect(await db().auditEvent.count({ where: { targetId: member.id, action: 'member.recovery_code_used' } })).toBe(
      1,
    );
    await expect(
      completeSecondStep({ token: await passwordStep(member.email), code: codes[3]!, address }),
    ).rejects.toMatchObject({ key: 'twoFactor.codeWrong' });
    // Typed in upper case, without its dash: still the same code.
    const typed = codes[4]!.replace('-', '').toUpperCase();
    await expect(
      completeSecondStep({ token: await passwordStep(member.email), code: typed, address }),
    ).resolves.toHaveProperty('token');
  });

  it('throttles code guessing per member, whatever the address, even for the right code', async () => {
    const { member, secret } = await enrolled();
    const token = await passwordStep(member.email);
    for (let i = 0; i < 5; i++) {
      await expect(
        completeSecondStep({ token, code: String(100000 + i), address: `198.51.100.${i}` }),
      ).rejects.toMatchObject({ kind: 'invalid' });
    }
    // A new password step does not reset the count: the attacker knows the password already.
    const fresh = await passwordStep(member.email);
    await expect(
      completeSecondStep({ token: fresh, code: totpAt(secret, Date.now() + STEP), address: '203.0.113.9' }),
    ).rejects.toMatchObject({ kind: 'throttled', key: 'login.throttled' });
    expect(await db().session.count({ where: { memberId: member.id } })).toBe(0);
  });
});

describe('managing two-factor authentication', () => {
  it('replaces the recovery codes with an app code; the old ones stop working', async () => {
    const { member, actor, secret, codes } = await enrolled();
    await expect(renewRecoveryCodes({ actor, code: codes[0]!, address })).rejects.toMatchObject({
      key: 'twoFactor.codeWrong',
    });
    const fresh = await renewRecoveryCodes({ actor, code: totpAt(secret, Date.now() + STEP), address });
    expect(fresh).toHaveLength(10);
    await expect(
      completeSecondStep({ token: await passwordStep(member.email), code: codes[1]!, address }),
    ).rejects.toMatchObject({ key: 'twoFactor.codeWrong' });
    await expect(
      completeSecondStep({ token: await passwordStep(member.email), code: fresh[1]!, address }),
    ).resolves.toHaveProperty('token');
  });

  it('turns off only with a code, mails the member, and logs in with the password alone afterwards', async () => {
    const { member, actor, codes } = await enrolled();
    await expect(turnOffTwoFactor({ actor, code: '999999', address })).rejects.toMatchObject({
      key: 'twoFactor.codeWrong',
    });
    await turnOffTwoFactor({ actor, code: codes[9]!, address });
    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db().recoveryCode.count({ where: { memberId: member.id } })).toBe(0);
    const mail = (await readOutbox(outbox.outboxDir, member.email)).at(-1);
    expect(mail?.subject).toBe('Two-factor authentication was turned off');
    expect((await logIn({ email: member.email, password: DEFAULT_PASSWORD, address })).secondStep).toBeNull();
  });

  it('exports whether it is on and the codes’ dates, never the secret; deletion erases it all', async () => {
    const { member, actor } = await enrolled();
    const exported = JSON.stringify(await exportMemberData(actor));
    const row = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(exported).toContain('"twoFactor":{"enabledAt"');
    expect(exported).not.toContain(row.totpSecret!);
    expect(exported).not.toContain('codeHash');
    expect(exported).not.toContain('totpLastStep');
    await deleteAccount({ actor, password: DEFAULT_PASSWORD });
    const after = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect([after.totpSecret, after.totpEnabledAt]).toEqual([null, null]);
    expect(await db().recoveryCode.count({ where: { memberId: member.id } })).toBe(0);
  });
});

describe('two-factor required of moderators and admins', () => {
  it('only admins set the rule; a moderator without two-factor acts as a member until set up', async () => {
    const admin = await enrolled('ADMIN');
    const member = await createMember();
    await expect(setTwoFactorRequired({ id: member.id, role: 'MEMBER' }, true)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const ctx = await votingProgram();
    const amendment = await admissibleChange(ctx, '26', '30', 'Up');
    await setTwoFactorRequired(admin.actor, true);
    const moderatorLogin = await logIn({ email: ctx.moderator.email, password: DEFAULT_PASSWORD, address });
    if (moderatorLogin.secondStep) throw new Error('the moderator has no two-factor yet');
    const session = (await validateSessionToken(moderatorLogin.token))!;
    expect(session.member.twoFactorDue).toBe(true);
    const asSeen = actorOfMember(session.member);
    expect(asSeen?.role).toBe('MEMBER');
    // The module refuses what only a moderator may do.
    await expect(roundOn({ slug: ctx.slug, moderator: asSeen }, [amendment.id])).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // A member, and an admin who set it up, are not concerned.
    const memberLogin = await logIn({ email: member.email, password: DEFAULT_PASSWORD, address });
    if (memberLogin.secondStep) throw new Error('no second step');
    expect((await validateSessionToken(memberLogin.token))!.member.twoFactorDue).toBe(false);
    // Once set up, the moderator acts as a moderator again.
    await startTwoFactorSetup(asSeen);
    const secret = secretFromBase32((await twoFactorPage(asSeen)).setup!.key);
    await confirmTwoFactorSetup({ actor: asSeen, code: totpAt(secret, Date.now()), address });
    const now = (await validateSessionToken(moderatorLogin.token))!;
    expect(now.member.twoFactorDue).toBe(false);
    await expect(
      roundOn({ slug: ctx.slug, moderator: actorOfMember(now.member) }, [amendment.id]),
    ).resolves.toBeTruthy();
    await setTwoFactorRequired(admin.actor, false);
    expect(await db().auditEvent.count({ where: { targetType: 'Installation' } })).toBe(2);
  });
});
