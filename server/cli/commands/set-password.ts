import { randomBytes } from 'node:crypto';
import { recordAudit } from '~/modules/audit/audit.server.ts';
import { normalizeEmail, revokePendingTokens } from '~/modules/members/accounts.server.ts';
import { SignUpSchema } from '~/modules/members/members.schema.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { db } from '~/utils/db.server.ts';
import { InputError, UsageError, type Command } from '../command.ts';

/**
 * `set-password --email <addr>`: gives an existing member a new password from the machine's shell: every session
 * of theirs ends, every pending link dies with the old password, and the audit trail records it (no actor: the
 * command line).
 */
export const setPassword: Command = {
  opens: 'database',
  async run({ values }) {
    if (!values.email) throw new UsageError('set-password needs --email <address>.');
    const email = normalizeEmail(values.email);
    const password = values.password ?? randomBytes(12).toString('base64url');
    const parsed = SignUpSchema.pick({ password: true }).safeParse({ password });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replace('errors.', '')}`);
      throw new InputError(`Invalid input: ${problems.join('; ')}`);
    }
    const member = await db().member.findUnique({ where: { email } });
    if (!member || member.deletedAt) throw new InputError(`No member has the address ${email}.`);
    const passwordHash = await hashPassword(password);
    const ended = await db().$transaction(async (tx) => {
      await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
      const { count } = await tx.session.deleteMany({ where: { memberId: member.id } });
      await revokePendingTokens(tx, member.id);
      // Failed guesses by others no longer hold the account back: its owner now has a password that works.
      await tx.loginFailure.deleteMany({ where: { scope: 'account', key: member.email } });
      await recordAudit(tx, {
        actorId: null,
        action: 'member.password_reset',
        targetType: 'Member',
        targetId: member.id,
        reason: 'set-password (command line)',
      });
      return count;
    });
    process.stdout.write(`New password set for ${email}; ${ended} ${ended === 1 ? 'session' : 'sessions'} ended.\n`);
    if (!values.password) process.stdout.write(`Password (shown only once): ${password}\n`);
    return 0;
  },
};
