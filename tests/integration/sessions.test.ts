import { describe, expect, it } from 'vitest';
import {
  createSession,
  invalidateMemberSessions,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  validateSessionToken,
  validateSessionTokens,
} from '../../app/modules/members/sessions.server.ts';
import { hashToken } from '../../app/modules/members/tokens.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();
const DAY = 86_400_000;

describe('sessions', () => {
  it('counts the member’s unread notifications with the session when asked, and only those', async () => {
    const member = await createMember();
    const other = await createMember();
    const { token } = await createSession(member.id);
    expect((await validateSessionToken(token, { withUnread: true }))?.unread).toBe(0);
    await db().notification.createMany({
      data: [
        { id: 'n1', memberId: member.id, kind: 'COAUTHOR_ADDED' },
        { id: 'n2', memberId: member.id, kind: 'COAUTHOR_ADDED', readAt: new Date() },
        { id: 'n3', memberId: member.id, kind: 'COAUTHOR_ADDED' },
        { id: 'n4', memberId: other.id, kind: 'COAUTHOR_ADDED' },
      ],
    });
    expect((await validateSessionToken(token, { withUnread: true }))?.unread).toBe(2);
    // Not asked (the collaboration server's checks): not counted.
    expect((await validateSessionToken(token))?.unread).toBeNull();
  });

  it('slides the expiry forward when a session in its second half is used', async () => {
    const member = await createMember();
    const { token } = await createSession(member.id);
    await db().session.update({ where: { id: hashToken(token) }, data: { expiresAt: new Date(Date.now() + 3 * DAY) } });
    const session = await validateSessionToken(token);
    expect(session?.renewed).toBe(true);
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
    // What is stored is the same instant, whatever the server's time zone (the touch is plain SQL: TZ=... npx
    // vitest checks it on another clock).
    const stored = await db().session.findUniqueOrThrow({ where: { id: hashToken(token) } });
    expect(Math.abs(stored.expiresAt.getTime() - session!.expiresAt.getTime())).toBeLessThan(2);
    expect(Math.abs(stored.lastUsedAt.getTime() - Date.now())).toBeLessThan(10_000);
    const { lastActiveAt } = await db().member.findUniqueOrThrow({ where: { id: member.id } });
    expect(lastActiveAt?.getTime()).toBe(stored.lastUsedAt.getTime());
    // The next use reads the new expiry back: not renewed again.
    expect((await validateSessionToken(token))?.renewed).toBe(false);
  });

  it('closes a session past its expiry or left idle too long', async () => {
    const member = await createMember();
    const expired = await createSession(member.id);
    await db().session.update({
      where: { id: hashToken(expired.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await validateSessionToken(expired.token)).toBeNull();
    expect(await db().session.findUnique({ where: { id: hashToken(expired.token) } })).toBeNull();

    const idle = await createSession(member.id);
    await db().session.update({
      where: { id: hashToken(idle.token) },
      data: { lastUsedAt: new Date(Date.now() - SESSION_IDLE_TIMEOUT_MS - DAY) },
    });
    expect(await validateSessionToken(idle.token)).toBeNull();
  });

  it('ignores malformed and unknown tokens', async () => {
    expect(await validateSessionToken('')).toBeNull();
    expect(await validateSessionToken("' OR 1=1 --")).toBeNull();
    expect(await validateSessionToken('a'.repeat(32))).toBeNull();
  });

  it('reads many sessions at once as one at a time would: each its member, an ended one closed', async () => {
    const ana = await createMember({ displayName: 'Ana' });
    const ben = await createMember({ displayName: 'Ben', role: 'MODERATOR' });
    const anas = await createSession(ana.id);
    const bens = await createSession(ben.id);
    const ended = await createSession(ben.id);
    await db().session.update({
      where: { id: hashToken(ended.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const tokens = [anas.token, bens.token, ended.token, 'a'.repeat(32), "' OR 1=1 --", anas.token];
    const sessions = await validateSessionTokens(tokens);
    expect([...sessions.keys()]).toEqual([anas.token, bens.token, ended.token, 'a'.repeat(32), "' OR 1=1 --"]);
    expect(sessions.get(anas.token)?.member).toMatchObject({ id: ana.id, displayName: 'Ana', role: 'MEMBER' });
    expect(sessions.get(bens.token)?.member).toMatchObject({ id: ben.id, displayName: 'Ben', role: 'MODERATOR' });
    expect(sessions.get(ended.token)).toBeNull();
    expect(await db().session.findUnique({ where: { id: hashToken(ended.token) } })).toBeNull();
    expect(sessions.get('a'.repeat(32))).toBeNull();
    // The same answers as one at a time (the member's two-factor duty included).
    expect(sessions.get(bens.token)?.member).toEqual((await validateSessionToken(bens.token))?.member);
    expect(await validateSessionTokens([])).toEqual(new Map());
  });

  it('logs out everywhere else, keeping the current device', async () => {
    const member = await createMember();
    const here = await createSession(member.id);
    const other = await createSession(member.id);
    expect(await invalidateMemberSessions(member.id, hashToken(here.token))).toBe(1);
    expect(await validateSessionToken(here.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
  });
});

describe('purging', () => {
  it('deletes expired and idle sessions, old sign-in links and old failed sign-ins, and keeps the rest', async () => {
    const { purgeExpired } = await import('../../app/modules/members/sessions.server.ts');
    const { db } = await import('../../app/utils/db.server.ts');
    const { createMember } = await import('../factories/members.ts');
    const member = await createMember();
    const now = new Date();
    const hour = 3600_000;
    await db().session.createMany({
      data: [
        { id: 'purge-expired', memberId: member.id, expiresAt: new Date(now.getTime() - hour) },
        {
          id: 'purge-idle',
          memberId: member.id,
          expiresAt: new Date(now.getTime() + 30 * 24 * hour),
          lastUsedAt: new Date(now.getTime() - 15 * 24 * hour),
        },
        { id: 'purge-alive', memberId: member.id, expiresAt: new Date(now.getTime() + hour) },
      ],
    });
    await db().loginFailure.createMany({
      data: [
        { scope: 'account', key: 'purge@example.org', createdAt: new Date(now.getTime() - 2 * hour) },
        { scope: 'account', key: 'purge@example.org', createdAt: now },
      ],
    });
    await purgeExpired(now);
    expect((await db().session.findMany({ where: { memberId: member.id } })).map((s) => s.id)).toEqual(['purge-alive']);
    expect(await db().loginFailure.count({ where: { key: 'purge@example.org' } })).toBe(1);
  });
});
