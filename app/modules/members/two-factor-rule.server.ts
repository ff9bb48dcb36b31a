import type { Role } from '~/generated/prisma/enums.ts';
import { roleNeedsTwoFactor } from '~/policies/member.ts';
import { db } from '~/utils/db.server.ts';

/** Whether the installation requires two-factor authentication of moderators and admins (no row: no). */
export async function twoFactorRequired(): Promise<boolean> {
  const row = await db().installation.findUnique({ where: { id: 1 }, select: { twoFactorRequired: true } });
  return row?.twoFactorRequired ?? false;
}

/**
 * Whether a member of this role must set up two-factor authentication before acting in their role. The setting
 * is read only for a moderator or admin without it.
 */
export async function twoFactorDue(role: Role, enabled: boolean): Promise<boolean> {
  return !enabled && roleNeedsTwoFactor(role) && (await twoFactorRequired());
}
