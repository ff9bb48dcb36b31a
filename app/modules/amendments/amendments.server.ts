import type { AmendmentKind, AmendmentStatus } from '~/generated/prisma/enums.ts';
import type { MessageKey } from '~/i18n/index.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import {
  amendmentAbilities,
  canEditAmendment,
  canReadAmendment,
  canStartAmendment,
  canUpdateAmendment,
  canWithdrawAmendment,
} from '~/policies/amendment.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { docToDiffText, docToPlainText, type DocNode } from '~/rich-text/document.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { inPublishedVersion } from './published.server.ts';
import type { RoundResults } from '../voting/types.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { followOwnAmendment, notifyFollowers } from '../follows/follows.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';
import { competitors, regroupSection, STANDING } from './collisions.server.ts';
import { diffWords, hasChanges } from './diff.ts';
import { assertMove } from './lifecycle.ts';
import { carryOver, docTokens } from './merge.ts';
import { carryOverSection } from './rebase.server.ts';
import { expireOverdue, fixThreshold, supportSummary } from './supports.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { whyAmendmentReadOnly } from '~/modules/live-text/why-read-only.ts';
import { amendmentSeed } from '~/modules/live-text/storage.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Amendments and proposals: a change to a section's text, a new section after one, or a section's deletion.
 * Each is drafted live by its authors (its own Yjs document, `amendment:<id>`, seeded on the server from the
 * section's text), then submitted: its proposed text is frozen and everyone who reads the program sees it.
 */

/** A refusal the author can act on; `key` is the message, translated. */
export class AmendmentError extends DomainError {
  constructor(key: MessageKey, field?: string) {
    super('conflict', key, { field });
  }
}

const EMPTY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** An amendment with what the policies need to know of it for `actor`; drafts are not found for others. */
export async function amendmentWithFacts(tx: Tx, actor: Actor, id: string) {
  const amendment = await tx.amendment.findUnique({
    where: { id },
    include: {
      program: { select: { id: true, slug: true, phase: true, draftIsPublic: true } },
      authors: { select: { memberId: true, member: { select: { displayName: true } } }, orderBy: { addedAt: 'asc' } },
      invitations: { select: { memberId: true } },
    },
  });
  if (!amendment) throw new NotFoundError(`amendment ${id}`);
  await hideUnknownProgram(tx, actor, amendment.program);
  const submitted = amendment.submittedAt !== null;
  const facts = {
    status: amendment.status,
    actorIsAuthor: amendment.authors.some((a) => a.memberId === actor?.id),
    actorIsInvited: amendment.invitations.some((i) => i.memberId === actor?.id),
    submitted,
    isCompromise: amendment.compromiseOfId !== null,
    // Asked only of those who may not read the draft: for them, a published version must include it.
    inPublishedVersion: submitted && !canReadDraft(actor, amendment.program) && (await inPublishedVersion(tx, id)),
  };
  // A draft (even withdrawn) exists only for its authors and those invited to join them: not found, for others.
  if (!facts.submitted && !facts.actorIsAuthor && !facts.actorIsInvited) throw new NotFoundError(`amendment ${id}`);
  return { amendment, facts };
}

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
 * An amendment as its page shows it: what it changes, by whom, where it stands, and its proposed text (live
 * while drafted, frozen once submitted) with the word-level difference from its base.
 */
export async function getAmendment(actor: Actor, slug: string, id: string) {
  await expireOverdue(new Date(), id);
  let { amendment, facts } = await amendmentWithFacts(db(), actor, id);
  if (amendment.program.slug !== slug) throw new NotFoundError(`amendment ${id}`);
  enforceRead(canReadAmendment(actor, amendment.program, facts), actor, 'amendment.read');
  // Measured against the section's text as it is now (carried over, or marked for an update). While the program
  // is being drafted the text moves at every keystroke: amendments are measured again when drafting ends.
  if (STANDING.includes(amendment.status) && amendment.program.phase !== 'DRAFTING') {
    if ((await carryOverSection(amendment.sectionId)).changed) {
      ({ amendment, facts } = await amendmentWithFacts(db(), actor, id));
    }
  }
  // A new section is measured against nothing: all of its text is added, and the section it follows is untouched.
  const base = amendment.kind === 'ADD' ? EMPTY : readStoredDoc(amendment.baseText, 'amendment.baseText');
  // Everything else the page shows, read side by side (issue 19: these were read one after the other).
  const [section, proposed, competing, timeline, mergedInto, supports, round] = await Promise.all([
    db().section.findUniqueOrThrow({ where: { id: amendment.sectionId }, select: { id: true, title: true } }),
    amendment.kind === 'DELETE'
      ? { type: 'doc' as const, content: [] }
      : amendment.proposedText
        ? readStoredDoc(amendment.proposedText, 'amendment.proposedText')
        : readLiveText(liveDocumentName.amendment(amendment.id), amendmentSeed(amendment)),
    competitors(db(), amendment),
    amendmentTimeline(amendment),
    amendment.mergedIntoId
      ? db().amendment.findUnique({ where: { id: amendment.mergedIntoId }, select: { id: true, title: true } })
      : null,
    supportSummary(actor, amendment),
    amendment.roundId
      ? db().votingRound.findUnique({
          where: { id: amendment.roundId },
          select: { id: true, number: true, title: true, status: true },
        })
      : null,
  ]);
  const related = { competitors: competing, timeline, mergedInto, supports, round };
  return {
    amendment: {
      id: amendment.id,
      kind: amendment.kind,
      status: amendment.status,
      title: amendment.title,
      justification: amendment.justification,
      newTitle: amendment.newTitle,
      createdAt: amendment.createdAt,
      submittedAt: amendment.submittedAt,
      documentName: liveDocumentName.amendment(amendment.id),
      needsUpdate: amendment.needsUpdate,
      collisionGroup: amendment.collisionGroup,
    },
    section,
    authors: amendment.authors.map((a) => ({ id: a.memberId, name: a.member.displayName })),
    // Whom the authors invited is not shown, even to them: an address that matched no member would show
    // nothing, so the list would tell who is a member. Names appear once the invited member accepts.
    invitedMe: facts.actorIsInvited,
    base,
    proposed,
    diff: diffWords(docToDiffText(base), docToDiffText(proposed)),
    competitors: related.competitors,
    timeline: related.timeline,
    mergedInto: related.mergedInto,
    update: amendment.needsUpdate
      ? {
          current: readStoredDoc(amendment.rebaseTo, 'amendment.rebaseTo'),
          documentName: liveDocumentName.amendmentUpdate(amendment.id, amendment.revision + 1),
          currentDiff: diffWords(
            docToDiffText(base),
            docToDiffText(readStoredDoc(amendment.rebaseTo, 'amendment.rebaseTo')),
          ),
        }
      : null,
    supports: related.supports,
    round: related.round,
    abilities: amendmentAbilities(
      actor,
      amendment.program,
      {
        ...facts,
        supportDeadline: amendment.supportDeadline,
        needsUpdate: amendment.needsUpdate,
        authors: amendment.authors.length,
      },
      new Date(),
    ),
  };
}

/** The steps of an amendment's life that its timeline shows, in the order they can happen. */
const TIMELINE_ACTIONS = [
  'amendment.started',
  'amendment.submitted',
  'amendment.qualified',
  'amendment.expired',
  'amendment.carried_over',
  'amendment.needs_update',
  'amendment.updated',
  'amendment.admissible',
  'amendment.inadmissible',
  'amendment.merged',
  'amendment.recommended',
  'amendment.replaced',
  'amendment.compromise_accepted',
  'amendment.withdrawn',
] as const;
export type TimelineStep = (typeof TIMELINE_ACTIONS)[number] extends `amendment.${infer S}` ? S : never;

/** A step of an amendment's timeline, with what its vote and application add (the round, the counts, the version). */
export interface TimelineEntry {
  id: string;
  step: TimelineStep | 'in_vote' | 'adopted' | 'rejected' | 'applied';
  at: Date;
  by: string | null;
  reason: string | null;
  round?: { id: string; number: number; title: string };
  /** Adopted or rejected by a yes/no question: its counts; by a preferential one: its rank among the options. */
  counts?: { yes: number; no: number; abstain: number };
  ranked?: { rank: number; of: number; method: string };
  /** Applied: the first published version that includes it, or null while none does. */
  version?: number | null;
}

/**
 * An amendment's status timeline, oldest first: each step of its life, when, and by whom when a person acted;
 * then its vote (when its round opened), the decision (when it closed, with the counts) and its application (when
 * it was written into the live text, and the first published version that includes it). Those last steps are read
 * from the round and the application themselves, which no audit event per amendment records.
 */
async function amendmentTimeline(amendment: { id: string; programId: string; roundId: string | null; status: string }) {
  const [events, later] = await Promise.all([
    db().auditEvent.findMany({
      where: { targetType: 'Amendment', targetId: amendment.id, action: { in: [...TIMELINE_ACTIONS] } },
      orderBy: { id: 'asc' },
      select: { id: true, action: true, createdAt: true, actorId: true, reason: true },
    }),
    voteAndApplication(amendment),
  ]);
  const names = new Map(
    (
      await db().member.findMany({
        where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => x !== null) } },
        select: { id: true, displayName: true },
      })
    ).map((m) => [m.id, m.displayName]),
  );
  const steps: TimelineEntry[] = events.map((e) => ({
    id: String(e.id),
    step: e.action.slice('amendment.'.length) as TimelineStep,
    at: e.createdAt,
    by: e.actorId ? (names.get(e.actorId) ?? null) : null,
    reason: e.reason,
  }));
  return [...steps, ...later];
}

