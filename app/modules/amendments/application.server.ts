import { Prisma } from '~/generated/prisma/client.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { logger } from '~/utils/logger.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText, writeLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { type DocNode } from '~/rich-text/document.ts';
import { notify, notifyAuthors } from '../notifications/notifications.server.ts';
import { withProgramLease } from '../programs/lease.server.ts';
import { STANDING } from './collisions.server.ts';

import { carryOverSection } from './rebase.server.ts';
import { carryOver, docTokens } from './merge.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';

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

/** Adopted amendments not yet applied (nor flagged), in the order they are applied, with their program. */
async function pending() {
  const rows = await db().amendment.findMany({
    where: {
      status: 'ADOPTED',
      OR: [{ applications: { none: {} } }, { applications: { some: { status: 'PENDING' } } }],
    },
    select: { id: true, programId: true, roundId: true, submittedAt: true, round: { select: { closedAt: true } } },
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

/**
 * Applies every adopted amendment not yet applied; returns how many were applied and how many flagged. Each
 * program's amendments are applied one at a time under its lease (app/modules/programs/lease.server.ts): two
 * processes, or a sweep and a close, never merge into the same text at once. A program whose lease another
 * process holds is left for the next sweep.
 */
export async function applyAdopted(): Promise<{ applied: number; conflicts: number }> {
  let applied = 0;
  let conflicts = 0;
  const programs = [...new Set((await pending()).map((a) => a.programId))];
  for (const programId of programs) {
    await withProgramLease(
      programId,
      async () => {
        // Read again under the lease: another process may have applied some meanwhile.
        for (const { id } of (await pending()).filter((a) => a.programId === programId)) {
          try {
            const outcome = await applyOne(id);
            if (outcome === 'APPLIED') applied++;
            else if (outcome === 'CONFLICT') conflicts++;
          } catch (error) {
            logger.error('an adopted amendment could not be applied', { amendmentId: id, error });
          }
        }
      },
      1000,
    );
  }
  return { applied, conflicts };
}

/**
 * Applies one adopted amendment (under its program's lease). It is first claimed, with the section's text as
 * it is before: if the process dies after writing the live text and before recording it, the next attempt finds
 * the change already there (merging it again changes nothing) and records it against the text it had claimed.
 */
async function applyOne(amendmentId: string): Promise<'APPLIED' | 'CONFLICT' | null> {
  const amendment = await db().amendment.findUniqueOrThrow({
    where: { id: amendmentId },
    include: { section: { include: { chapter: true } } },
  });
  if (amendment.status !== 'ADOPTED') return null;
  const name = liveDocumentName.section(amendment.sectionId);
  const current = await readLiveText(name, amendment.section.content);
  const base = readStoredDoc(amendment.baseText, 'amendment.baseText');
  const proposed = amendment.proposedText ? readStoredDoc(amendment.proposedText, 'amendment.proposedText') : base;
  const programId = amendment.programId;
  let claim = await db().amendmentApplication.findUnique({ where: { amendmentId } });
  if (claim && claim.status !== 'PENDING') return null;
  if (!claim) {
    claim = await db().$transaction(async (tx) =>
      tx.amendmentApplication.create({
        data: {
          id: newId(),
          amendmentId,
          programId,
          sectionId: amendment.sectionId,
          status: 'PENDING',
          seq: await nextSeq(tx, programId),
          before: amendment.kind === 'ADD' ? undefined : json(current),
        },
      }),
    );
  }
  const before = claim.before ? readStoredDoc(claim.before, 'applied.before') : null;

  if (amendment.kind === 'ADD') {
    // A new section after the one it was proposed after, with the adopted text: one transaction.
    await db().$transaction(async (tx) => {
      const siblings = await tx.section.findMany({
        where: { chapterId: amendment.section.chapterId, archivedAt: null },
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
      await record(tx, claim.id, amendment.id, id, 'APPLIED', null, proposed);
    });
    return 'APPLIED';
  }

  if (amendment.kind === 'DELETE') {
    await db().$transaction(async (tx) => {
      await tx.section.update({ where: { id: amendment.sectionId }, data: { archivedAt: new Date() } });
      // Amendments still standing on the removed section have nothing left to change.
      const orphans = await tx.amendment.findMany({
        where: { sectionId: amendment.sectionId, status: { in: [...STANDING] } },
        select: { id: true },
      });
      await tx.amendment.updateMany({ where: { id: { in: orphans.map((o) => o.id) } }, data: { status: 'WITHDRAWN' } });
      for (const orphan of orphans) {
        await recordAudit(tx, {
          actorId: null,
          action: 'amendment.withdrawn',
          targetType: 'Amendment',
          targetId: orphan.id,
          data: { sectionRemovedBy: amendment.id },
        });
        await notifyAuthors(tx, orphan.id, 'DECISION', { decision: 'SECTION_REMOVED' });
      }
      await record(tx, claim.id, amendment.id, amendment.sectionId, 'APPLIED', before ?? current, null);
    });
    return 'APPLIED';
  }

  const same = docTokens(current).join('\u0000') === docTokens(base).join('\u0000');
  const merged = same ? proposed : carryOver(base, current, proposed);
  if (!merged) {
    await db().$transaction((tx) => record(tx, claim.id, amendment.id, amendment.sectionId, 'CONFLICT', current, null));
    await notifyModerators(amendment.id);
    return 'CONFLICT';
  }
  // The live text first (it is the text), then the record; see above for a crash in between.
  await writeLiveText(name, amendment.section.content, merged);
  await db().$transaction((tx) =>
    record(tx, claim.id, amendment.id, amendment.sectionId, 'APPLIED', before ?? current, merged),
  );
  // Standing amendments of the section are measured against the new text.
  await carryOverSection(amendment.sectionId).catch((error: unknown) =>
    logger.warn('carrying amendments over the applied text failed', { sectionId: amendment.sectionId, error }),
  );
  return 'APPLIED';
}

/** Tells the program's moderators that an adopted amendment waits for them. */
async function notifyModerators(amendmentId: string) {
  const moderators = await db().member.findMany({
    where: { role: { in: ['MODERATOR', 'ADMIN'] }, deletedAt: null },
    select: { id: true },
  });
  await db().$transaction((tx) =>
    notify(tx, {
      memberIds: moderators.map((m) => m.id),
      kind: 'DECISION',
      amendmentId,
      data: { decision: 'CONFLICT' },
    }),
  );
}

async function record(
  tx: Tx,
  applicationId: string,
  amendmentId: string,
  sectionId: string,
  status: 'APPLIED' | 'CONFLICT',
  before: DocNode | null,
  after: DocNode | null,
) {
  await tx.amendmentApplication.update({
    where: { id: applicationId },
    data: {
      sectionId,
      status,
      before: before ? json(before) : Prisma.DbNull,
      after: after ? json(after) : Prisma.DbNull,
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
  const current = await readLiveText(liveDocumentName.section(amendment.sectionId), amendment.section.content);
  return {
    base: readStoredDoc(amendment.baseText, 'amendment.baseText'),
    current,
    proposed: amendment.proposedText ? readStoredDoc(amendment.proposedText, 'amendment.proposedText') : EMPTY,
    canResolve: canManageProgram(actor, amendment.program),
  };
}

/**
 * A moderator resolves a conflict: the text they wrote (from the three-way view) becomes the section's text,
 * recorded as this amendment's application, with their reason.
 */
export async function resolveConflict(props: { actor: Actor; amendmentId: string; text: DocNode; reason: string }) {
  const { actor } = props;
  const amendment = await db().amendment.findUnique({
    where: { id: props.amendmentId },
    include: { program: true, section: true },
  });
  if (!amendment) throw new NotFoundError(`amendment ${props.amendmentId}`);
  enforce(canManageProgram(actor, amendment.program), actor, 'amendment.resolve');
  if (amendment.section.archivedAt) throw new NotFoundError(`section ${amendment.sectionId}`);
  const done = await withProgramLease(amendment.programId, async () => {
    // Checked under the lease: two moderators resolving at once, the second finds it done.
    const application = await db().amendmentApplication.findUnique({ where: { amendmentId: amendment.id } });
    if (!application || application.status !== 'CONFLICT') throw new NotFoundError(`conflict ${props.amendmentId}`);
    const name = liveDocumentName.section(amendment.sectionId);
    const current = await readLiveText(name, amendment.section.content);
    await writeLiveText(name, amendment.section.content, props.text);
    await db().$transaction(async (tx) => {
      await tx.amendmentApplication.update({
        where: { id: application.id },
        data: {
          status: 'APPLIED',
          // Applied now, after whatever was applied since it was flagged: its place in the chain is now.
          seq: await nextSeq(tx, amendment.programId),
          before: json(current),
          after: json(props.text),
          appliedAt: new Date(),
          resolvedById: actor.id,
          resolution: props.reason,
        },
      });
      await tx.amendment.update({ where: { id: amendment.id }, data: { status: 'APPLIED' } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'amendment.applied',
        targetType: 'Amendment',
        targetId: amendment.id,
        reason: props.reason,
        data: { sectionId: amendment.sectionId, resolved: true },
      });
      await notifyAuthors(tx, amendment.id, 'VOTE_RESULT', { decision: 'APPLIED' });
    });
  });
  if (!done.ran) throw new ApplicationBusyError();
  await carryOverSection(amendment.sectionId).catch(() => {});
}

/** Another process is applying amendments or publishing this program right now: try again in a moment. */
export class ApplicationBusyError extends DomainError {
  constructor() {
    super('busy', 'version.errors.busy', { field: 'text', log: 'the program is being updated' });
  }
}
