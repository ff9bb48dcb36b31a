import { describe, expect, it } from 'vitest';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { seedDemo } from '../../server/database/seed.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

describe('the demo', () => {
  it('is seeded once even by two processes starting together, with its program and five accounts', async () => {
    const results = await Promise.all([seedDemo(), seedDemo()]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const logins = results.find((r) => r !== null)!;
    expect(logins.map((l) => l.role).sort()).toEqual(['ADMIN', 'MEMBER', 'MEMBER', 'MEMBER', 'MODERATOR']);
    expect(await db().member.count()).toBe(5);
    const { chapters } = await getProgramOutline(null, 'programme-2027');
    expect(chapters).toHaveLength(4);
    expect(chapters.flatMap((c) => c.sections)).toHaveLength(12);
    expect(chapters[2]!.sections[1]!.number).toBe('3.2');
  });
});
