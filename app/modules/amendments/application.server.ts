import type { Prisma } from '~/generated/prisma/client.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText, sectionDocumentName, writeLiveText } from '../documents/live-text.server.ts';
import { parseDoc, type DocNode } from '../documents/rich-text.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { NotFoundError } from '../programs/programs.server.ts';
import { carryOverSection } from './rebase.server.ts';
import { carryOver, docTokens } from './merge.ts';

/**
 * Adopted amendments become the program by themselves (docs/decisions/0015-from-vote-to-program.md): after a
 * round closes, each adopted amendment is written into its section's live text, so that whoever has the section
 * open sees it arrive. The order is fixed: rounds by closing time, then the order of their questions (itself
 * the order of submission). A change is carried over the text as it is now when it does not overlap what moved
 * since its base; one that overlaps is never dropped nor forced: it is flagged for the moderators, who resolve
 * it. Each application keeps the section's text before and after: the chain the published provenance follows.
 */

const EMPTY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };
const json = (doc: DocNode | null) => (doc ? (doc as unknown as Prisma.InputJsonValue) : undefined);

/** Adopted amendments not yet applied (nor flagged), in the order they are applied. */
async function pending() {
  const rows = await db().amendment.findMany({
    where: { status: 'ADOPTED', applications: { none: {} } },
    select: { id: true, roundId: true, submittedAt: true, round: { select: { closedAt: true } } },
  });
  const positions = new Map(
    (
      await db().roundQuestion.findMany({
        where: { roundId: { in: rows.flatMap((r) => (r.roundId ? [r.roundId] : [])) } },
        select: { position: true, amendmentId: true, alternatives: true },
      })
    ).flatMap((q) => {
      const ids = q.amendmentId
        ? [q.amendmentId]
        : ((q.alternatives as { id: string }[] | null) ?? []).map((a) => a.id);
      return ids.map((id) => [id, q.position] as const);
    }),
  );
  const time = (d: Date | null | undefined) => d?.getTime() ?? 0;
  return rows.sort(
    (a, b) =>
      time(a.round?.closedAt) - time(b.round?.closedAt) ||
      (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0) ||
      time(a.submittedAt) - time(b.submittedAt) ||
      (a.id < b.id ? -1 : 1),
  );
}

async function nextSeq(tx: Tx, programId: string) {
  const last = await tx.amendmentApplication.findFirst({ where: { programId }, orderBy: { seq: 'desc' } });
  return (last?.seq ?? 0) + 1;
}

/** Applies every adopted amendment not yet applied; returns how many were applied and how many flagged. */
export async function applyAdopted(): Promise<{ applied: number; conflicts: number }> {
  let applied = 0;
  let conflicts = 0;
  for (const { id } of await pending()) {
    try {
      const outcome = await applyOne(id);
      if (outcome === 'APPLIED') applied++;
      else if (outcome === 'CONFLICT') conflicts++;
    } catch (error) {
      logger.error('an adopted amendment could not be applied', { amendmentId: id, error });
    }
  }
  return { applied, conflicts };
}

