import { enforce, signedIn, type Actor } from '~/policies/actor.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { AccountError } from './errors.ts';
import { verifyPassword } from './password.server.ts';

/**
 * A member deletes their account (issue 7). Personal data is erased at once, in one transaction: email, name,
 * password, area, consents, two-factor secret and recovery codes, sessions, sign-in links, notifications, invitations, drafting rights. The row stays
 * as a tombstone with no personal field, so that what they contributed keeps a signature, "former member":
 * amendments they wrote, supports (thresholds reached stay reached), reports. Their comments lose their author.
 * Their census and voter-roll entries lose the member id: every count and every tally stays as it was, and no
 * ballot ever referred to them. The audit trail is append-only and keeps the opaque id, which now names no one.
 */
export async function deleteAccount(props: { actor: Actor; password: string }, now = new Date()) {
  enforce(signedIn(props.actor), props.actor, 'member.delete');
  const id = props.actor.id;
  const member = await db().member.findUniqueOrThrow({ where: { id } });
  if (member.deletedAt) return;
  if (!(await verifyPassword(member.passwordHash, props.password))) {
    throw new AccountError('account.delete.wrongPassword', 'password');
  }
  await db().$transaction(async (tx) => {
    if (member.role === 'ADMIN') {
      const admins = await tx.member.count({ where: { role: 'ADMIN', deletedAt: null } });
      if (admins <= 1) throw new AccountError('account.delete.lastAdmin', 'password');
    }
    await tx.session.deleteMany({ where: { memberId: id } });
    await tx.emailToken.deleteMany({ where: { memberId: id } });
    await tx.notification.deleteMany({ where: { memberId: id } });
    // What they followed and the chapters they took go with them (ADR 0035).
    await tx.follow.deleteMany({ where: { memberId: id } });
    await tx.chapterAssignment.deleteMany({ where: { memberId: id } });
    await tx.coauthorInvitation.deleteMany({ where: { memberId: id } });
    await tx.drafter.deleteMany({ where: { memberId: id } });
    // Who wrote into which section and when (issue 17): versions already published keep what they said.
    await tx.liveTextWriter.deleteMany({ where: { memberId: id } });
    // Out of their groups (a group's member list is personal data); the groups' endorsements stay.
    await tx.groupMembership.deleteMany({ where: { memberId: id } });
    // Their line of the movement's register leaves Plenum with them (a later import may list them again).
    await tx.registerEntry.deleteMany({ where: { memberId: id } });
    await tx.comment.updateMany({ where: { authorId: id }, data: { authorId: null } });
    await tx.censusEntry.updateMany({ where: { memberId: id }, data: { memberId: null } });
    await tx.voterRoll.updateMany({ where: { memberId: id }, data: { memberId: null } });
    await tx.loginFailure.deleteMany({ where: { key: { in: [member.email, id] } } });
    await tx.recoveryCode.deleteMany({ where: { memberId: id } });
    // Mail to the member about votes (queued, sent) and their stopped reminders go with the account (ADR 0028).
    await tx.mailMessage.deleteMany({ where: { memberId: id } });
    await tx.reminderStop.deleteMany({ where: { memberId: id } });
    // What they told moderators about a voter roll is theirs: it goes (the audit event of the report stays).
    await tx.rollReport.deleteMany({ where: { memberId: id } });
    await tx.member.update({
      where: { id },
      data: {
        email: `former-${id}@deleted.invalid`,
        displayName: '',
        passwordHash: '!',
        role: 'MEMBER',
        emailVerifiedAt: null,
        locale: null,
        lastActiveAt: null,
        emailDigest: false,
        digestKey: null,
        moderationDigestSecret: null,
        digestSentAt: null,
        voteAnnouncements: false,
        announceKey: null,
        area: null,
        suspendedAt: null,
        suspendedReason: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        deletedAt: now,
      },
    });
    await recordAudit(tx, { actorId: null, action: 'member.deleted', targetType: 'Member', targetId: id });
  });
}

/** How contributions are signed: the member's name, or null for a former member (pages say "former member"). */
export function signature(displayName: string | null | undefined): string | null {
  return displayName ? displayName : null;
}
