import type { MessageKey } from '~/i18n/index.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/**
 * The named drafters of a program: when its drafting access is NAMED_DRAFTERS, they (and moderators) write its
 * text and shape its structure during DRAFTING. Moderators name and un-name them; both are audited. Open
 * editors follow within seconds: the collaboration server re-checks every connection's rights.
 */

/** A refusal the moderator can act on; `key` is the message, translated. */
export class DrafterError extends DomainError {
  constructor(key: MessageKey, field?: string) {
    super('invalid', key, { field });
  }
}

async function programToManage(tx: Tx, actor: Actor, slug: string) {
  const program = await tx.program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  return program;
}

/** The named drafters, by name (moderators only: who drafts is settled in the settings). */
export async function listDrafters(actor: Actor, slug: string) {
  const program = await programToManage(db(), actor, slug);
  const rows = await db().drafter.findMany({
    where: { programId: program.id },
    select: { addedAt: true, member: { select: { id: true, displayName: true, email: true } } },
  });
  return rows
    .map((r) => ({ ...r.member, addedAt: r.addedAt }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Names a member, found by email address, as a drafter. Naming someone twice changes nothing. */
export async function addDrafter(props: { actor: Actor; slug: string; email: string }) {
  await db().$transaction(async (tx) => {
    const program = await programToManage(tx, props.actor, props.slug);
    const member = await tx.member.findUnique({ where: { email: props.email.toLowerCase() } });
    if (!member) throw new DrafterError('drafters.errors.noSuchMember', 'email');
    const existing = await tx.drafter.findUnique({
      where: { programId_memberId: { programId: program.id, memberId: member.id } },
    });
    if (existing) return;
    await tx.drafter.create({ data: { programId: program.id, memberId: member.id } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'program.drafter_added',
      targetType: 'Program',
      targetId: program.id,
      data: { memberId: member.id },
    });
  });
}

/** Un-names a drafter. */
export async function removeDrafter(props: { actor: Actor; slug: string; memberId: string }) {
  await db().$transaction(async (tx) => {
    const program = await programToManage(tx, props.actor, props.slug);
    const { count } = await tx.drafter.deleteMany({ where: { programId: program.id, memberId: props.memberId } });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'program.drafter_removed',
      targetType: 'Program',
      targetId: program.id,
      data: { memberId: props.memberId },
    });
  });
}
