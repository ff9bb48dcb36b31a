import { describe, expect, it } from 'vitest';
import { logIn, requestPasswordReset, resetPassword } from '../../app/modules/members/accounts.server.ts';
import { linkIn, readOutbox } from '../factories/outbox.ts';
import { AccountError, ThrottledError } from '../../app/modules/members/errors.ts';
import { ACCOUNT_RULE, nextAllowedAt } from '../../app/modules/members/throttle.server.ts';
import { createMember } from '../factories/members.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();

describe('login throttling rules', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

  it('lets a few failures through, then imposes delays that grow', () => {
    const failures = (n: number) => Array.from({ length: n }, (_, i) => at(i));
    expect(nextAllowedAt(failures(4), ACCOUNT_RULE)).toBeNull();
    const delay = (n: number) => nextAllowedAt(failures(n), ACCOUNT_RULE)!.getTime() - failures(n).at(-1)!.getTime();
    expect(delay(5)).toBe(1000);
    expect(delay(6)).toBe(2000);
    expect(delay(9)).toBe(16_000);
    expect(delay(30)).toBe(15 * 60 * 1000);
  });

  it('never allows more than 100 failures an hour for one account', () => {
    // 100 failures, each at a different second in the same hour: the next try waits for the first to age out.
    const failures = Array.from({ length: 100 }, (_, i) => new Date(at(0).getTime() + i * 1000));
    expect(nextAllowedAt(failures, ACCOUNT_RULE)).toEqual(new Date(at(0).getTime() + 3600_000));
  });
});

describe('throttled logins', () => {
  it('refuses even the right password while delayed, and accepts it after the delay', async () => {
    const member = await createMember();
    for (let i = 0; i < 5; i++) {
      await expect(
        logIn({ email: member.email, password: 'wrong guess', address: '198.51.100.7' }),
      ).rejects.toMatchObject({
        key: 'login.invalid',
      });
    }
    const refused = await logIn({ email: member.email, password: member.password, address: '198.51.100.8' }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(ThrottledError);
    expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, refused.retryAt.getTime() - Date.now() + 50));
    await expect(
      logIn({ email: member.email, password: member.password, address: '198.51.100.8' }),
    ).resolves.toMatchObject({
      member: { id: member.id },
    });
  });

  it('lets the owner back in at once after resetting the password', async () => {
    const member = await createMember();
    for (let i = 0; i < 6; i++)
      await logIn({ email: member.email, password: 'guess', address: '198.51.100.20' }).catch(() => {});
    await expect(
      logIn({ email: member.email, password: member.password, address: '198.51.100.21' }),
    ).rejects.toBeInstanceOf(ThrottledError);
    await requestPasswordReset(member.email);
    const token = new URL(linkIn((await readOutbox(outbox.outboxDir, member.email)).at(-1))).searchParams.get('token')!;
    await resetPassword(token, 'the owner is back');
    await expect(
      logIn({ email: member.email, password: 'the owner is back', address: '198.51.100.21' }),
    ).resolves.toBeTruthy();
  });

  it('throttles a burst of simultaneous guesses like a sequence of them', async () => {
    const member = await createMember();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        logIn({ email: member.email, password: `guess ${i}`, address: `203.0.113.${i}` }).catch((e: unknown) => e),
      ),
    );
    const checked = results.filter((r) => r instanceof AccountError && !(r instanceof ThrottledError));
    const throttled = results.filter((r) => r instanceof ThrottledError);
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_RULE.free);
    expect(throttled.length).toBe(20 - checked.length);
  });

  it('throttles an unknown email exactly like a known one', async () => {
    for (let i = 0; i < 5; i++) {
      await logIn({ email: 'nobody@example.org', password: 'x', address: '198.51.100.9' }).catch(() => {});
    }
    await expect(logIn({ email: 'nobody@example.org', password: 'x', address: '198.51.100.9' })).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });
});
