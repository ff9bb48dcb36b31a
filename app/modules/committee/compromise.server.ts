import { enforce, type Actor } from '~/policies/actor.ts';
import { canAcceptCompromise, canDraftCompromise } from '~/policies/committee.ts';
import { docToDiffText, docToPlainText } from '~/rich-text/document.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { AmendmentError, amendmentWithFacts } from '../amendments/amendments.server.ts';
import { submitAmendment } from '../amendments/amendment-commands.server.ts';
import { regroupSection } from '../amendments/collisions.server.ts';
import { diffWords, hasChanges } from '../amendments/diff.ts';
import { assertMove } from '../amendments/lifecycle.ts';
import { readLiveText, writeLiveText } from '../live-text/live-text.server.ts';
import { liveDocumentName } from '../live-text/names.ts';
import { amendmentSeed } from '../live-text/storage.server.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { onCommittee } from './committee.server.ts';

/**
 * The committee's compromise (ADR 0037): when it recommends "adopt modified", the committee drafts a text of its
 * own as an amendment like any other (a live document `amendment:<id>`, ADR 0011), starting from the original's
 * proposed text, its authors the committee's members. Submitted, it needs no supports (the committee is
 * mandated): it is admissible at once, joins the original's collision group and its scheduled round, so that
 * members choose between them. If the original's authors agree, it replaces the original, in its round too.
 */

/** The statuses a compromise may be withdrawn from when the committee changes its mind (not once in a vote). */
const OPEN_COMPROMISE = ['DRAFT', 'SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'] as const;

/** The original amendment, as `startCompromise` needs it. */
interface Original {
  id: string;
  programId: string;
  sectionId: string;
  kind: 'CHANGE' | 'ADD' | 'DELETE';
  title: string;
  newTitle: string | null;
  baseText: unknown;
  proposedText: unknown;
}

/**
 * Starts the compromise of `original` (or returns the one already started): a draft whose authors are the
 * committee's members, measured against the original's base, its live text seeded with the original's proposal
 * (a deletion's compromise changes the section's text instead). Returns its id.
 */
