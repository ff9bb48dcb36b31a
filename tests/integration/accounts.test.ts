import { describe, expect, it } from 'vitest';
import {
  isResetTokenValid,
  logIn,
  MAX_LINKS_PER_HOUR,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
} from '../../app/modules/members/accounts.server.ts';
import { changePassword, requestEmailChange } from '../../app/modules/members/account-settings.server.ts';
import { AccountError } from '../../app/modules/members/errors.ts';
import { createSession, validateSessionToken } from '../../app/modules/members/sessions.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember, uniqueEmail } from '../factories/members.ts';
import { linkIn, readOutbox } from '../factories/outbox.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const address = '192.0.2.10';

describe('sign up and email verification', () => {
  it('creates an unverified account and mails a link that verifies it, once', async () => {
    const email = uniqueEmail('Signup');
    await signUp({ email, displayName: 'Rosa', password: 'a long enough password', locale: 'fr' });
    const member = await db().member.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(member.emailVerifiedAt).toBeNull();
    expect(member.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const [mail] = await readOutbox(outbox.outboxDir, email);
    expect(mail?.subject).toContain('Confirmez');
    const token = tokenOf(linkIn(mail));
    await expect(logIn({ email, password: 'a long enough password', address })).rejects.toMatchObject({
      key: 'login.unverified',
    });

    await verifyEmail(token);
    const verified = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmail(token)).rejects.toMatchObject({ key: 'verify.invalid' });

    const session = await logIn({ email: email.toUpperCase(), password: 'a long enough password', address });
    if (session.secondStep) throw new Error('no second step without two-factor');
    expect((await validateSessionToken(session.token))?.member.id).toBe(member.id);
  });

  it('treats emails case-insensitively and never reveals that one is taken', async () => {
    const existing = await createMember();
    await signUp({
      email: existing.email.toUpperCase(),
      displayName: 'Intruder',
      password: 'another password!',
      locale: 'en',
    });
    expect(await db().member.count({ where: { email: existing.email } })).toBe(1);
    const mails = await readOutbox(outbox.outboxDir, existing.email);
    expect(mails.map((m) => m.subject)).toContain('Someone tried to create an account with your address');
  });

  it('tells the owner of a taken address at most five times an hour, however often it is signed up with', async () => {
    const existing = await createMember();
    for (let i = 0; i < 12; i++) {
      await signUp({ email: existing.email, displayName: 'Bomb', password: 'another password!', locale: 'en' });
    }
    const mails = await readOutbox(outbox.outboxDir, existing.email);
    expect(mails).toHaveLength(MAX_LINKS_PER_HOUR);
    // The notice carries what its owner would ask for next: a link to choose a new password.
    await expect(isResetTokenValid(tokenOf(linkIn(mails[0])))).resolves.toBe(true);
    // The budget is the owner's, shared with reset requests: the forgot-password form adds nothing now.
    await requestPasswordReset(existing.email);
    expect(await readOutbox(outbox.outboxDir, existing.email)).toHaveLength(MAX_LINKS_PER_HOUR);
  });

  it('keeps to the budget when the sign-ups come all at once', async () => {
    const existing = await createMember();
    await Promise.all(
      Array.from({ length: 12 }, () =>
        signUp({ email: existing.email, displayName: 'Bomb', password: 'another password!', locale: 'en' }),
      ),
    );
    expect(await readOutbox(outbox.outboxDir, existing.email)).toHaveLength(MAX_LINKS_PER_HOUR);
  });
});