async function applyOne(amendmentId: string): Promise<'APPLIED' | 'CONFLICT' | null> {
  const amendment = await db().amendment.findUniqueOrThrow({
    where: { id: amendmentId },
    include: { section: { include: { chapter: true } } },
  });
  if (amendment.status !== 'ADOPTED') return null;
  const name = sectionDocumentName(amendment.sectionId);
  const current = await readLiveText(name, amendment.section.content);
  const base = parseDoc(amendment.baseText);
  const proposed = amendment.proposedText ? parseDoc(amendment.proposedText) : base;
  const programId = amendment.programId;

  if (amendment.kind === 'ADD') {
    // A new section after the one it was proposed after, with the adopted text.
    const sectionId = await db().$transaction(async (tx) => {
      const siblings = await tx.section.findMany({
        where: { chapterId: amendment.section.chapterId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
      const id = newId();
      await tx.section.create({
        data: {
          id,
          chapterId: amendment.section.chapterId,
          title: amendment.newTitle ?? amendment.title,
          position: 0,
          content: json(proposed)!,
        },
      });
      const order = siblings.map((s) => s.id);
      order.splice(order.indexOf(amendment.sectionId) + 1, 0, id);
      for (const [i, sid] of order.entries()) {
        await tx.section.update({ where: { id: sid }, data: { position: (i + 1) * 1000 } });
      }
      await record(tx, amendment.id, programId, id, 'APPLIED', null, proposed);
      return id;
    });
    logger.info('adopted amendment applied', { amendmentId, sectionId });
    return 'APPLIED';
  }

  if (amendment.kind === 'DELETE') {
    await db().$transaction(async (tx) => {
      await tx.section.update({ where: { id: amendment.sectionId }, data: { archivedAt: new Date() } });
      await record(tx, amendment.id, programId, amendment.sectionId, 'APPLIED', current, null);
    });
    return 'APPLIED';
  }

  const same = docTokens(current).join('\u0000') === docTokens(base).join('\u0000');
  const merged = same ? proposed : carryOver(base, current, proposed);
  if (!merged) {
    await db().$transaction((tx) =>
      record(tx, amendment.id, programId, amendment.sectionId, 'CONFLICT', current, null),
    );
    return 'CONFLICT';
  }
  // The live text first (it is the text); then the record. A crash between the two leaves the amendment pending,
  // and the next attempt finds its change already there: applying it again changes nothing (merge of equal hunks).
  await writeLiveText(name, amendment.section.content, merged);
  await db().$transaction((tx) => record(tx, amendment.id, programId, amendment.sectionId, 'APPLIED', current, merged));
  // Standing amendments of the section are measured against the new text.
  await carryOverSection(amendment.sectionId).catch((error: unknown) =>
    logger.warn('carrying amendments over the applied text failed', { sectionId: amendment.sectionId, error }),
  );
  return 'APPLIED';
}

async function record(
  tx: Tx,
  amendmentId: string,
  programId: string,
  sectionId: string,
  status: 'APPLIED' | 'CONFLICT',
  before: DocNode | null,
  after: DocNode | null,
) {
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${programId} FOR UPDATE`;
  await tx.amendmentApplication.create({
    data: {
      id: newId(),
      amendmentId,
      programId,
      sectionId,
      status,
      seq: await nextSeq(tx, programId),
      before: json(before),
      after: json(after),
      appliedAt: status === 'APPLIED' ? new Date() : null,
    },
  });
  if (status === 'APPLIED') {
    await tx.amendment.update({ where: { id: amendmentId }, data: { status: 'APPLIED' } });
  }
  await recordAudit(tx, {
    actorId: null,
    action: status === 'APPLIED' ? 'amendment.applied' : 'amendment.apply_conflict',
    targetType: 'Amendment',
    targetId: amendmentId,
    data: { sectionId },
  });
  if (status === 'APPLIED') await notifyAuthors(tx, amendmentId, 'VOTE_RESULT', { decision: 'APPLIED' });
}

/** An adopted amendment that no longer applies cleanly, with the three texts a moderator needs. */
export async function applicationConflict(actor: Actor, amendmentId: string) {
  const application = await db().amendmentApplication.findUnique({ where: { amendmentId } });
  if (!application || application.status !== 'CONFLICT') return null;
  const amendment = await db().amendment.findUniqueOrThrow({
    where: { id: amendmentId },
    include: { program: true, section: true },
  });
  const current = await readLiveText(sectionDocumentName(amendment.sectionId), amendment.section.content);
  return {
    base: parseDoc(amendment.baseText),
    current,
    proposed: amendment.proposedText ? parseDoc(amendment.proposedText) : EMPTY,
    canResolve: canManageProgram(actor, amendment.program),
  };
}

/**
 * A moderator resolves a conflict: the text they wrote (from the three-way view) becomes the section's text,
 * recorded as this amendment's application, with their reason.
 */
export async function resolveConflict(props: { actor: Actor; amendmentId: string; text: DocNode; reason: string }) {
  const amendment = await db().amendment.findUnique({
    where: { id: props.amendmentId },
    include: { program: true, section: true },
  });
  if (!amendment) throw new NotFoundError(`amendment ${props.amendmentId}`);
  enforce(canManageProgram(props.actor, amendment.program), props.actor, 'amendment.resolve');
  const application = await db().amendmentApplication.findUnique({ where: { amendmentId: amendment.id } });
  if (!application || application.status !== 'CONFLICT') throw new NotFoundError(`conflict ${props.amendmentId}`);
  const name = sectionDocumentName(amendment.sectionId);
  const current = await readLiveText(name, amendment.section.content);
  await writeLiveText(name, amendment.section.content, props.text);
  await db().$transaction(async (tx) => {
    await tx.amendmentApplication.update({
      where: { id: application.id },
      data: {
        status: 'APPLIED',
        before: json(current),
        after: json(props.text),
        appliedAt: new Date(),
        resolvedById: props.actor!.id,
        resolution: props.reason,
      },
    });
    await tx.amendment.update({ where: { id: amendment.id }, data: { status: 'APPLIED' } });
    await recordAudit(tx, {
      actorId: props.actor!.id,
      action: 'amendment.applied',
      targetType: 'Amendment',
      targetId: amendment.id,
      reason: props.reason,
      data: { sectionId: amendment.sectionId, resolved: true },
    });
    await notifyAuthors(tx, amendment.id, 'VOTE_RESULT', { decision: 'APPLIED' });
  });
  await carryOverSection(amendment.sectionId).catch(() => {});
}

/** Adopted amendments waiting for a moderator, for the moderation queue. */
export async function applicationConflicts(programId: string) {
  return db().amendmentApplication.findMany({
    where: { programId, status: 'CONFLICT' },
    select: { amendmentId: true, createdAt: true },
    orderBy: { seq: 'asc' },
  });
}
