import { randomBytes } from 'node:crypto';
import { recordAudit } from '~/modules/audit/audit.server.ts';
import { normalizeEmail } from '~/modules/members/accounts.server.ts';
import { SignUpSchema } from '~/modules/members/members.schema.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { UsageError, type Command } from '../command.ts';

/** `create-admin --email <addr>`: a new administrator, or an existing member made one. */
export const createAdmin: Command = {
  opens: 'database',
  async run({ values }) {
    if (!values.email) throw new UsageError('create-admin needs --email <address>.');
    const generated = !values.password;
    const password = values.password ?? randomBytes(12).toString('base64url');
    const email = normalizeEmail(values.email);
    const displayName = values.name ?? email.split('@')[0] ?? email;
    const parsed = SignUpSchema.safeParse({ email, displayName, password });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replace('errors.', '')}`);
      throw new UsageError(`Invalid input: ${problems.join('; ')}`);
    }
    const passwordHash = await hashPassword(password);
    const existing = await db().member.findUnique({ where: { email } });
    await db().$transaction(async (tx) => {
      const id = existing?.id ?? newId();
      if (existing) {
        await tx.member.update({
          where: { id },
          data: { role: 'ADMIN', ...(values.password ? { passwordHash } : {}) },
        });
      } else {
        await tx.member.create({
          data: { id, email, displayName, passwordHash, role: 'ADMIN', emailVerifiedAt: new Date() },
        });
      }
      await recordAudit(tx, {
        actorId: null,
        action: 'member.role_changed',
        targetType: 'Member',
        targetId: id,
        reason: 'create-admin (command line)',
        data: { from: existing?.role ?? null, to: 'ADMIN' },
      });
    });
    process.stdout.write(existing ? `${email} is now an administrator.\n` : `Administrator ${email} created.\n`);
    if (generated && !existing) process.stdout.write(`Password (shown only once): ${password}\n`);
    return 0;
  },
};
