import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import type { MessageKey } from '~/i18n/index.ts';
import { enforceRead, type Actor } from '~/policies/actor.ts';
import { canEditAmendment, canReadAmendment, canUpdateAmendment } from '~/policies/amendment.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { inPublishedVersion } from './published.server.ts';
import { whyAmendmentReadOnly } from '~/modules/live-text/why-read-only.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, listsMember, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * Amendments and proposals: a change to a section's text, a new section after one, or a section's deletion.
 * Each is drafted live by its authors (its own Yjs document, `amendment:<id>`, seeded on the server from the
 * section's text), then submitted: its proposed text is frozen and everyone who reads the program sees it.
 *
 * This file reads: an amendment with its policy facts (for the commands of every module), the lists, and the
 * rights on its live draft. The commands are in amendment-commands.server.ts, its page in amendment-view.server.ts.
 */

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
    actorIsAuthor: listsMember(amendment.authors, actor),
    actorIsInvited: listsMember(amendment.invitations, actor),
    submitted,
    isCompromise: amendment.compromiseOfId !== null,
    // Asked only of those who may not read the draft: for them, a published version must include it.
    inPublishedVersion: submitted && !canReadDraft(actor, amendment.program) && (await inPublishedVersion(tx, id)),
  };
  // A draft (even withdrawn) exists only for its authors and those invited to join them: not found, for others.
  if (!facts.submitted && !facts.actorIsAuthor && !facts.actorIsInvited) throw new NotFoundError(`amendment ${id}`);
  return { amendment, facts };
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
      authors: rowsOf(actor),
      invitations: rowsOf(actor),
    },
  });
  if (!row || row.kind === 'DELETE') return null;
  // Why not, told to an editor that loses the right or writes without it (issue 17).
  const why = (write: boolean) => (write ? null : whyAmendmentReadOnly(actor, row.program, facts));
  const facts = {
    status: row.status,
    actorIsAuthor: isAmong(row.authors),
    actorIsInvited: isAmong(row.invitations),
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