/** The steps after admissibility: in the vote, adopted or rejected (with the counts), applied (and published in). */
async function voteAndApplication(amendment: {
  id: string;
  programId: string;
  roundId: string | null;
  status: string;
}): Promise<TimelineEntry[]> {
  if (!amendment.roundId) return [];
  const [round, application] = await Promise.all([
    db().votingRound.findUnique({
      where: { id: amendment.roundId },
      select: {
        id: true,
        number: true,
        title: true,
        method: true,
        openedAt: true,
        closedAt: true,
        results: true,
        questions: { select: { id: true, kind: true, amendmentId: true, alternatives: true } },
      },
    }),
    db().amendmentApplication.findUnique({
      where: { amendmentId: amendment.id },
      select: { status: true, seq: true, appliedAt: true },
    }),
  ]);
  if (!round?.openedAt) return [];
  const ref = { id: round.id, number: round.number, title: round.title };
  const steps: TimelineEntry[] = [
    { id: `vote-${round.id}`, step: 'in_vote', at: round.openedAt, by: null, reason: null, round: ref },
  ];
  const decided = ['ADOPTED', 'APPLIED', 'REJECTED'].includes(amendment.status);
  if (!round.closedAt || !decided) return steps;
  const question = round.questions.find(
    (q) =>
      q.amendmentId === amendment.id ||
      ((q.alternatives as { id: string }[] | null) ?? []).some((a) => a.id === amendment.id),
  );
  const result = (round.results as RoundResults | null)?.questions.find((r) => r.id === question?.id);
  steps.push({
    id: `decision-${round.id}`,
    step: amendment.status === 'REJECTED' ? 'rejected' : 'adopted',
    at: round.closedAt,
    by: null,
    reason: null,
    round: ref,
    ...(result?.kind === 'YES_NO' ? { counts: { yes: result.yes, no: result.no, abstain: result.abstain } } : {}),
    ...(result?.kind === 'PREFERENTIAL' && result.ranking.includes(amendment.id)
      ? {
          ranked: {
            rank: result.ranking.indexOf(amendment.id) + 1,
            of: result.ranking.length,
            method: result.method,
          },
        }
      : {}),
  });
  if (application?.status === 'APPLIED' && application.appliedAt) {
    const version = await db().programVersion.findFirst({
      where: { programId: amendment.programId, throughSeq: { gte: application.seq } },
      orderBy: { number: 'asc' },
      select: { number: true },
    });
    steps.push({
      id: `applied-${amendment.id}`,
      step: 'applied',
      at: application.appliedAt,
      by: null,
      reason: null,
      version: version?.number ?? null,
    });
  }
  return steps;
}

