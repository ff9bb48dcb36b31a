import { enforceRead, type Actor } from '~/policies/actor.ts';
import { amendmentAbilities, canReadAmendment, STANDING } from '~/policies/amendment.ts';
import { canKnowProgram, canReadDraft } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { docToDiffText, type DocNode } from '~/rich-text/document.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { amendmentSeed } from '~/modules/live-text/storage.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, listsMember, rowsOf } from '~/modules/members/membership.server.ts';
import { DEBATE_SHAPE } from '../debate/debate.server.ts';
import { amendmentTimeline, firstVersionWith, timelineEvents } from './amendment-timeline.server.ts';
import { diffWords } from './diff.ts';
import { carryOverSection, MEASURED, textMoved } from './rebase.server.ts';
import { expireOverdue, supportSummary } from './supports.server.ts';

/**
 * An amendment as its page shows it, read in one statement (relation joins, ADR 0034) beside its timeline's
 * events: the amendment, its program's facts (versions, the reader's seat on the committee), its authors, its
 * section with the section's other amendments (competitors, merge targets, the compromise and its original, what
 * a carry-over measures), its round, its application, its supports, its recommendation, the reader's follow and
 * the debate's comments (their places; a page's texts are read next). What the amendment's page adds
 * (amendment-page.server.ts) is computed from this read.
 */

const EMPTY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** What the page needs of the other amendments of the same section (a few columns, no text). */
const SIBLING = {
  id: true,
  title: true,
  status: true,
  submittedAt: true,
  collisionGroup: true,
  compromiseOfId: true,
  recommendation: { select: { kind: true, reason: true, updatedAt: true } },
} as const;

/** The one read of the amendment's page, for `actor`. */
function readRow(actor: Actor, id: string) {
  return db().amendment.findUnique({
    where: { id },
    include: {
      program: {
        select: {
          id: true,
          slug: true,
          phase: true,
          draftIsPublic: true,
          committee: rowsOf(actor),
          versions: { orderBy: { number: 'asc' }, select: { number: true, throughSeq: true } },
          // The standing amendments of its section, texts included: for the carry-over check and merge targets.
          amendments: {
            where: { status: { in: [...STANDING] }, section: { amendments: { some: { id } } } },
            orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
            select: { ...MEASURED, title: true, sectionId: true },
          },
        },
      },
      authors: { select: { memberId: true, member: { select: { displayName: true } } }, orderBy: { addedAt: 'asc' } },
      invitations: rowsOf(actor),
      section: {
        select: {
          id: true,
          title: true,
          content: true,
          amendments: { orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], select: SIBLING },
        },
      },
      round: {
        select: {
          id: true,
          number: true,
          title: true,
          status: true,
          openedAt: true,
          closedAt: true,
          results: true,
          questions: { select: { id: true, amendmentId: true, alternatives: true } },
        },
      },
      applications: { select: { status: true, seq: true, appliedAt: true } },
      _count: { select: { supports: true } },
      supports: rowsOf(actor),
      groupEndorsements: {
        where: { group: { status: 'VALIDATED' } },
        orderBy: { createdAt: 'asc' },
        select: { group: { select: { id: true, name: true } } },
      },
      recommendation: { select: { kind: true, reason: true, updatedAt: true } },
      follows: rowsOf(actor),
      comments: DEBATE_SHAPE,
    },
  });
}

/** The amendment's row as the page reads it. */
export type AmendmentRow = NonNullable<Awaited<ReturnType<typeof readRow>>>;

/**
 * Reads the amendment and its timeline's events side by side, and refuses as the amendment's other reads do:
 * not found if the reader may not know the program or the draft, a refusal if they may not read it. A status
 * that is stale (its support deadline passed) or a base that moved under it (the section's text changed since it
 * was measured, outside drafting) is brought up to date first, and read again.
 */
async function readChecked(actor: Actor, slug: string, id: string, now: Date) {
  let [row, events] = await Promise.all([readRow(actor, id), timelineEvents(id)]);
  if (row?.status === 'SUBMITTED' && row.supportDeadline && row.supportDeadline < now) {
    await expireOverdue(now, id);
    [row, events] = await Promise.all([readRow(actor, id), timelineEvents(id)]);
  }
  if (!row) throw new NotFoundError(`amendment ${id}`);
  const { program } = row;
  const published = program.versions.length > 0;
  if (!canReadDraft(actor, program) && !canKnowProgram(actor, { ...program, published })) {
    throw new NotFoundError(`program ${program.id}`);
  }
  const application = row.applications[0] ?? null;
  const facts = {
    status: row.status,
    actorIsAuthor: listsMember(row.authors, actor),
    actorIsInvited: isAmong(row.invitations),
    submitted: row.submittedAt !== null,
    isCompromise: row.compromiseOfId !== null,
    // Only of those who may not read the draft: for them, a published version must include it.
    inPublishedVersion:
      row.submittedAt !== null &&
      !canReadDraft(actor, program) &&
      application?.status === 'APPLIED' &&
      firstVersionWith(program.versions, application.seq) !== null,
  };
  // A draft (even withdrawn) exists only for its authors and those invited to join them: not found, for others.
  if (!facts.submitted && !facts.actorIsAuthor && !facts.actorIsInvited) throw new NotFoundError(`amendment ${id}`);
  if (program.slug !== slug) throw new NotFoundError(`amendment ${id}`);
  enforceRead(canReadAmendment(actor, program, facts), actor, 'amendment.read');
  // Measured against the section's text as it is now (carried over, or marked for an update). While the program
  // is being drafted the text moves at every keystroke: amendments are measured again when drafting ends.
  if (STANDING.includes(row.status) && program.phase !== 'DRAFTING') {
    const current = await readLiveText(liveDocumentName.section(row.sectionId), row.section.content);
    if (textMoved(program.amendments, current) && (await carryOverSection(row.sectionId)).changed) {
      // Carried over (or marked for an update): its texts, group and timeline changed, not who may read it.
      [row, events] = await Promise.all([readRow(actor, id), timelineEvents(id)]);
      if (!row) throw new NotFoundError(`amendment ${id}`);
    }
  }
  return { row, facts, events, application };
}

