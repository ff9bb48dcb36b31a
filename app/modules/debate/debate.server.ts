import type { AmendmentStatus, CommentStance, Phase } from '~/generated/prisma/enums.ts';
import type { Prisma } from '~/generated/prisma/client.ts';
import { enforceRead, type Actor } from '~/policies/actor.ts';
import { canReadAmendment } from '~/policies/amendment.ts';
import { canComment, canEditComment, canReportComment, type CommentFacts } from '~/policies/comment.ts';
import { canManageProgram, canReadDraft } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { type DocNode } from '~/rich-text/document.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { inPublishedVersion } from '../amendments/published.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * The debate on an amendment as readers see it: who may read it (the amendment's own visibility), its threads and
 * counts, and what the reader may do with each comment. Posting, editing, reporting and moderating are
 * comments.server.ts; the moderators' list of reported comments is reported-comments.server.ts.
 */

/**
 * The amendment whose debate the actor reads or joins: not found unless the actor may read the amendment (its
 * authors and invitees before it is submitted; the public once a published version includes it).
 */
export async function debatedAmendment(actor: Actor, amendmentId: string) {
  const amendment = await db().amendment.findUnique({
    where: { id: amendmentId },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      program: { select: { id: true, slug: true, phase: true, draftIsPublic: true } },
      authors: rowsOf(actor),
      invitations: rowsOf(actor),
    },
  });
  if (!amendment) throw new NotFoundError(`amendment ${amendmentId}`);
  await hideUnknownProgram(db(), actor, amendment.program);
  const facts = {
    status: amendment.status,
    actorIsAuthor: isAmong(amendment.authors),
    actorIsInvited: isAmong(amendment.invitations),
    submitted: amendment.submittedAt !== null,
    // The debate of an amendment a published version includes is public with its page.
    inPublishedVersion:
      amendment.submittedAt !== null &&
      !canReadDraft(actor, amendment.program) &&
      (await inPublishedVersion(db(), amendment.id)),
  };
  if (!facts.submitted && !facts.actorIsAuthor && !facts.actorIsInvited) {
    throw new NotFoundError(`amendment ${amendmentId}`);
  }
  enforceRead(canReadAmendment(actor, amendment.program, facts), actor, 'amendment.read');
  return { ...amendment, submitted: facts.submitted };
}

/** A comment as the debate shows it, with its replies and what the reader may do with it. */
export type CommentView = {
  id: string;
  author: string | null;
  mine: boolean;
  stance: CommentStance | null;
  /** Null when hidden: nobody reads a hidden comment's text on the site. */
  body: DocNode | null;
  source: string | null;
  createdAt: Date;
  editedAt: Date | null;
  hidden: { reason: string; at: Date } | null;
  /** Open reports (for moderators only; 0 for everyone else). */
  reports: number;
  can: { edit: boolean; report: boolean; moderate: boolean; reply: boolean };
  replies: CommentView[];
};

/**
 * What the debate is made of, read with the amendment: each comment's place (thread, order) and stance, not its
 * text. A debated amendment has hundreds of comments and its page shows 30 threads: the texts, authors and reports
 * of those shown only are read next (DEBATE_DETAIL). Reading every comment whole with the amendment took half of
 * the page's reading time (bench:movement, 200 comments an amendment: 14 ms, 6 without the texts).
 */
export const DEBATE_SHAPE = {
  orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  take: 2000,
  select: { id: true, parentId: true, stance: true, hiddenAt: true },
} satisfies Prisma.Amendment$commentsArgs;

type ShapeRow = Prisma.CommentGetPayload<typeof DEBATE_SHAPE>;

/** What a page of the debate shows of each of its comments. */
const DEBATE_DETAIL = {
  include: {
    author: { select: { displayName: true } },
    _count: { select: { reports: { where: { resolvedAt: null } } } },
  },
} satisfies Prisma.CommentDefaultArgs;

/** Threads shown on one page of a debate: a debate of hundreds of comments is read (and rendered) a page at a time. */
export const DEBATE_PAGE_THREADS = 30;

/** Which page of a debate to show: a page number (`?debate=`), or the page holding a comment (`?comment=`). */
export type DebatePageRequest = { page?: number; comment?: string };

/** Reads `?debate=` and `?comment=` from a page's address (anything malformed is ignored: the first page). */
export function debatePageRequest(url: URL): DebatePageRequest {
  const page = Number(url.searchParams.get('debate'));
  const comment = url.searchParams.get('comment');
  return {
    page: Number.isSafeInteger(page) && page >= 1 ? page : undefined,
    comment: comment && /^[A-Za-z0-9_-]{1,64}$/.test(comment) ? comment : undefined,
  };
}