/** The amendments on a section that the actor may see (submitted ones, and their own drafts), newest first. */
export async function listSectionAmendments(actor: Actor, sectionId: string) {
  const rows = await db().amendment.findMany({
    where: {
      // Those filed on the section, and the one that created it (filed on the section it follows).
      AND: [
        { OR: [{ sectionId }, { kind: 'ADD', applications: { some: { sectionId, status: 'APPLIED' } } }] },
        { OR: [{ submittedAt: { not: null } }, ...(actor ? [{ authors: { some: { memberId: actor.id } } }] : [])] },
      ],
    },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      sectionId: true,
      authors: { select: { member: { select: { displayName: true } } }, orderBy: { addedAt: 'asc' } },
    },
  });
  return rows.map(({ sectionId: filedOn, ...r }) => ({
    ...r,
    /** It created this section (an ADD filed on the section before it). */
    created: filedOn !== sectionId,
    authors: r.authors.map((a) => a.member.displayName),
  }));
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

/**
 * What an actor may do with an amendment's live draft (or with the draft of its update `revision`): read it,
 * and write it. Null if there is none: an update's draft exists only while the amendment waits for it.
 */
export async function amendmentAccess(actor: Actor, id: string, revision?: number) {
  const row = await db().amendment.findUnique({
    where: { id },
    select: {
      kind: true,
      status: true,
      submittedAt: true,
      needsUpdate: true,
      revision: true,
      compromiseOfId: true,
      program: { select: { phase: true, draftIsPublic: true, phaseStartedAt: true } },
      authors: { where: { memberId: actor?.id ?? '' }, select: { memberId: true } },
      invitations: { where: { memberId: actor?.id ?? '' }, select: { memberId: true } },
    },
  });
  if (!row || row.kind === 'DELETE') return null;
  // Why not, told to an editor that loses the right or writes without it (issue 17).
  const why = (write: boolean) => (write ? null : whyAmendmentReadOnly(actor, row.program, facts));
  const facts = {
    status: row.status,
    actorIsAuthor: row.authors.length > 0,
    actorIsInvited: row.invitations.length > 0,
    submitted: row.submittedAt !== null,
    needsUpdate: row.needsUpdate,
    isCompromise: row.compromiseOfId !== null,
  };
  if (revision !== undefined) {
    if (row.kind !== 'CHANGE' || !row.needsUpdate || revision !== row.revision + 1) return null;
    const write = canUpdateAmendment(actor, row.program, facts);
    return {
      read: write || (facts.actorIsAuthor && canReadAmendment(actor, row.program, facts)),
      write,
      whyReadOnly: why(write),
    };
  }
  const write = canEditAmendment(actor, row.program, facts);
  return { read: canReadAmendment(actor, row.program, facts), write, whyReadOnly: why(write) };
}

