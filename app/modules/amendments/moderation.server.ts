import type { MessageKey } from '~/i18n/index.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import { canManageProgram, canReadDraft } from '~/policies/program.ts';
import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { notifyFollowers } from '../follows/follows.server.ts';
import { regroupSection, STANDING } from './collisions.server.ts';
import { inPublishedVersion } from './published.server.ts';
import { assertMove } from './lifecycle.ts';
import { carrySupportsOver } from './supports.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Moderators' decisions on amendments, each with a public reason: admissible (it goes on to a vote) or
 * inadmissible. Every decision is an audit event, and the program's public moderation log lists them: who
 * decided what, when and why.
 */

/** Declares a qualified amendment admissible or inadmissible (moderators), with a reason shown to everyone. */
export async function decideAdmissibility(props: { actor: Actor; id: string; admissible: boolean; reason: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.id} FOR UPDATE`;
    const amendment = await tx.amendment.findUnique({ where: { id: props.id }, include: { program: true } });
    if (!amendment || !amendment.submittedAt) throw new NotFoundError(`amendment ${props.id}`);
    enforce(canManageProgram(props.actor, amendment.program), props.actor, 'amendment.decide');
    // Its text must first be rewritten against the section as it is now: a decision on the old one means nothing.
    if (amendment.needsUpdate) throw new ModerationError('moderation.errors.needsUpdate');
    await recordAdmissibility(tx, props.actor.id, amendment, props.admissible, props.reason);
    await regroupSection(tx, amendment.sectionId);
  });
}

/**
 * The writes of one admissibility decision, in the caller's transaction (which locked the row and checked the
 * actor): the move, its audit line with the reason, the authors' notification. The caller regroups the section.
 */
export async function recordAdmissibility(
  tx: Tx,
  actorId: string,
  amendment: { id: string; status: AmendmentStatus },
  admissible: boolean,
  reason: string,
) {
  const to = admissible ? 'ADMISSIBLE' : 'INADMISSIBLE';
  assertMove(amendment.status, to);
  await tx.amendment.update({ where: { id: amendment.id }, data: { status: to } });
  await recordAudit(tx, {
    actorId,
    action: admissible ? 'amendment.admissible' : 'amendment.inadmissible',
    targetType: 'Amendment',
    targetId: amendment.id,
    reason,
  });
  await notifyAuthors(tx, amendment.id, 'DECISION', { decision: to, reason });
  await notifyFollowers(tx, {
    amendmentId: amendment.id,
    kind: 'FOLLOWED_STATUS',
    actorId,
    data: { status: to },
    skipAuthors: true,
  });
}

/**
 * Merges an amendment into another as its duplicate (moderators), with a public reason: it leaves the running,
 * its page points to the one kept, and its supports are carried over to the one kept (one per member: a member
 * who supported both counts once), all in one transaction.
 */
export async function mergeDuplicate(props: { actor: Actor; id: string; intoId: string; reason: string }) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id IN (${props.id}, ${props.intoId}) ORDER BY id FOR UPDATE`;
    const amendment = await tx.amendment.findUnique({ where: { id: props.id }, include: { program: true } });
    if (!amendment || !amendment.submittedAt) throw new NotFoundError(`amendment ${props.id}`);
    enforce(canManageProgram(props.actor, amendment.program), props.actor, 'amendment.decide');
    const into = await tx.amendment.findUnique({ where: { id: props.intoId } });
    if (
      !into ||
      into.sectionId !== amendment.sectionId ||
      into.id === amendment.id ||
      !STANDING.includes(into.status)
    ) {
      throw new ModerationError('moderation.errors.noSuchTarget');
    }
    assertMove(amendment.status, 'MERGED');
    await tx.amendment.update({ where: { id: amendment.id }, data: { status: 'MERGED', mergedIntoId: into.id } });
    const carried = await carrySupportsOver(tx, amendment.id, into.id, new Date());
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'amendment.merged',
      targetType: 'Amendment',
      targetId: amendment.id,
      reason: props.reason,
      data: { intoId: into.id, from: amendment.status, carried },
    });
    await regroupSection(tx, amendment.sectionId);
    await notifyAuthors(tx, amendment.id, 'DECISION', { decision: 'MERGED', reason: props.reason });
    await notifyFollowers(tx, {
      amendmentId: amendment.id,
      kind: 'FOLLOWED_STATUS',
      actorId: props.actor.id,
      data: { status: 'MERGED' },
      skipAuthors: true,
    });
  });
}

