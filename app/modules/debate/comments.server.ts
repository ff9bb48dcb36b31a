import type { AmendmentStatus, CommentStance, Phase } from '~/generated/prisma/enums.ts';
import type { Prisma } from '~/generated/prisma/client.ts';
import type { MessageKey } from '~/i18n/index.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import { canReadAmendment } from '~/policies/amendment.ts';
import {
  canComment,
  canEditComment,
  canModerateComment,
  canReportComment,
  type CommentFacts,
} from '~/policies/comment.ts';
import { canManageProgram, canReadDraft } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { markdownToDoc, MarkdownTooDeepError } from '~/rich-text/markdown.server.ts';
import { type DocNode } from '~/rich-text/document.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { inPublishedVersion } from '../amendments/published.server.ts';
import { reportedCommentsPage } from '../amendments/queue-reports.server.ts';
import { notify } from '../notifications/notifications.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { notifyModerators } from '../notifications/moderators.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * The debate on an amendment: threaded comments, each top-level one for, against or a question. Members write
 * Markdown, kept as rich text valid by construction (no HTML is ever stored or rendered). Authors may edit for
 * a short while; members report; moderators hide with a public reason, or keep the comment and settle its
 * reports. Posting is limited per member, counted in the database so that every process agrees.
 */

/** A refusal the member can act on; `key` is the message, translated; `values` fill it in. */
export class DebateError extends DomainError {
  constructor(key: MessageKey, field?: string, values?: Record<string, number>) {
    // Posting too fast is a throttle (429); every other refusal is the text's or the comment's state (400).
    super(key === 'debate.errors.tooFast' ? 'throttled' : 'invalid', key, { field, values });
  }
}

/** Posting limits per member: a burst, and a steady rate. */
export const POSTING_LIMITS = [
  { windowSeconds: 60, max: 5 },
  { windowSeconds: 3600, max: 40 },
] as const;

/** Replies nest this deep at most; a reply deeper down joins its parent's thread at this depth. */
const MAX_DEPTH = 4;