/** Filters of the list of a program's amendments. */
export interface AmendmentFilters {
  chapterId?: string;
  status?: AmendmentStatus;
  /** Only those the actor is an author of (drafts included). */
  mine?: boolean;
  /** Only those that compete with others (in a collision group). */
  colliding?: boolean;
}

/**
 * A program's amendments the actor may see (submitted ones, and their own drafts), filtered by chapter,
 * status or authorship, newest first, with the supports each has.
 */
export async function listAmendments(actor: Actor, slug: string, filters: AmendmentFilters = {}) {
  const program = await db().program.findUnique({
    where: { slug },
    select: { id: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  enforceRead(canReadDraft(actor, program), actor, 'program.read_draft');
  if (filters.mine && !actor) return [];
  const visible = [{ submittedAt: { not: null } }, ...(actor ? [{ authors: { some: { memberId: actor.id } } }] : [])];
  const rows = await db().amendment.findMany({
    where: {
      programId: program.id,
      AND: [
        { OR: visible },
        ...(filters.mine && actor ? [{ authors: { some: { memberId: actor.id } } }] : []),
        ...(filters.status ? [{ status: filters.status }] : []),
        ...(filters.chapterId ? [{ section: { chapterId: filters.chapterId } }] : []),
        ...(filters.colliding ? [{ collisionGroup: { not: null } }] : []),
      ],
    },
    orderBy: filters.colliding ? [{ collisionGroup: 'asc' }, { submittedAt: 'asc' }] : { createdAt: 'desc' },
    take: 500,
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      sectionId: true,
      supportsNeeded: true,
      supportDeadline: true,
      collisionGroup: true,
      needsUpdate: true,
      _count: { select: { supports: true } },
      authors: { select: { member: { select: { displayName: true } } }, orderBy: { addedAt: 'asc' } },
    },
  });
  return rows.map(({ _count, authors, ...r }) => ({
    ...r,
    supports: _count.supports,
    authors: authors.map((a) => a.member.displayName),
  }));
}