/** A moderation request that cannot be carried out as asked; `key` is the message. */
export class ModerationError extends DomainError {
  constructor(key: MessageKey) {
    super('conflict', key);
  }
}

const LOGGED = {
  'amendment.admissible': 'ADMISSIBLE',
  'amendment.inadmissible': 'INADMISSIBLE',
  'amendment.merged': 'MERGED',
  'amendment.not_duplicate': 'NOT_DUPLICATE',
  'comment.hidden': 'COMMENT_HIDDEN',
  'comment.kept': 'COMMENT_KEPT',
} as const;

/**
 * The program's public moderation log, newest first: decisions on amendments (admissible, inadmissible, merged
 * as a duplicate) and on reported comments (hidden, kept), by whom, when and why.
 */
export async function moderationLog(
  actor: Actor,
  slug: string,
  amendmentId?: string,
  range: { skip: number; take: number } = { skip: 0, take: 300 },
) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  // One amendment's decisions are public with its page once a published version includes it.
  const published =
    amendmentId !== undefined && !canReadDraft(actor, program) && (await inPublishedVersion(db(), amendmentId));
  enforceRead(canReadDraft(actor, program) || published, actor, 'program.read_draft');
  const amendments = await db().amendment.findMany({
    where: { programId: program.id, submittedAt: { not: null }, ...(amendmentId ? { id: amendmentId } : {}) },
    select: { id: true, title: true },
  });
  const titles = new Map(amendments.map((a) => [a.id, a.title]));
  const comments = new Map(
    (
      await db().comment.findMany({
        where: {
          amendmentId: { in: [...titles.keys()] },
          OR: [{ hiddenAt: { not: null } }, { reports: { some: { resolvedAt: { not: null } } } }],
        },
        select: { id: true, amendmentId: true },
      })
    ).map((c) => [c.id, c.amendmentId]),
  );
  const events = await db().auditEvent.findMany({
    where: {
      OR: [
        {
          targetType: 'Amendment',
          targetId: { in: [...titles.keys()] },
          action: {
            in: ['amendment.admissible', 'amendment.inadmissible', 'amendment.merged', 'amendment.not_duplicate'],
          },
        },
        {
          targetType: 'Comment',
          targetId: { in: [...comments.keys()] },
          action: { in: ['comment.hidden', 'comment.kept'] },
        },
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: range.skip,
    take: range.take,
  });
  const linked = (e: (typeof events)[number]) => e.data as { intoId?: string; otherId?: string } | null;
  const intoIds = events.flatMap((e) => [linked(e)?.intoId, linked(e)?.otherId]).filter((id): id is string => !!id);
  const intoTitles = new Map(
    (await db().amendment.findMany({ where: { id: { in: intoIds } }, select: { id: true, title: true } })).map((a) => [
      a.id,
      a.title,
    ]),
  );
  const names = new Map(
    (
      await db().member.findMany({
        where: { id: { in: events.map((e) => e.actorId).filter((id): id is string => id !== null) } },
        select: { id: true, displayName: true },
      })
    ).map((m) => [m.id, m.displayName]),
  );
  return events.map((e) => {
    const onComment = e.targetType === 'Comment';
    const amendment = onComment ? (comments.get(e.targetId) ?? '') : e.targetId;
    const intoId = linked(e)?.intoId ?? null;
    const otherId = linked(e)?.otherId ?? null;
    return {
      id: String(e.id),
      at: e.createdAt,
      decision: LOGGED[e.action as keyof typeof LOGGED],
      amendmentId: amendment,
      amendmentTitle: titles.get(amendment) ?? '',
      commentId: onComment ? e.targetId : null,
      into: intoId ? { id: intoId, title: intoTitles.get(intoId) ?? '' } : null,
      // A pair judged not duplicates: the other amendment of the pair.
      other: otherId ? { id: otherId, title: intoTitles.get(otherId) ?? '' } : null,
      by: e.actorId ? (names.get(e.actorId) ?? null) : null,
      reason: e.reason,
    };
  });
}

export { moderationQueue } from './moderation-queue.server.ts';