describe('logging in', () => {
  it('refuses a wrong password and an unknown email with the same message', async () => {
    const member = await createMember();
    const wrong = await logIn({ email: member.email, password: 'not the password', address: '192.0.2.20' }).catch(
      (e) => e,
    );
    const unknown = await logIn({ email: uniqueEmail(), password: 'whatever', address: '192.0.2.20' }).catch((e) => e);
    expect(wrong).toBeInstanceOf(AccountError);
    expect(unknown).toBeInstanceOf(AccountError);
    expect(wrong.key).toBe('login.invalid');
    expect(unknown.key).toBe(wrong.key);
  });

  it('stores only the hash of the session token', async () => {
    const member = await createMember();
    const session = await logIn({ email: member.email, password: member.password, address });
    if (session.secondStep) throw new Error('no second step without two-factor');
    const { token } = session;
    const rows = await db().session.findMany({ where: { memberId: member.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('password reset', () => {
  it('mails a one-hour link that sets a new password and closes every session', async () => {
    const member = await createMember();
    const { token: sessionToken } = await createSession(member.id);
    await requestPasswordReset(member.email.toUpperCase());
    const token = tokenOf(linkIn((await readOutbox(outbox.outboxDir, member.email)).at(-1)));
    expect(await isResetTokenValid(token)).toBe(true);

    await resetPassword(token, 'a brand new password');
    expect(await validateSessionToken(sessionToken)).toBeNull();
    expect(await isResetTokenValid(token)).toBe(false);
    await expect(resetPassword(token, 'yet another password')).rejects.toMatchObject({ key: 'reset.invalid' });
    await expect(logIn({ email: member.email, password: 'a brand new password', address })).resolves.toBeTruthy();
  });

  it('mails at most five reset links an hour to one member, whatever the form is sent', async () => {
    const member = await createMember();
    for (let i = 0; i < 8; i++) await requestPasswordReset(member.email);
    expect(await readOutbox(outbox.outboxDir, member.email)).toHaveLength(MAX_LINKS_PER_HOUR);
  });

  it('sends nothing for an unknown email, and says the same', async () => {
    const email = uniqueEmail();
    await expect(requestPasswordReset(email)).resolves.toBeUndefined();
    expect(await readOutbox(outbox.outboxDir, email)).toHaveLength(0);
  });
});

describe('account changes', () => {
  it('changes the password only with the current one, keeping this device signed in', async () => {
    const member = await createMember();
    const here = await createSession(member.id);
    const elsewhere = await createSession(member.id);
    const hereId = (await validateSessionToken(here.token))!.id;
    await expect(
      changePassword({
        actor: { id: member.id, role: 'MEMBER' },
        address: '192.0.2.30',
        currentPassword: 'wrong',
        newPassword: 'new password 123',
        sessionId: hereId,
      }),
    ).rejects.toMatchObject({ key: 'account.password.wrongCurrent' });
    await changePassword({
      actor: { id: member.id, role: 'MEMBER' },
      address: '192.0.2.30',
      currentPassword: member.password,
      newPassword: 'new password 123',
      sessionId: hereId,
    });
    expect(await validateSessionToken(here.token)).not.toBeNull();
    expect(await validateSessionToken(elsewhere.token)).toBeNull();
  });

  it('changes the email only once the new address is confirmed, and warns the old one', async () => {
    const member = await createMember();
    const newEmail = uniqueEmail('moved');
    await requestEmailChange({
      actor: { id: member.id, role: 'MEMBER' },
      address: '192.0.2.30',
      newEmail,
      password: member.password,
    });
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
    expect(await readOutbox(outbox.outboxDir, member.email)).toHaveLength(1);
    await verifyEmail(tokenOf(linkIn((await readOutbox(outbox.outboxDir, newEmail))[0])));
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(newEmail);
  });
});

describe('single-use links', () => {
  it('work once even when used twice at the same moment', async () => {
    const member = await createMember();
    await requestPasswordReset(member.email);
    const token = tokenOf(linkIn((await readOutbox(outbox.outboxDir, member.email)).at(-1)));
    const results = await Promise.allSettled([
      resetPassword(token, 'first new password'),
      resetPassword(token, 'second new password'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.key)).toEqual([
      'reset.invalid',
    ]);
  });

  it('die with the old password: a pending change of address cannot be completed after a reset', async () => {
    const member = await createMember();
    const thief = uniqueEmail('thief');
    await requestEmailChange({
      actor: { id: member.id, role: 'MEMBER' },
      address: '192.0.2.30',
      newEmail: thief,
      password: member.password,
    });
    const stolenLink = linkIn((await readOutbox(outbox.outboxDir, thief))[0]);
    await requestPasswordReset(member.email);
    await resetPassword(
      tokenOf(linkIn((await readOutbox(outbox.outboxDir, member.email)).at(-1))),
      'owner took it back',
    );
    await expect(verifyEmail(tokenOf(stolenLink))).rejects.toMatchObject({ key: 'verify.invalid' });
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
  });

  it('sign-ups of one new address at the same moment create one account', async () => {
    const email = uniqueEmail('twice');
    await Promise.all([
      signUp({ email, displayName: 'Twice', password: 'a long enough password', locale: 'en' }),
      signUp({ email, displayName: 'Twice', password: 'a long enough password', locale: 'en' }),
    ]);
    expect(await db().member.count({ where: { email: email.toLowerCase() } })).toBe(1);
  });
});