/**
 * An amendment as its page shows it: what it changes, by whom, where it stands, and its proposed text (live
 * while drafted, frozen once submitted) with the word-level difference from its base; with the row it was read
 * from (for the rest of its page) and what the policies were told.
 */
export async function readAmendment(actor: Actor, slug: string, id: string, now = new Date()) {
  const { row, facts, events, application } = await readChecked(actor, slug, id, now);
  // A new section is measured against nothing: all of its text is added, and the section it follows is untouched.
  const base = row.kind === 'ADD' ? EMPTY : readStoredDoc(row.baseText, 'amendment.baseText');
  const proposed =
    row.kind === 'DELETE'
      ? { type: 'doc' as const, content: [] }
      : row.proposedText
        ? readStoredDoc(row.proposedText, 'amendment.proposedText')
        : await readLiveText(liveDocumentName.amendment(row.id), amendmentSeed(row));
  const siblings = row.section.amendments;
  const supports = supportSummary(row, {
    supports: row._count.supports,
    groups: row.groupEndorsements.map((g) => g.group),
    mine: isAmong(row.supports),
  });
  const view = {
    amendment: {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      justification: row.justification,
      newTitle: row.newTitle,
      createdAt: row.createdAt,
      submittedAt: row.submittedAt,
      documentName: liveDocumentName.amendment(row.id),
      needsUpdate: row.needsUpdate,
      collisionGroup: row.collisionGroup,
    },
    section: { id: row.section.id, title: row.section.title },
    authors: row.authors.map((a) => ({ id: a.memberId, name: a.member.displayName })),
    // Whom the authors invited is not shown, even to them: an address that matched no member would show
    // nothing, so the list would tell who is a member. Names appear once the invited member accepts.
    invitedMe: facts.actorIsInvited,
    base,
    proposed,
    diff: diffWords(docToDiffText(base), docToDiffText(proposed)),
    // Its collision group, itself left out, earliest first (a group is one section's).
    competitors: row.collisionGroup
      ? siblings
          .filter((s) => s.collisionGroup === row.collisionGroup && s.id !== row.id)
          .map((s) => ({ id: s.id, title: s.title, status: s.status }))
      : [],
    timeline: amendmentTimeline(events, {
      amendment: row,
      round: row.round,
      application,
      versions: row.program.versions,
    }),
    mergedInto: await mergedInto(row),
    update: row.needsUpdate ? updateOf(row, base) : null,
    supports,
    round: row.round
      ? { id: row.round.id, number: row.round.number, title: row.round.title, status: row.round.status }
      : null,
    abilities: amendmentAbilities(
      actor,
      row.program,
      { ...facts, supportDeadline: row.supportDeadline, needsUpdate: row.needsUpdate, authors: row.authors.length },
      now,
    ),
  };
  return { view, row, facts };
}

/** An amendment as its page shows it (readAmendment, without the row). */
export async function getAmendment(actor: Actor, slug: string, id: string) {
  return (await readAmendment(actor, slug, id)).view;
}

/** The amendment it was merged into: one of its section's (merging keeps to a section), else read. */
async function mergedInto(row: AmendmentRow) {
  if (!row.mergedIntoId) return null;
  const sibling = row.section.amendments.find((s) => s.id === row.mergedIntoId);
  if (sibling) return { id: sibling.id, title: sibling.title };
  return db().amendment.findUnique({ where: { id: row.mergedIntoId }, select: { id: true, title: true } });
}

/** The update its authors must write: the text to rewrite against, its live draft, and its difference. */
function updateOf(row: AmendmentRow, base: DocNode) {
  const current = readStoredDoc(row.rebaseTo, 'amendment.rebaseTo');
  return {
    current,
    documentName: liveDocumentName.amendmentUpdate(row.id, row.revision + 1),
    currentDiff: diffWords(docToDiffText(base), docToDiffText(current)),
  };
}
