import { Prisma } from '~/generated/prisma/client.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canUpdateAmendment } from '~/policies/amendment.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { docToPlainText, type DocNode } from '~/rich-text/document.ts';

import { notify, notifyAuthors } from '../notifications/notifications.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';
import { regroupSection, STANDING } from './collisions.server.ts';
import { diffWords, hasChanges } from './diff.ts';
import { assertMove } from './lifecycle.ts';
import { carryOver, docTokens } from './merge.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * When a section's text moves under its amendments (an earlier amendment was applied, or moderators reopened
 * drafting), each standing amendment is measured again: a change that does not overlap the move is carried
 * over to the new text by itself; one that overlaps is marked "needs an update", and its authors rewrite it
 * against the new text, with the base, the current text and their proposal side by side.
 */

const same = (a: DocNode, b: DocNode) => docTokens(a).join('\u0000') === docTokens(b).join('\u0000');

/** What a carry-over did: amendments carried over, marked for an update, and whether anything changed at all. */
export interface CarryOverResult {
  carried: number;
  needUpdate: number;
  changed: boolean;
}

/** What a carry-over measures a standing amendment on (to read with it: `textMoved`). */
export const MEASURED = {
  id: true,
  kind: true,
  baseText: true,
  proposedText: true,
  needsUpdate: true,
  rebaseTo: true,
} as const;

const standingOf = (sectionId: string) => ({ where: { sectionId, status: { in: [...STANDING] } }, select: MEASURED });

/** The text a standing amendment is measured against: the one it must be rewritten against, or its base. */
const measuredAgainst = (row: { needsUpdate: boolean; rebaseTo: unknown; baseText: unknown }) =>
  readStoredDoc(row.needsUpdate ? row.rebaseTo : row.baseText, 'amendment.rebaseTo or baseText');

/** Whether the section's text moved under one of its standing amendments (each read with `MEASURED`). */
export function textMoved(rows: { needsUpdate: boolean; rebaseTo: unknown; baseText: unknown }[], current: DocNode) {
  return !rows.every((row) => same(measuredAgainst(row), current));
}

/** Carries a section's standing amendments over its current text. */
export async function carryOverSection(sectionId: string): Promise<CarryOverResult> {
  const result: CarryOverResult = { carried: 0, needUpdate: 0, changed: false };
  const section = await db().section.findUnique({ where: { id: sectionId }, select: { id: true, content: true } });
  if (!section) return result;
  // Read before the transaction: the embedded database has one connection, which a transaction holds.
  const current = await readLiveText(liveDocumentName.section(section.id), section.content);
  // Most of the time nothing moved: no transaction, no lock.
  const rows = await db().amendment.findMany(standingOf(sectionId));
  if (!textMoved(rows, current)) return result;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${sectionId} FOR UPDATE`;
    for (const row of await tx.amendment.findMany(standingOf(sectionId))) {
      const base = measuredAgainst(row);
      if (same(base, current)) continue;
      result.changed = true;
      if (row.needsUpdate) {
        // Still waiting for its authors: they now rewrite it against the newest text, in a new live document
        // seeded from it (what they wrote against the older text would otherwise undo the newer change).
        await tx.amendment.update({ where: { id: row.id }, data: { rebaseTo: current, revision: { increment: 1 } } });
        continue;
      }
      // A deletion or a new section does not depend on the words: it follows the text as it is.
      const proposed =
        row.kind === 'CHANGE'
          ? carryOver(base, current, readStoredDoc(row.proposedText, 'amendment.proposedText'))
          : null;
      if (row.kind !== 'CHANGE' || proposed) {
        await tx.amendment.update({
          where: { id: row.id },
          data: { baseText: current, ...(proposed ? { proposedText: proposed } : {}) },
        });
        await recordAudit(tx, {
          actorId: null,
          action: 'amendment.carried_over',
          targetType: 'Amendment',
          targetId: row.id,
        });
        result.carried++;
      } else {
        await tx.amendment.update({ where: { id: row.id }, data: { needsUpdate: true, rebaseTo: current } });
        await recordAudit(tx, {
          actorId: null,
          action: 'amendment.needs_update',
          targetType: 'Amendment',
          targetId: row.id,
        });
        await notifyAuthors(tx, row.id, 'NEEDS_UPDATE');
        await notifyModerators(tx, { kind: 'MOD_NEEDS_UPDATE', amendmentId: row.id });
        result.needUpdate++;
      }
    }
    if (result.changed) await regroupSection(tx, sectionId);
    return result;
  });
}

/** Carries over the standing amendments of every section of a program (after its text may have moved). */
export async function carryOverProgram(slug: string): Promise<void> {
  const sections = await db().amendment.findMany({
    where: { program: { slug }, status: { in: [...STANDING] } },
    distinct: ['sectionId'],
    select: { sectionId: true },
  });
  for (const { sectionId } of sections) await carryOverSection(sectionId);
}

/**
 * Saves the authors' update of an amendment that needed one: its proposed text becomes what they wrote in the
 * update's live document, measured against the text it was rewritten against; it competes again like any other.
 */
export async function saveAmendmentUpdate(props: { actor: Actor; id: string }) {
  const { actor } = props;
  const row = await db().amendment.findUnique({
    where: { id: props.id },
    include: {
      program: { select: { phase: true, draftIsPublic: true } },
      authors: rowsOf(actor),
    },
  });
  if (!row || !row.submittedAt) throw new NotFoundError(`amendment ${props.id}`);
  const facts = {
    status: row.status,
    actorIsAuthor: isAmong(row.authors),
    submitted: true,
    needsUpdate: row.needsUpdate,
  };
  enforce(canUpdateAmendment(actor, row.program, facts), actor, 'amendment.update');
  const rebaseTo = readStoredDoc(row.rebaseTo, 'amendment.rebaseTo');
  const proposed = await readLiveText(liveDocumentName.amendmentUpdate(row.id, row.revision + 1), rebaseTo);
  if (!docToPlainText(proposed).trim()) return { error: 'amendments.errors.emptyText' as const };
  if (!hasChanges(diffWords(docToPlainText(rebaseTo), docToPlainText(proposed)))) {
    return { error: 'amendments.errors.noChange' as const };
  }
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${row.id} FOR UPDATE`;
    const fresh = await tx.amendment.findUniqueOrThrow({ where: { id: row.id } });
    // Two authors saving at once save once; a text that moved again meanwhile has a new update document.
    if (!fresh.needsUpdate || fresh.revision !== row.revision) return;
    // An admissible amendment was judged on its old text: moderators judge the new one.
    const status = fresh.status === 'ADMISSIBLE' ? 'QUALIFIED' : fresh.status;
    if (status !== fresh.status) assertMove(fresh.status, status);
    await tx.amendment.update({
      where: { id: row.id },
      data: {
        status,
        baseText: rebaseTo,
        proposedText: proposed,
        needsUpdate: false,
        rebaseTo: Prisma.DbNull,
        revision: row.revision + 1,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.updated',
      targetType: 'Amendment',
      targetId: row.id,
      data: { revision: row.revision + 1, from: fresh.status, to: status },
    });
    // Its supporters backed the old text: they hear that it changed.
    const supporters = await tx.amendmentSupport.findMany({
      where: { amendmentId: row.id },
      select: { memberId: true },
    });
    await notify(tx, {
      memberIds: supporters.map((s) => s.memberId),
      kind: 'SUPPORTED_UPDATED',
      amendmentId: row.id,
    });
    await regroupSection(tx, row.sectionId);
  });
  await carryOverSection(row.sectionId);
  return { error: null };
}
