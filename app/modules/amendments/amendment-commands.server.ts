import type { AmendmentKind } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canEditAmendment, canStartAmendment, canWithdrawAmendment } from '~/policies/amendment.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { docToDiffText, docToPlainText, type DocNode } from '~/rich-text/document.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { followOwnAmendment, notifyFollowers } from '../follows/follows.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';
import { regroupSection } from './collisions.server.ts';
import { diffWords, hasChanges } from './diff.ts';
import { assertMove } from './lifecycle.ts';
import { carryOver, docTokens } from './merge.ts';
import { fixThreshold } from './supports.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { amendmentSeed } from '~/modules/live-text/storage.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { AmendmentError, amendmentWithFacts } from './amendments.server.ts';

/**
 * What changes an amendment's life from its authors' side: starting a draft, submitting it, withdrawing it. Its
 * co-authors are in coauthors.server.ts, its supports in supports.server.ts, moderators' decisions in
 * moderation.server.ts; what pages read is in amendments.server.ts and amendment-view.server.ts.
 */

/** Input of `startAmendment`. */
export interface StartAmendmentProps {
  actor: Actor;
  slug: string;
  sectionId: string;
  kind: AmendmentKind;
  title: string;
  justification: string;
  /** For ADD: the new section's title. */
  newTitle?: string;
}

/**
 * Starts a draft amendment on a section (members, while the program takes amendments). Its base is the
 * section's live text now; the creator is its first author. Returns its id.
 */
export async function startAmendment(props: StartAmendmentProps): Promise<string> {
  const { actor } = props;
  const section = await db().section.findUnique({
    where: { id: props.sectionId },
    select: { id: true, content: true, archivedAt: true, chapter: { select: { program: true } } },
  });
  const program = section?.chapter.program;
  if (!section || section.archivedAt || !program || program.slug !== props.slug) {
    throw new NotFoundError(`section ${props.sectionId}`);
  }
  enforce(canStartAmendment(actor, program), actor, 'amendment.start');
  // Read before the transaction: the embedded database has one connection, which a transaction holds.
  const baseText = await readLiveText(liveDocumentName.section(section.id), section.content);
  return db().$transaction(async (tx) => {
    const id = newId();
    await tx.amendment.create({
      data: {
        id,
        programId: program.id,
        sectionId: section.id,
        kind: props.kind,
        title: props.title,
        justification: props.justification,
        newTitle: props.kind === 'ADD' ? (props.newTitle ?? props.title) : null,
        baseText,
        createdById: actor.id,
        authors: { create: { memberId: actor.id } },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.started',
      targetType: 'Amendment',
      targetId: id,
      data: { kind: props.kind, sectionId: section.id },
    });
    await followOwnAmendment(tx, actor.id, { id, programId: program.id });
    return id;
  });
}

/**
 * Submits a draft (authors, while the program takes amendments): its text is frozen as it stands in the live
 * document, and everyone who reads the program can see it. A change that changes nothing is refused.
 */
export async function submitAmendment(props: { actor: Actor; id: string }) {
  const { actor } = props;
  const { amendment, facts } = await amendmentWithFacts(db(), actor, props.id);
  enforce(canEditAmendment(actor, amendment.program, facts), actor, 'amendment.submit');
  const proposed =
    amendment.kind === 'DELETE'
      ? null
      : await readLiveText(liveDocumentName.amendment(amendment.id), amendmentSeed(amendment));
  if (proposed) {
    const text = docToPlainText(proposed).trim();
    if (!text) throw new AmendmentError('amendments.errors.emptyText');
    if (
      amendment.kind === 'CHANGE' &&
      !hasChanges(diffWords(wordsOf(readStoredDoc(amendment.baseText, 'amendment.baseText')), wordsOf(proposed)))
    ) {
      throw new AmendmentError('amendments.errors.noChange');
    }
  }
  // The section may have moved since the draft started (drafting reopened, an amendment applied): the change is
  // carried over to the current text, or submitted as needing its authors' update.
  const section = await db().section.findUniqueOrThrow({
    where: { id: amendment.sectionId },
    select: { content: true },
  });
  const current = await readLiveText(liveDocumentName.section(amendment.sectionId), section.content);
  const base = readStoredDoc(amendment.baseText, 'amendment.baseText');
  const moved = docTokens(base).join('\u0000') !== docTokens(current).join('\u0000');
  const carried = moved && proposed && amendment.kind === 'CHANGE' ? carryOver(base, current, proposed) : null;
  const needsUpdate = moved && amendment.kind === 'CHANGE' && !carried;
  await db().$transaction(async (tx) => {
    // The status is checked again under the transaction: two authors submitting at once submit once.
    const row = await tx.amendment.findUniqueOrThrow({ where: { id: amendment.id }, select: { status: true } });
    assertMove(row.status, 'SUBMITTED');
    const now = new Date();
    const program = await tx.program.findUniqueOrThrow({ where: { id: amendment.program.id } });
    await tx.amendment.update({
      where: { id: amendment.id },
      data: {
        status: 'SUBMITTED',
        submittedAt: now,
        proposedText: carried ?? proposed ?? undefined,
        ...(moved && !needsUpdate ? { baseText: current } : {}),
        ...(needsUpdate ? { needsUpdate: true, rebaseTo: current } : {}),
        ...(await fixThreshold(tx, program, now)),
      },
    });
    // Invitations nobody answered lapse: the authors are those who submitted it.
    await tx.coauthorInvitation.deleteMany({ where: { amendmentId: amendment.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.submitted',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: moved ? { baseMoved: true, needsUpdate } : undefined,
    });
    await notifyFollowers(tx, {
      amendmentId: amendment.id,
      kind: 'FOLLOWED_NEW_AMENDMENT',
      actorId: actor.id,
      skipAuthors: true,
    });
    await regroupSection(tx, amendment.sectionId);
    if (needsUpdate) {
      await notifyAuthors(tx, amendment.id, 'NEEDS_UPDATE');
      await notifyModerators(tx, { kind: 'MOD_NEEDS_UPDATE', amendmentId: amendment.id });
    }
  });
}

/**
 * A text's words as the "no change" check compares them: its diff text without blank lines. The editor adds an
 * empty paragraph after a text that ends with a quote or a list (Tiptap's trailing node) as soon as an author
 * opens the draft: that changes nothing anyone reads, so it is no change.
 */
function wordsOf(doc: DocNode): string {
  return docToDiffText(doc)
    .split('\n')
    .filter((line) => line.replace(/^(> ?)+/, '').trim() !== '')
    .join('\n');
}

/** Withdraws an amendment (authors, until its vote opens). */
export async function withdrawAmendment(props: { actor: Actor; id: string }) {
  await db().$transaction(async (tx) => {
    const { amendment, facts } = await amendmentWithFacts(tx, props.actor, props.id);
    enforce(canWithdrawAmendment(props.actor, facts), props.actor, 'amendment.withdraw');
    assertMove(amendment.status, 'WITHDRAWN');
    await tx.amendment.update({ where: { id: amendment.id }, data: { status: 'WITHDRAWN' } });
    await tx.coauthorInvitation.deleteMany({ where: { amendmentId: amendment.id } });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'amendment.withdrawn',
      targetType: 'Amendment',
      targetId: amendment.id,
      data: { from: amendment.status },
    });
    await notifyFollowers(tx, {
      amendmentId: amendment.id,
      kind: 'FOLLOWED_STATUS',
      actorId: props.actor.id,
      data: { status: 'WITHDRAWN' },
    });
    await regroupSection(tx, amendment.sectionId);
  });
}
