import { describe, expect, it } from 'vitest';
import { changeRole, listMembers, memberAuditTrail } from '../../app/modules/members/members.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();
const actor = (m: { id: string; role: 'MEMBER' | 'MODERATOR' | 'ADMIN' }) => ({ id: m.id, role: m.role });

describe('roles', () => {
  it('lets an admin make a member moderator, and records who, when and why', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const member = await createMember();
    await changeRole({ actor: actor(admin), memberId: member.id, role: 'MODERATOR', reason: 'Runs the Lyon assembly' });
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MODERATOR');
    const [event] = await memberAuditTrail(actor(admin), member.id);
    expect(event).toMatchObject({
      actorId: admin.id,
      action: 'member.role_changed',
      reason: 'Runs the Lyon assembly',
      data: { from: 'MEMBER', to: 'MODERATOR' },
    });
  });

  it('refuses role changes by moderators and members, and by an admin on their own role', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const moderator = await createMember({ role: 'MODERATOR' });
    const member = await createMember();
    for (const who of [moderator, member]) {
      await expect(
        changeRole({ actor: actor(who), memberId: member.id, role: 'ADMIN', reason: 'let me in' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      changeRole({ actor: actor(admin), memberId: admin.id, role: 'MEMBER', reason: 'oops' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeRole({ actor: null, memberId: member.id, role: 'ADMIN', reason: 'anon' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MEMBER');
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const a = await createMember({ role: 'ADMIN' });
    const b = await createMember({ role: 'ADMIN' });
    const results = await Promise.allSettled([
      changeRole({ actor: actor(a), memberId: b.id, role: 'MEMBER', reason: 'coup' }),
      changeRole({ actor: actor(b), memberId: a.id, role: 'MEMBER', reason: 'counter-coup' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const roles = (await db().member.findMany({ where: { id: { in: [a.id, b.id] } } })).map((m) => m.role).sort();
    expect(roles).toEqual(['ADMIN', 'MEMBER']);
  });

  it('keeps the audit trail append-only: the database refuses to rewrite or erase it', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const member = await createMember();
    await changeRole({ actor: actor(admin), memberId: member.id, role: 'MODERATOR', reason: 'trusted' });
    await expect(
      db().auditEvent.updateMany({ where: { targetId: member.id }, data: { reason: 'forged' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({ where: { targetId: member.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect((await memberAuditTrail(actor(admin), member.id))[0]?.reason).toBe('trusted');
  });

  it('shows the member list to admins only, searchable by name or email', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const rosa = await createMember({ displayName: 'Rosa Parks-Testing' });
    const list = await listMembers(actor(admin), { query: 'parks-test' });
    expect(list.members.map((m) => m.id)).toEqual([rosa.id]);
    expect(list.members[0]).not.toHaveProperty('passwordHash');
    await expect(listMembers(actor(rosa))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
