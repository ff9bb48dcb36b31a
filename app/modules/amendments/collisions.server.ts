import { STANDING } from '~/policies/amendment.ts';
import type { AmendmentKind } from '~/generated/prisma/enums.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import type { Tx } from '~/utils/db.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';
import { refreshDuplicates, type MeasuredRow } from './duplicates.server.ts';
import { lockSection } from './section-lock.server.ts';
import { changesCollide, docTokens, hunks, type Hunk } from './merge.ts';

/**
 * Collisions: standing amendments of one section whose changes touch the same words of the same base text
 * compete. They are grouped (transitively: if A competes with B and B with C, all three are one group) and a
 * group goes to the vote as one preferential question. Groups are recomputed, in the caller's transaction,
 * whenever an amendment of the section is submitted, leaves the running, or is carried over.
 *
 * Deleting a section competes with every change of it; a new section added after it competes with nothing
 * (both can be adopted). An amendment waiting for its authors' update is measured against another base, so it
 * is left out until it is updated.
 */

/** Amendments still in the running (the policies say which statuses): grouped with those they compete with. */
export { STANDING };

interface Candidate {
  id: string;
  compromiseOfId?: string | null;
  kind: AmendmentKind;
  baseText: unknown;
  proposedText: unknown;
  collisionGroup: string | null;
}

function changeOf(amendment: Candidate): { base: string; hunks: Hunk[] } {
  const base = docTokens(readStoredDoc(amendment.baseText, 'amendment.baseText'));
  const key = base.join('\u0000');
  if (amendment.kind === 'ADD') return { base: key, hunks: [] };
  if (amendment.kind === 'DELETE') return { base: key, hunks: [{ from: 0, to: Math.max(base.length, 1), insert: [] }] };
  return { base: key, hunks: hunks(base, docTokens(readStoredDoc(amendment.proposedText, 'amendment.proposedText'))) };
}

/**
 * Recomputes the collision groups of a section's standing amendments and refreshes its stored possible
 * duplicates (duplicates.server.ts), in the caller's transaction.
 */
export async function regroupSection(tx: Tx, sectionId: string): Promise<void> {
  await lockSection(tx, sectionId);
  // Frozen groups (an amendment already in a vote) are not reopened.
  const rows: (Candidate & MeasuredRow & { needsUpdate: boolean })[] = await tx.amendment.findMany({
    where: { sectionId, status: { in: [...STANDING, 'IN_VOTE'] } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      kind: true,
      status: true,
      baseText: true,
      proposedText: true,
      collisionGroup: true,
      needsUpdate: true,
      compromiseOfId: true,
      programId: true,
      sectionId: true,
      duplicateKey: true,
    },
  });
  await refreshDuplicates(tx, sectionId, rows);
  const others = await tx.amendment.findMany({
    where: { sectionId, status: { notIn: [...STANDING, 'IN_VOTE'] }, collisionGroup: { not: null } },
    select: { id: true },
  });
  const candidates = rows.filter((r) => r.status !== 'IN_VOTE' && !r.needsUpdate);
  const changes = candidates.map(changeOf);
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = changes[i]!;
      const b = changes[j]!;
      if (a.base === b.base && changesCollide(a.hunks, b.hunks)) parent[find(j)] = find(i);
    }
  }
  // The drafting committee's compromise competes with the amendment it would replace, whatever words it changes
  // (docs/decisions/0037-committee-and-scheduled-phases.md).
  candidates.forEach((c, i) => {
    const original = c.compromiseOfId ? candidates.findIndex((o) => o.id === c.compromiseOfId) : -1;
    if (original >= 0) parent[find(i)] = find(original);
  });
  const sizes = new Map<number, number>();
  candidates.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  const updates: { id: string; group: string | null }[] = [];
  candidates.forEach((c, i) => {
    // The group is named after its earliest submitted member, so it keeps its name as others join.
    const root = find(i);
    const group = sizes.get(root)! > 1 ? candidates[candidates.findIndex((_, k) => find(k) === root)]!.id : null;
    if (group !== c.collisionGroup) updates.push({ id: c.id, group });
  });
  for (const r of rows) if (r.needsUpdate && r.collisionGroup) updates.push({ id: r.id, group: null });
  for (const o of others) updates.push({ id: o.id, group: null });
  for (const u of updates) {
    await tx.amendment.update({ where: { id: u.id }, data: { collisionGroup: u.group } });
  }
  await tellOfCompetition(tx, rows, updates, (group) =>
    candidates.filter((_, i) => find(i) === find(candidates.findIndex((c) => c.id === group))).map((c) => c.id),
  );
}

/**
 * Tells of groups that formed or grew (ADR 0035): the followers of each amendment in them (it has a new
 * competitor), and moderators of each group that did not exist before.
 */
async function tellOfCompetition(
  tx: Tx,
  before: { collisionGroup: string | null }[],
  updates: { id: string; group: string | null }[],
  membersOf: (group: string) => string[],
) {
  const existed = new Set(before.flatMap((r) => (r.collisionGroup ? [r.collisionGroup] : [])));
  const grown = [...new Set(updates.flatMap((u) => (u.group ? [u.group] : [])))];
  for (const group of grown) {
    for (const amendmentId of membersOf(group)) {
      await notifyFollowers(tx, { amendmentId, kind: 'FOLLOWED_COMPETING' });
    }
    if (!existed.has(group)) await notifyModerators(tx, { kind: 'MOD_COLLISION', amendmentId: group });
  }
}