/** The debate on an amendment as threads, oldest first, with counts for and against. */
export async function listComments(actor: Actor, amendmentId: string, now = new Date()) {
  const amendment = await debatedAmendment(actor, amendmentId);
  const shape = await db().comment.findMany({ where: { amendmentId: amendment.id }, ...DEBATE_SHAPE });
  return debateOf(actor, amendment.program, amendment, shape, now, { all: true });
}

/**
 * The debate as its page shows it, from its comments' shape (DEBATE_SHAPE) read with an amendment the reader may
 * read: the threads of one page (DEBATE_PAGE_THREADS, oldest first, each with all its replies), counts over the
 * whole debate, which page this is of how many, and what the reader may do with each comment shown. Only the
 * comments shown are read whole (one statement), parsed and judged by the policies.
 */
export async function debateOf(
  actor: Actor,
  program: { phase: Phase; draftIsPublic: boolean },
  amendment: { id: string; status: AmendmentStatus; submitted: boolean },
  rows: ShapeRow[],
  now = new Date(),
  request: DebatePageRequest & { all?: boolean } = {},
) {
  const moderator = canManageProgram(actor, program);
  const open = canComment(actor, program, amendment);
  // The threads, by their first comment: every comment's thread is its root's (replies may nest).
  const byId = new Map(rows.map((row) => [row.id, row]));
  const rootOf = (row: ShapeRow): ShapeRow => {
    let current = row;
    for (let hops = 0; current.parentId && hops < rows.length; hops++) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  const roots = rows.filter((row) => !row.parentId || !byId.has(row.parentId));
  const pages = Math.max(1, Math.ceil(roots.length / DEBATE_PAGE_THREADS));
  const asked = request.comment ? byId.get(request.comment) : undefined;
  const wanted = asked
    ? Math.floor(roots.indexOf(rootOf(asked)) / DEBATE_PAGE_THREADS) + 1
    : Math.min(request.page ?? 1, pages);
  const page = request.all ? 1 : Math.max(1, wanted);
  const shownRoots = request.all ? roots : roots.slice((page - 1) * DEBATE_PAGE_THREADS, page * DEBATE_PAGE_THREADS);
  const shown = new Set(shownRoots.map((r) => r.id));
  const shownIds = rows.filter((row) => shown.has(rootOf(row).id)).map((row) => row.id);
  const details = shownIds.length
    ? await db().comment.findMany({ where: { id: { in: shownIds }, amendmentId: amendment.id }, ...DEBATE_DETAIL })
    : [];
  const detailOf = new Map(details.map((row) => [row.id, row]));
  const views = new Map<string, CommentView>();
  for (const id of shownIds) {
    // Deleted since the shape was read: not shown.
    const row = detailOf.get(id);
    if (!row) continue;
    const facts: CommentFacts = { authorId: row.authorId, createdAt: row.createdAt, hidden: !!row.hiddenAt };
    const mine = actor !== null && row.authorId === actor.id;
    views.set(row.id, {
      id: row.id,
      author: row.author?.displayName ?? null,
      mine,
      stance: row.stance,
      body: row.hiddenAt ? null : readStoredDoc(row.body, 'comment.body'),
      source: mine && !row.hiddenAt ? row.source : null,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      hidden: row.hiddenAt ? { reason: row.hiddenReason ?? '', at: row.hiddenAt } : null,
      reports: moderator ? row._count.reports : 0,
      can: {
        edit: open && canEditComment(actor, facts, now),
        report: canReportComment(actor, facts),
        moderate: moderator && !row.hiddenAt,
        reply: open && !row.hiddenAt,
      },
      replies: [],
    });
  }
  const threads: CommentView[] = [];
  for (const row of rows) {
    const view = views.get(row.id);
    if (!view) continue;
    const parent = row.parentId ? views.get(row.parentId) : undefined;
    if (parent) parent.replies.push(view);
    else threads.push(view);
  }
  const count = (stance: CommentStance) => rows.filter((r) => r.stance === stance && !r.hiddenAt).length;
  return {
    threads,
    total: rows.length,
    counts: { FOR: count('FOR'), AGAINST: count('AGAINST'), QUESTION: count('QUESTION') },
    canPost: open,
    /** This page of the debate, of how many, and the threads it holds (first and last, counted from 1). */
    page: {
      number: page,
      count: request.all ? 1 : pages,
      firstThread: shownRoots.length ? (page - 1) * DEBATE_PAGE_THREADS + 1 : 0,
      lastThread: (page - 1) * DEBATE_PAGE_THREADS + shownRoots.length,
      threads: roots.length,
    },
  };
}
