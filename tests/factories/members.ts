import type { Role } from '../../app/generated/prisma/enums.ts';
import { hashPassword } from '../../app/modules/members/password.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';

let counter = 0;

/** A unique, realistic email address for a test. */
export function uniqueEmail(prefix = 'member'): string {
  counter += 1;
  return `${prefix}.${counter}.${newId().slice(0, 6)}@example.org`;
}

export const DEFAULT_PASSWORD = 'correct horse battery staple';

// One argon2id hash per password for the whole test file: a hash costs ~18 ms of CPU at the real parameters, and
// test files create hundreds of members. The hash is still the real one, salted once (login checks it as usual).
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** Creates a member straight in the database (verified unless told otherwise). */
export async function createMember(
  overrides: { email?: string; displayName?: string; role?: Role; password?: string; verified?: boolean } = {},
) {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const member = await db().member.create({
    data: {
      id: newId(),
      email: (overrides.email ?? uniqueEmail()).toLowerCase(),
      displayName: overrides.displayName ?? `Test ${++counter}`,
      role: overrides.role ?? 'MEMBER',
      passwordHash: await hashOnce(password),
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      locale: 'en',
    },
  });
  return { ...member, password };
}
