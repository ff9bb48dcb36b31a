import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { canInviteCoauthor, canLeaveAmendment } from '~/policies/amendment.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { markReadAbout, notify } from '../notifications/notifications.server.ts';
import { followOwnAmendment } from '../follows/follows.server.ts';
import { AmendmentError, amendmentWithFacts } from './amendments.server.ts';
import { listsMember } from '~/modules/members/membership.server.ts';

/**
 * Co-authors of a draft amendment: its authors invite members by email; nobody is named author of a political
 * text without accepting; a co-author may leave while another author remains. Invitations lapse when the draft
 * is submitted or withdrawn (amendments.server.ts).
 */

/**
 * Invites a co-author, found by email address (authors, while drafting). Nobody is named author of a political
 * text without accepting: the invited member is told and answers. The answer to the inviter is the same whether
 * or not the address belongs to a member (membership is nobody else's business); inviting twice changes nothing.
 */
export async function inviteCoauthor(props: { actor: Actor; id: string; email: string }) {
  await db().$transaction(async (tx) => {
    const { amendment, facts } = await amendmentWithFacts(tx, props.actor, props.id);
    enforce(canInviteCoauthor(props.actor, amendment.program, facts), props.actor, 'amendment.invite');
    const member = await tx.member.findUnique({ where: { email: props.email.toLowerCase() } });
    if (!member) return;
    if (listsMember(amendment.authors, member.id)) return;
    if (listsMember(amendment.invitations, member.id)) return;
    await tx.coauthorInvitation.create({
      data: { amendmentId: amendment.id, memberId: member.id, invitedById: props.actor.id },
    });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'amendment.coauthor_invited',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { memberId: member.id },
    });
    const by = await tx.member.findUnique({ where: { id: props.actor.id }, select: { displayName: true } });
    await notify(tx, {
      memberIds: [member.id],
      kind: 'COAUTHOR_ADDED',
      amendmentId: amendment.id,
      data: { by: by?.displayName ?? '' },
    });
  });
}

/** Accepts (or declines) an invitation to co-author a draft: accepting makes the member one of its authors. */
export async function answerInvitation(props: { actor: Actor; id: string; accept: boolean }) {
  await db().$transaction(async (tx) => {
    const { amendment, facts } = await amendmentWithFacts(tx, props.actor, props.id);
    enforce(facts.actorIsInvited && hasRole(props.actor, 'MEMBER'), props.actor, 'amendment.answer_invitation');
    const { count } = await tx.coauthorInvitation.deleteMany({
      where: { amendmentId: amendment.id, memberId: props.actor.id },
    });
    if (count === 0) return;
    // Answered, wherever from: the invitation's notification is no longer news (issue 17).
    await markReadAbout(tx, { memberId: props.actor.id, amendmentId: amendment.id, kind: 'COAUTHOR_ADDED' });
    if (props.accept) {
      if (amendment.status !== 'DRAFT') throw new AmendmentError('amendments.errors.invitationLapsed');
      const already = await tx.amendmentAuthor.findUnique({
        where: { amendmentId_memberId: { amendmentId: amendment.id, memberId: props.actor.id } },
      });
      if (!already) {
        await tx.amendmentAuthor.create({ data: { amendmentId: amendment.id, memberId: props.actor.id } });
      }
      await followOwnAmendment(tx, props.actor.id, { id: amendment.id, programId: amendment.programId });
    }
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: props.accept ? 'amendment.coauthor_added' : 'amendment.invitation_declined',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { memberId: props.actor.id },
    });
  });
}

/** A co-author leaves a draft (while another author remains): their name is no longer on it. */
export async function leaveAmendment(props: { actor: Actor; id: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.id} FOR UPDATE`;
    const { amendment, facts } = await amendmentWithFacts(tx, props.actor, props.id);
    enforce(
      canLeaveAmendment(props.actor, { ...facts, authors: amendment.authors.length }),
      props.actor,
      'amendment.leave',
    );
    await tx.amendmentAuthor.delete({
      where: { amendmentId_memberId: { amendmentId: amendment.id, memberId: props.actor.id } },
    });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'amendment.coauthor_left',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { memberId: props.actor.id },
    });
  });
}
