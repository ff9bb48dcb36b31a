import { createHash } from 'node:crypto';
import type { AmendmentKind, AmendmentStatus } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { STANDING } from '~/policies/amendment.ts';
import { canManageProgram } from '~/policies/program.ts';
import { docToPlainText } from '~/rich-text/document.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { logger } from '~/utils/logger.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { lockSection } from './section-lock.server.ts';
import { changeSimilarity, DUPLICATE_SIMILARITY, type ChangeTexts } from './similarity.ts';

/**
 * Possible duplicates: standing amendments of one section that make nearly the same change (similarity.ts
 * measures what each changes, not their whole texts). Moderators merge a duplicate into the one kept
 * (moderation.server.ts), or dismiss the pair with a public reason: a dismissed pair is not listed again.
 *
 * The pairs are measured when an amendment's change is written, not when the queue is read (ADR 0039): every
 * write that submits, updates, carries over or moves an amendment in or out of the running regroups its section
 * (collisions.server.ts), and that refreshes the section's stored candidates in the same transaction.
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

/** What an amendment changes, as a short fingerprint: its pairs are measured again only when it differs. */
export function changeKey(row: Pick<ChangeRow, 'kind' | 'baseText' | 'proposedText'>): string {
  const json = JSON.stringify([row.kind, row.baseText ?? null, row.proposedText ?? null]);
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}

/** A section's amendment as the refresh reads it. */
export type MeasuredRow = ChangeRow & { programId: string; status: AmendmentStatus; duplicateKey: string | null };

const measuredSelect = {
  id: true,
  programId: true,
  kind: true,
  sectionId: true,
  status: true,
  baseText: true,
  proposedText: true,
  duplicateKey: true,
} as const;

/**
 * Keeps a section's stored candidates right, in the caller's transaction: the pairs of amendments that left the
 * running go, and each standing amendment whose change was not measured as it is now (submitted, updated,
 * carried over, back in the running) is measured against the others of the section; dismissed pairs are not
 * stored again. `rows` may be the section's amendments the caller read already (standing ones at least).
 */
export async function refreshDuplicates(tx: Tx, sectionId: string, rows?: MeasuredRow[]): Promise<void> {
  const read =
    rows ??
    (await tx.amendment.findMany({ where: { sectionId, status: { in: [...STANDING] } }, select: measuredSelect }));
  const standing = read.filter((r) => STANDING.includes(r.status));
  const ids = standing.map((r) => r.id);
  await tx.duplicateCandidate.deleteMany({
    where: { sectionId, OR: [{ amendmentId: { notIn: ids } }, { otherId: { notIn: ids } }] },
  });
  await tx.amendment.updateMany({
    where: { sectionId, duplicateKey: { not: null }, id: { notIn: ids } },
    data: { duplicateKey: null },
  });
  const keys = new Map(standing.map((r) => [r.id, changeKey(r)]));
  const changed = new Set(standing.filter((r) => keys.get(r.id) !== r.duplicateKey).map((r) => r.id));
  if (!changed.size) return;
  const changedIds = [...changed];
  await tx.duplicateCandidate.deleteMany({
    where: { OR: [{ amendmentId: { in: changedIds } }, { otherId: { in: changedIds } }] },
  });
  const dismissed = new Set(
    (
      await tx.duplicateDismissal.findMany({
        where: { OR: [{ amendmentId: { in: changedIds } }, { otherId: { in: changedIds } }] },
        select: { amendmentId: true, otherId: true },
      })
    ).map((d) => `${d.amendmentId} ${d.otherId}`),
  );
  const measured = standing.map((r) => ({ ...r, texts: changeTexts(r) }));
  const pairs: { amendmentId: string; otherId: string; programId: string; sectionId: string; similarity: number }[] =
    [];
  for (let i = 0; i < measured.length; i++) {
    for (let j = i + 1; j < measured.length; j++) {
      const [a, b] = [measured[i]!, measured[j]!];
      if (!changed.has(a.id) && !changed.has(b.id)) continue; // measured already, and unchanged
      const [first, second] = pairKey(a.id, b.id);
      if (dismissed.has(`${first} ${second}`)) continue;
      const similarity = similarityOf(a, b);
      if (similarity >= DUPLICATE_SIMILARITY) {
        pairs.push({ amendmentId: first, otherId: second, programId: a.programId, sectionId, similarity });
      }
    }
  }
  if (pairs.length) await tx.duplicateCandidate.createMany({ data: pairs, skipDuplicates: true });
  await tx.$executeRaw`
    UPDATE "Amendment" AS a SET "duplicateKey" = k.key
    FROM UNNEST(${changedIds}::text[], ${changedIds.map((id) => keys.get(id)!)}::text[]) AS k(id, key)
    WHERE a.id = k.id`;
}

/**
 * Measures the standing amendments that were never measured, one section per transaction: once, at the first
 * start after the migration that added stored candidates (its SQL cannot measure similarity), and for rows
 * written straight into the table (imports, benchmarks). Nothing to do costs one indexed read.
 */
export async function measureUnmeasuredDuplicates(): Promise<number> {
  const sections = await db().amendment.findMany({
    where: { status: { in: [...STANDING] }, duplicateKey: null },
    distinct: ['sectionId'],
    select: { sectionId: true },
  });
  if (!sections.length) return 0;
  const started = performance.now();
  for (const { sectionId } of sections) {
    await db().$transaction(async (tx) => {
      await lockSection(tx, sectionId); // as every write of the section does (regroupSection)
      await refreshDuplicates(tx, sectionId);
    });
  }
  logger.info('possible duplicates measured', {
    sections: sections.length,
    ms: Math.round(performance.now() - started),
  });
  return sections.length;
}

/**
 * The stored pairs of a program's standing amendments that make nearly the same change, most alike first
 * (the queue shows the first `take`); a pair moderators dismissed was deleted then, and is not stored again.
 */
export function storedDuplicates(programId: string, take = 100) {
  return db().duplicateCandidate.findMany({
    where: { programId },
    orderBy: [{ similarity: 'desc' }, { amendmentId: 'asc' }, { otherId: 'asc' }],
    take,
    select: { amendmentId: true, otherId: true, similarity: true },
  });
}

/**
 * The standing amendments of its section an amendment may be merged into (`standing`, read with it, itself
 * included or not), the most alike first, each with its similarity: the merge form preselects the first. `texts`
 * is its change as its page shows it.
 */
export function mergeTargets(
  amendment: Omit<ChangeRow, 'baseText' | 'proposedText'> & { texts: ChangeTexts },
  standing: (ChangeRow & { title: string })[],
) {
  return standing
    .filter((r) => r.id !== amendment.id)
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
    await tx.duplicateCandidate.deleteMany({ where: { amendmentId: first, otherId: second } });
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
