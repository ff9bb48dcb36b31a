import type { AmendmentKind } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { docToPlainText } from '~/rich-text/document.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { STANDING } from './collisions.server.ts';
import { changeSimilarity, DUPLICATE_SIMILARITY, type ChangeTexts } from './similarity.ts';

/**
 * Possible duplicates: standing amendments of one section that make nearly the same change (similarity.ts
 * measures what each changes, not their whole texts). Moderators merge a duplicate into the one kept
 * (moderation.server.ts), or dismiss the pair with a public reason: a dismissed pair is not listed again.
 */

/** What the similarity of an amendment is measured on. */
export interface ChangeRow {
  id: string;
  kind: AmendmentKind;
  sectionId: string;
  baseText: unknown;
  proposedText: unknown;
}

/** An amendment's change as two plain texts: a new section is all added; a deletion has no text of its own. */
export function changeTexts(row: ChangeRow): ChangeTexts {
  const text = (value: unknown, field: string) => (value ? docToPlainText(readStoredDoc(value, field)) : '');
  if (row.kind === 'ADD') return { base: '', proposed: text(row.proposedText, 'amendment.proposedText') };
  const base = text(row.baseText, 'amendment.baseText');
  return { base, proposed: row.kind === 'DELETE' ? '' : text(row.proposedText, 'amendment.proposedText') };
}

type Measured = Pick<ChangeRow, 'kind' | 'sectionId'> & { texts: ChangeTexts };

/** How alike two amendments of the same kind are (two deletions of a section are the same change). */
export function similarityOf(a: Measured, b: Measured): number {
  if (a.kind !== b.kind || a.sectionId !== b.sectionId) return 0;
  return a.kind === 'DELETE' ? 1 : changeSimilarity(a.texts, b.texts);
}

/** A pair as stored: the smaller id first. */
const pairKey = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

/**
 * The pairs of `rows` (standing amendments of one program) that make nearly the same change, most alike first,
 * leaving out the pairs moderators dismissed.
 */
export async function possibleDuplicates<R extends ChangeRow>(rows: R[]) {
  const dismissed = new Set(
    (
      await db().duplicateDismissal.findMany({
        where: { amendmentId: { in: rows.map((r) => r.id) } },
        select: { amendmentId: true, otherId: true },
      })
    ).map((d) => `${d.amendmentId} ${d.otherId}`),
  );
  const measured = rows.map((r) => ({ ...r, texts: changeTexts(r) }));
  const pairs: { a: R; b: R; similarity: number }[] = [];
  for (let i = 0; i < measured.length; i++) {
    for (let j = i + 1; j < measured.length; j++) {
      const [a, b] = [measured[i]!, measured[j]!];
      if (a.sectionId !== b.sectionId || dismissed.has(pairKey(a.id, b.id).join(' '))) continue;
      const score = similarityOf(a, b);
      if (score >= DUPLICATE_SIMILARITY) pairs.push({ a: rows[i]!, b: rows[j]!, similarity: score });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/**
 * The standing amendments an amendment may be merged into (same section), the most alike first, each with its
 * similarity: the merge form preselects the first. `texts` is its change as its page shows it.
 */
export async function mergeTargets(amendment: Omit<ChangeRow, 'baseText' | 'proposedText'> & { texts: ChangeTexts }) {
  const rows = await db().amendment.findMany({
    where: { sectionId: amendment.sectionId, status: { in: [...STANDING] }, id: { not: amendment.id } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, sectionId: true, title: true, baseText: true, proposedText: true },
  });
  return rows
    .map((r) => ({ id: r.id, title: r.title, similarity: similarityOf(amendment, { ...r, texts: changeTexts(r) }) }))
    .sort((x, y) => y.similarity - x.similarity);
}

/** Moderators judge two amendments listed as possible duplicates to be different, with a public reason. */
export async function dismissDuplicate(props: { actor: Actor; id: string; otherId: string; reason: string }) {
  const [first, second] = pairKey(props.id, props.otherId);
  await db().$transaction(async (tx) => {
    const rows = await tx.amendment.findMany({
      where: { id: { in: [first, second] } },
      include: { program: true },
    });
    const a = rows.find((r) => r.id === props.id);
    if (!a || !a.submittedAt) throw new NotFoundError(`amendment ${props.id}`);
    enforce(canManageProgram(props.actor, a.program), props.actor, 'amendment.decide');
    const b = rows.find((r) => r.id === props.otherId);
    if (!b || b.id === a.id || b.sectionId !== a.sectionId || !b.submittedAt) {
      throw new DomainError('conflict', 'duplicates.errors.noSuchPair');
    }
    const done = await tx.duplicateDismissal.createMany({
      data: [{ amendmentId: first, otherId: second, reason: props.reason }],
      skipDuplicates: true,
    });
    if (!done.count) return; // dismissed already (two moderators at once)
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'amendment.not_duplicate',
      targetType: 'Amendment',
      targetId: a.id,
      reason: props.reason,
      data: { otherId: b.id },
    });
  });
}