export async function startCompromise(actor: Actor, original: Original): Promise<string> {
  enforce(actor !== null, actor, 'committee.recommend');
  const started = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${original.id} FOR UPDATE`;
    const existing = await tx.amendment.findFirst({
      where: { compromiseOfId: original.id, status: { not: 'WITHDRAWN' } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const committee = await tx.committeeMember.findMany({
      where: { programId: original.programId, member: { deletedAt: null, suspendedAt: null } },
      select: { memberId: true },
    });
    const id = newId();
    const kind = original.kind === 'DELETE' ? 'CHANGE' : original.kind;
    const recommendation = await tx.recommendation.findUniqueOrThrow({ where: { amendmentId: original.id } });
    await tx.amendment.create({
      data: {
        id,
        programId: original.programId,
        sectionId: original.sectionId,
        kind,
        title: original.title,
        justification: recommendation.reason,
        newTitle: kind === 'ADD' ? original.newTitle : null,
        baseText: original.baseText as object,
        createdById: actor.id,
        compromiseOfId: original.id,
        authors: {
          create: [...new Set([actor.id, ...committee.map((c) => c.memberId)])].map((memberId) => ({ memberId })),
        },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.started',
      targetType: 'Amendment',
      targetId: id,
      data: { kind, sectionId: original.sectionId, compromiseOf: original.id },
    });
    return { id, created: true };
  });
  // The committee starts from the original's words (a new section's too); a deletion's compromise from the text.
  if (started.created && original.kind !== 'DELETE' && original.proposedText) {
    await writeLiveText(
      liveDocumentName.amendment(started.id),
      amendmentSeed({ kind: original.kind, baseText: original.baseText }),
      readStoredDoc(original.proposedText, 'amendment.proposedText'),
    );
  }
  return started.id;
}

/** Withdraws the compromise of `originalId` the committee no longer proposes (in the caller's transaction). */
export async function withdrawCompromise(tx: Tx, actor: NonNullable<Actor>, originalId: string): Promise<void> {
  const open = await tx.amendment.findMany({
    where: { compromiseOfId: originalId, status: { in: [...OPEN_COMPROMISE] } },
    select: { id: true, status: true, sectionId: true },
  });
  for (const compromise of open) {
    assertMove(compromise.status, 'WITHDRAWN');
    await tx.amendment.update({ where: { id: compromise.id }, data: { status: 'WITHDRAWN', roundId: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.withdrawn',
      targetType: 'Amendment',
      targetId: compromise.id,
      data: { from: compromise.status, compromiseOf: originalId },
    });
    await regroupSection(tx, compromise.sectionId);
  }
}

/**
 * Submits a draft from its page: the committee's compromise by `submitCompromise`, any other amendment as its
 * authors submit it (submitAmendment).
 */
export async function submitDraft(props: { actor: Actor; id: string }): Promise<void> {
  const row = await db().amendment.findUnique({ where: { id: props.id }, select: { compromiseOfId: true } });
  if (row?.compromiseOfId) await submitCompromise(props);
  else await submitAmendment(props);
}

/**
 * Submits the committee's compromise (its members, while it is a draft): its text is frozen as it stands live, and
 * it is admissible at once, in the original's collision group and scheduled round. The original's authors are
 * told they may accept it in place of theirs.
 */
export async function submitCompromise(props: { actor: Actor; id: string }): Promise<void> {
  const { actor } = props;
  const { amendment } = await amendmentWithFacts(db(), actor, props.id);
  if (!amendment.compromiseOfId) throw new NotFoundError(`compromise ${props.id}`);
  const sits = await onCommittee(db(), amendment.programId, actor?.id);
  enforce(
    canDraftCompromise(actor, { phase: amendment.program.phase, actorOnCommittee: sits }, amendment),
    actor,
    'committee.compromise',
  );
  const proposed = await readLiveText(liveDocumentName.amendment(amendment.id), amendmentSeed(amendment));
  if (!docToPlainText(proposed).trim()) throw new AmendmentError('amendments.errors.emptyText');
  const base = amendment.kind === 'ADD' ? '' : docToDiffText(readStoredDoc(amendment.baseText, 'amendment.baseText'));
  if (amendment.kind === 'CHANGE' && !hasChanges(diffWords(base, docToDiffText(proposed)))) {
    throw new AmendmentError('amendments.errors.noChange');
  }
  const originalId = amendment.compromiseOfId;
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id IN (${amendment.id}, ${originalId}) FOR UPDATE`;
    const row = await tx.amendment.findUniqueOrThrow({ where: { id: amendment.id }, select: { status: true } });
    // The life cycle's steps, in one move: submitted, qualified (the committee needs no supports), admissible.
    assertMove(row.status, 'SUBMITTED');
    assertMove('SUBMITTED', 'QUALIFIED');
    assertMove('QUALIFIED', 'ADMISSIBLE');
    const original = await tx.amendment.findUniqueOrThrow({
      where: { id: originalId },
      select: { status: true, round: { select: { id: true, status: true } } },
    });
    const recommendation = await tx.recommendation.findUnique({ where: { amendmentId: originalId } });
    const now = new Date();
    await tx.amendment.update({
      where: { id: amendment.id },
      data: {
        status: 'ADMISSIBLE',
        submittedAt: now,
        qualifiedAt: now,
        proposedText: proposed,
        // It joins the round the original waits in, so that members choose between them.
        roundId: original.round?.status === 'SCHEDULED' ? original.round.id : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.submitted',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { compromiseOf: originalId },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.admissible',
      targetType: 'Amendment',
      targetId: amendment.id,
      reason: recommendation?.reason ?? null,
      data: { compromiseOf: originalId },
    });
    await regroupSection(tx, amendment.sectionId);
    await notifyAuthors(tx, originalId, 'COMPROMISE_PROPOSED', {}, actor.id);
  });
}

/**
 * An author of the original accepts the committee's compromise in its place: the original is merged into the
 * compromise (its page says so, and links to it), which takes its place in its scheduled round. Audited on both,
 * with who accepted. Refused once the vote opened: the questions are fixed then.
 */
export async function acceptCompromise(props: { actor: Actor; id: string }): Promise<string> {
  const { actor } = props;
  return db().$transaction(async (tx) => {
    const { amendment: original, facts } = await amendmentWithFacts(tx, actor, props.id);
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${original.id} OR "compromiseOfId" = ${original.id} FOR UPDATE`;
    const current = await tx.amendment.findUniqueOrThrow({
      where: { id: original.id },
      select: { status: true, roundId: true, sectionId: true, round: { select: { status: true } } },
    });
    const compromise = await tx.amendment.findFirst({
      where: { compromiseOfId: original.id, status: { not: 'WITHDRAWN' } },
      select: { id: true, status: true, roundId: true },
    });
    enforce(
      canAcceptCompromise(actor, { status: current.status, actorIsAuthor: facts.actorIsAuthor }, compromise),
      actor,
      'committee.accept',
    );
    if (current.round && current.round.status !== 'SCHEDULED') {
      throw new DomainError('conflict', 'committee.errors.voteOpen');
    }
    assertMove(current.status, 'MERGED');
    await tx.amendment.update({
      where: { id: original.id },
      data: { status: 'MERGED', mergedIntoId: compromise!.id, roundId: null },
    });
    await tx.amendment.update({
      where: { id: compromise!.id },
      data: { roundId: current.roundId ?? compromise!.roundId },
    });
    const data = { original: original.id, compromise: compromise!.id, roundId: current.roundId };
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.replaced',
      targetType: 'Amendment',
      targetId: original.id,
      data,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.compromise_accepted',
      targetType: 'Amendment',
      targetId: compromise!.id,
      data,
    });
    await regroupSection(tx, current.sectionId);
    return compromise!.id;
  });
}
