import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { regroupSection } from './collisions.server.ts';
import { canMove } from './lifecycle.ts';
import { recordAdmissibility } from './moderation.server.ts';
import type { BulkDecision } from './moderation.schema.ts';

/**
 * Bulk moderation (issue 21, ADR 0036): several amendments declared admissible or inadmissible at once, from the
 * queue. All or nothing, in one transaction: every amendment is locked, checked against the policy and against
 * the status the moderator saw; if any changed since (decided by another moderator, withdrawn, waiting for its
 * authors' update), nothing is decided and the refusal names each one. Each decision is still its own audit
 * line with its reason, and its authors are told, exactly as one decision from the amendment's page.
 */

/** Amendments of a bulk decision that could not be decided as they were seen; the refusal names them. */
export class StaleDecisionError extends DomainError {
  constructor(public readonly titles: string[]) {
    super('conflict', 'bulk.errors.stale', {
      field: 'picked',
      values: { count: titles.length, titles: titles.map((t) => `“${t}”`).join(', ') },
      log: `Bulk decision refused: ${titles.length} amendment(s) changed since the queue was shown`,
    });
  }
}

/** Decides every picked amendment of a program (moderators), in one transaction; resolves to how many. */
export async function decideInBulk(props: { actor: Actor; slug: string } & BulkDecision): Promise<number> {
  const program = await db().program.findUnique({ where: { slug: props.slug }, select: { id: true, phase: true } });
  if (!program) throw new NotFoundError(`program ${props.slug}`);
  enforce(canManageProgram(props.actor, program), props.actor, 'amendment.decide');
  const actor = props.actor;
  const ids = [...new Set(props.picked.map((p) => p.id))].sort();
  const seen = new Map(props.picked.map((p) => [p.id, p.seen as AmendmentStatus]));
  const to = props.decision;
  return db().$transaction(async (tx) => {
    // In id order, as every other lock on amendments, so that two bulk decisions cannot deadlock.
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const rows = await tx.amendment.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        title: true,
        status: true,
        sectionId: true,
        submittedAt: true,
        needsUpdate: true,
        programId: true,
        program: { select: { phase: true } },
      },
      orderBy: { id: 'asc' },
    });
    const found = rows.filter((r) => r.programId === program.id && r.submittedAt);
    if (found.length !== ids.length) throw new NotFoundError(`amendments of ${props.slug}`);
    for (const row of found) enforce(canManageProgram(actor, row.program), actor, 'amendment.decide');
    const stale = found.filter((r) => r.status !== seen.get(r.id) || r.needsUpdate || !canMove(r.status, to));
    if (stale.length) throw new StaleDecisionError(stale.map((r) => r.title));
    let reason = props.reason;
    if (!reason) {
      const template = await tx.reasonTemplate.findFirst({
        where: { id: props.templateId, programId: program.id },
        select: { text: true },
      });
      if (!template) throw new DomainError('conflict', 'templates.errors.gone', { field: 'templateId' });
      reason = template.text;
    }
    for (const row of found) await recordAdmissibility(tx, actor.id, row, to === 'ADMISSIBLE', reason);
    // In one order, so that two bulk decisions over the same sections lock them without a deadlock.
    for (const sectionId of [...new Set(found.map((r) => r.sectionId))].sort()) await regroupSection(tx, sectionId);
    return found.length;
  });
}