async function amendmentFor(actor: Actor, amendmentId: string) {
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

async function commentFor(actor: Actor, commentId: string) {
  const comment = await db().comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new NotFoundError(`comment ${commentId}`);
  const amendment = await amendmentFor(actor, comment.amendmentId);
  const facts: CommentFacts = { authorId: comment.authorId, createdAt: comment.createdAt, hidden: !!comment.hiddenAt };
  return { comment, amendment, facts };
}

function bodyOf(source: string): DocNode {
  let doc: DocNode | null;
  try {
    doc = markdownToDoc(source);
  } catch (error) {
    if (error instanceof MarkdownTooDeepError) throw new DebateError('errors.nestedTooDeep', 'body');
    throw error;
  }
  if (!doc) throw new DebateError('debate.errors.bodyRequired', 'body');
  return doc;
}

async function checkPostingRate(tx: Tx, memberId: string, now: Date) {
  for (const limit of POSTING_LIMITS) {
    const since = new Date(now.getTime() - limit.windowSeconds * 1000);
    const recent = await tx.comment.findMany({
      where: { authorId: memberId, createdAt: { gt: since } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
      take: limit.max,
    });
    if (recent.length >= limit.max) {
      const wait = Math.ceil((recent[0]!.createdAt.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000);
      throw new DebateError('debate.errors.tooFast', 'body', { seconds: Math.max(1, wait) });
    }
  }
}

/** Input of `postComment`. */
export interface PostCommentProps {
  actor: Actor;
  amendmentId: string;
  /** For, against or a question; replies have none. */
  stance?: CommentStance;
  parentId?: string;
  /** What the member wrote, in Markdown. */
  body: string;
  now?: Date;
}

/** Posts a comment or a reply (members, while the debate is open). Returns its id. */
export async function postComment(props: PostCommentProps): Promise<string> {
  const { actor } = props;
  const now = props.now ?? new Date();
  const amendment = await amendmentFor(actor, props.amendmentId);
  enforce(canComment(actor, amendment.program, amendment), actor, 'comment.post');
  let parentId: string | null = null;
  if (props.parentId) {
    // A reply stays in its thread: its parent must be a comment of this amendment; deep replies join a level up.
    const chain: { id: string; parentId: string | null }[] = [];
    let cursor: string | null = props.parentId;
    while (cursor && chain.length <= MAX_DEPTH) {
      const found: { id: string; parentId: string | null; amendmentId: string; hiddenAt: Date | null } | null =
        await db().comment.findUnique({
          where: { id: cursor },
          select: { id: true, parentId: true, amendmentId: true, hiddenAt: true },
        });
      if (!found || found.amendmentId !== amendment.id) throw new DebateError('debate.errors.noSuchComment', 'body');
      // Moderators hid it: nobody reads it any more, so nobody answers it.
      if (!chain.length && found.hiddenAt) throw new DebateError('debate.errors.hiddenParent', 'body');
      chain.push(found);
      cursor = found.parentId;
    }
    parentId = chain.length >= MAX_DEPTH ? chain[chain.length - MAX_DEPTH + 1]!.id : chain[0]!.id;
  }
  const body = bodyOf(props.body);
  const id = newId();
  await db().$transaction(async (tx) => {
    // One post at a time per member: the count and the insert agree, even for a burst sent in parallel.
    await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${actor.id} FOR UPDATE`;
    await checkPostingRate(tx, actor.id, now);
    await tx.comment.create({
      data: {
        id,
        amendmentId: amendment.id,
        authorId: actor.id,
        parentId,
        stance: parentId ? null : (props.stance ?? 'QUESTION'),
        body,
        source: props.body,
        createdAt: now,
      },
    });
    const by = await tx.member.findUnique({ where: { id: actor.id }, select: { displayName: true } });
    const parent = parentId
      ? await tx.comment.findUniqueOrThrow({ where: { id: parentId }, select: { authorId: true } })
      : null;
    // Followers of the amendment hear of it; the author replied to is told below, once.
    await notifyFollowers(tx, {
      amendmentId: amendment.id,
      kind: 'FOLLOWED_COMMENT',
      actorId: actor.id,
      commentId: id,
      data: { by: by?.displayName ?? '' },
      exceptIds: parent?.authorId ? [parent.authorId] : [],
    });
    if (!parent) return;
    // The author of the comment replied to hears of it (not of their own replies).
    await notify(tx, {
      memberIds: parent.authorId ? [parent.authorId] : [],
      kind: 'REPLY',
      amendmentId: amendment.id,
      commentId: id,
      data: { by: by?.displayName ?? '' },
      exceptId: actor.id,
    });
  });
  return id;
}

/** Edits one's comment within the edit window. */
export async function editComment(props: { actor: Actor; commentId: string; body: string; now?: Date }) {
  const now = props.now ?? new Date();
  const { comment, amendment, facts } = await commentFor(props.actor, props.commentId);
  if (!canEditComment(props.actor, facts, now) || !canComment(props.actor, amendment.program, amendment)) {
    if (comment.authorId === props.actor?.id && !facts.hidden) throw new DebateError('debate.errors.editClosed');
    enforce(false, props.actor, 'comment.edit');
  }
  await db().comment.update({
    where: { id: comment.id },
    data: { body: bodyOf(props.body), source: props.body, editedAt: now },
  });
}

/** Reports a comment to moderators, with why. Reporting twice keeps the first report. */
export async function reportComment(props: { actor: Actor; commentId: string; reason: string }) {
  const { comment, facts } = await commentFor(props.actor, props.commentId);
  enforce(canReportComment(props.actor, facts), props.actor, 'comment.report');
  const actorId = props.actor.id;
  await db().$transaction(async (tx) => {
    const { count } = await tx.commentReport.createMany({
      data: [{ commentId: comment.id, memberId: actorId, reason: props.reason }],
      skipDuplicates: true,
    });
    // Moderators hear of each new report (a repeated one adds nothing).
    if (count) {
      await notifyModerators(tx, {
        kind: 'MOD_COMMENT_REPORTED',
        amendmentId: comment.amendmentId,
        commentId: comment.id,
        actorId,
      });
    }
  });
}

/**
 * Moderators settle a comment: hide it with a public reason (everyone then reads "hidden by moderation" and the
 * reason), or keep it. Either way its open reports are settled, and the decision goes to the moderation log.
 */
export async function moderateComment(props: { actor: Actor; commentId: string; hide: boolean; reason: string }) {
  const { actor } = props;
  const { comment, amendment } = await commentFor(actor, props.commentId);
  enforce(canModerateComment(actor, amendment.program), actor, 'comment.moderate');
  await db().$transaction(async (tx) => {
    const now = new Date();
    if (props.hide) {
      const { count } = await tx.comment.updateMany({
        where: { id: comment.id, hiddenAt: null },
        data: { hiddenAt: now, hiddenReason: props.reason, hiddenById: actor.id },
      });
      if (count === 0) return; // already hidden
      // Its author hears of it, with the reason, rather than finding it out.
      await notify(tx, {
        memberIds: comment.authorId ? [comment.authorId] : [],
        kind: 'COMMENT_HIDDEN',
        amendmentId: amendment.id,
        commentId: comment.id,
        data: { reason: props.reason },
      });
    }
    const settled = await tx.commentReport.updateMany({
      where: { commentId: comment.id, resolvedAt: null },
      data: { resolvedAt: now },
    });
    // Keeping a comment nobody reported is no decision: nothing to record.
    if (!props.hide && settled.count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: props.hide ? 'comment.hidden' : 'comment.kept',
      targetType: 'Comment',
      targetId: comment.id,
      reason: props.reason,
      data: { amendmentId: amendment.id },
    });
  });
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

/** What the debate is made of: an amendment's comments, oldest first (to include in the read of the amendment). */
export const DEBATE_ROWS = {
  orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  take: 2000,
  include: {
    author: { select: { displayName: true } },
    _count: { select: { reports: { where: { resolvedAt: null } } } },
  },
} satisfies Prisma.Amendment$commentsArgs;

type DebateRow = Prisma.CommentGetPayload<typeof DEBATE_ROWS>;

/** The debate on an amendment as threads, oldest first, with counts for and against. */
export async function listComments(actor: Actor, amendmentId: string, now = new Date()) {
  const amendment = await amendmentFor(actor, amendmentId);
  const rows = await db().comment.findMany({ where: { amendmentId: amendment.id }, ...DEBATE_ROWS });
  return debateOf(actor, amendment.program, amendment, rows, now);
}

/**
 * The debate as its page shows it, from its comments (DEBATE_ROWS) read with an amendment the reader may read:
 * threads, counts, and what the reader may do with each comment.
 */
export function debateOf(
  actor: Actor,
  program: { phase: Phase; draftIsPublic: boolean },
  amendment: { status: AmendmentStatus; submitted: boolean },
  rows: DebateRow[],
  now = new Date(),
) {
  const moderator = canManageProgram(actor, program);
  const open = canComment(actor, program, amendment);
  const views = new Map<string, CommentView>();
  for (const row of rows) {
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
    const view = views.get(row.id)!;
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
  };
}

/** Comments with open reports in a program, for the moderators' queue: the first page, most reported first. */
export async function reportedComments(actor: Actor, slug: string) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  return (await reportedCommentsPage(program.id)).rows;
}
