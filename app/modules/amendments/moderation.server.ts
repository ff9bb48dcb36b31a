import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram, canReadDraft } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { NotFoundError } from '../programs/programs.server.ts';
import { regroupSection } from './collisions.server.ts';
import { assertMove } from './lifecycle.ts';

/**
 * Moderators' decisions on amendments, each with a public reason: admissible (it goes on to a vote) or
 * inadmissible. Every decision is an audit event, and the program's public moderation log lists them: who
 * decided what, when and why.
 */

const DECISIONS = ['amendment.admissible', 'amendment.inadmissible'] as const;

/** Declares a qualified amendment admissible or inadmissible (moderators), with a reason shown to everyone. */
export async function decideAdmissibility(props: { actor: Actor; id: string; admissible: boolean; reason: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.id} FOR UPDATE`;
    const amendment = await tx.amendment.findUnique({ where: { id: props.id }, include: { program: true } });
    if (!amendment || amendment.status === 'DRAFT') throw new NotFoundError(`amendment ${props.id}`);
    enforce(canManageProgram(props.actor, amendment.program), props.actor, 'amendment.decide');
    const to = props.admissible ? 'ADMISSIBLE' : 'INADMISSIBLE';
    assertMove(amendment.status, to);
    await tx.amendment.update({ where: { id: amendment.id }, data: { status: to } });
    await recordAudit(tx, {
      actorId: props.actor!.id,
      action: props.admissible ? 'amendment.admissible' : 'amendment.inadmissible',
      targetType: 'Amendment',
      targetId: amendment.id,
      reason: props.reason,
    });
    await regroupSection(tx, amendment.sectionId);
  });
}

/** The program's public moderation log, newest first: decisions on amendments, by whom, when and why. */
export async function moderationLog(actor: Actor, slug: string, amendmentId?: string) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canReadDraft(actor, program), actor, 'program.read_draft');
  const amendments = await db().amendment.findMany({
    where: { programId: program.id, status: { not: 'DRAFT' }, ...(amendmentId ? { id: amendmentId } : {}) },
    select: { id: true, title: true },
  });
  const titles = new Map(amendments.map((a) => [a.id, a.title]));
  const events = await db().auditEvent.findMany({
    where: { targetType: 'Amendment', targetId: { in: [...titles.keys()] }, action: { in: [...DECISIONS] } },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  const names = new Map(
    (
      await db().member.findMany({
        where: { id: { in: events.map((e) => e.actorId).filter((id): id is string => id !== null) } },
        select: { id: true, displayName: true },
      })
    ).map((m) => [m.id, m.displayName]),
  );
  return events.map((e) => ({
    id: String(e.id),
    at: e.createdAt,
    decision: e.action === 'amendment.admissible' ? ('ADMISSIBLE' as const) : ('INADMISSIBLE' as const),
    amendmentId: e.targetId,
    amendmentTitle: titles.get(e.targetId) ?? '',
    by: e.actorId ? (names.get(e.actorId) ?? null) : null,
    reason: e.reason,
  }));
}
