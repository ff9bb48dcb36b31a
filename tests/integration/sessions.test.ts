import { describe, expect, it } from 'vitest';
import {
  createSession,
  invalidateMemberSessions,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from '../../app/modules/members/sessions.server.ts';
import { hashToken } from '../../app/modules/members/tokens.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();
const DAY = 86_400_000;

describe('sessions', () => {
  it('slides the expiry forward when a session in its second half is used', async () => {
    const member = await createMember();
    const { token } = await createSession(member.id);
    await db().session.update({ where: { id: hashToken(token) }, data: { expiresAt: new Date(Date.now() + 3 * DAY) } });
    const session = await validateSessionToken(token);
    expect(session?.renewed).toBe(true);
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).lastActiveAt).toBeInstanceOf(Date);
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

  it('logs out everywhere else, keeping the current device', async () => {
    const member = await createMember();
    const here = await createSession(member.id);
    const other = await createSession(member.id);
    expect(await invalidateMemberSessions(member.id, hashToken(here.token))).toBe(1);
    expect(await validateSessionToken(here.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
  });
});
