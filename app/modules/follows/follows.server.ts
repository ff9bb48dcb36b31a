import type { NotificationKind } from '~/generated/prisma/enums.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canReadAmendment } from '~/policies/amendment.ts';
import { canFollow, followersMayRead } from '~/policies/follow.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import type { NotificationData } from '../notifications/notifications.server.ts';
import { programFrame } from '../programs/programs.server.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * Following (docs/decisions/0035-follow-and-moderator-notices.md): a member follows a program, a chapter, a section
 * or an amendment and is told of new amendments in it, supports reaching thresholds, comments, competing
 * amendments and status changes. Authors follow their amendment from its start. The fan-out is one INSERT ...
 * SELECT per event, whatever the number of followers: each follower once, however many ways they follow it.
 */

/** What can be followed. */
export const FOLLOW_KINDS = ['program', 'chapter', 'section', 'amendment'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

/** A follow target as forms and pages name it: "section:<id>". */
export function parseTarget(value: string): { kind: FollowKind; id: string } {
  const [kind, id] = value.split(':');
  if (!FOLLOW_KINDS.includes(kind as FollowKind) || !id || !/^[a-z0-9]{1,40}$/.test(id)) {
    throw new DomainError('invalid', 'follow.errors.target');
  }
  return { kind: kind as FollowKind, id };
}

/** Where a target sits (its program, and its chapter or section), if it exists and the actor may read it. */
async function resolve(tx: Tx, actor: Actor, kind: FollowKind, id: string) {
  if (kind === 'amendment') {
    const a = await tx.amendment.findUnique({
      where: { id },
      select: {
        programId: true,
        status: true,
        submittedAt: true,
        program: { select: { phase: true, draftIsPublic: true } },
        authors: rowsOf(actor),
      },
    });
    const readable =
      !!a &&
      canReadAmendment(actor, a.program, {
        status: a.status,
        submitted: a.submittedAt !== null,
        actorIsAuthor: isAmong(a.authors),
      });
    return a && readable ? { programId: a.programId, amendmentId: id } : null;
  }
  const program =
    kind === 'program'
      ? await tx.program.findUnique({ where: { id }, select: { id: true, phase: true, draftIsPublic: true } })
      : kind === 'chapter'
        ? (await tx.chapter.findUnique({ where: { id }, select: { program: true } }))?.program
        : (await tx.section.findUnique({ where: { id }, select: { chapter: { select: { program: true } } } }))?.chapter
            .program;
  if (!program || !canReadDraft(actor, program)) return null;
  return {
    programId: program.id,
    ...(kind === 'chapter' ? { chapterId: id } : kind === 'section' ? { sectionId: id } : {}),
  };
}

/** Starts following (idempotent). */
export async function follow(actor: Actor, target: string) {
  const { kind, id } = parseTarget(target);
  await db().$transaction(async (tx) => {
    const where = await resolve(tx, actor, kind, id);
    if (!where) throw new NotFoundError(target);
    enforce(canFollow(actor, true), actor, 'follow');
    await tx.follow.createMany({
      data: [{ memberId: actor.id, target: `${kind}:${id}`, ...where }],
      skipDuplicates: true,
    });
  });
}

/** Stops following (nothing happens if the member did not follow it). */
export async function unfollow(actor: Actor, target: string) {
  const { kind, id } = parseTarget(target);
  enforce(canFollow(actor, true), actor, 'follow');
  await db().follow.deleteMany({ where: { memberId: actor.id, target: `${kind}:${id}` } });
}

/** Whether the actor follows this target, and may (for the page's button); null for those who may not follow. */
export async function followState(
  actor: Actor,
  target: string,
): Promise<{ target: string; following: boolean } | null> {
  if (!actor || !canFollow(actor, true)) return null;
  const row = await db().follow.findUnique({ where: { memberId_target: { memberId: actor.id, target } } });
  return { target, following: row !== null };
}

/**
 * The follow state of a program, by its slug (the program's page): its id comes from the frame the program's layout
 * has read in this request already, so this is one statement, not two (the query budget, issue 19).
 */
export async function programFollowState(actor: Actor, slug: string) {
  if (!actor || !canFollow(actor, true)) return null;
  const { program } = await programFrame(actor, slug);
  return followState(actor, `program:${program.id}`);
}

/** An author follows their amendment from its start (in the caller's transaction); they may stop later. */
export async function followOwnAmendment(tx: Tx, memberId: string, amendment: { id: string; programId: string }) {
  await tx.follow.createMany({
    data: [
      { memberId, target: `amendment:${amendment.id}`, programId: amendment.programId, amendmentId: amendment.id },
    ],
    skipDuplicates: true,
  });
}

/**
 * Tells the followers of an amendment (of it, its section, its chapter or its program) of an event, in the
 * caller's transaction and in one statement: each follower once, never the member who acted, never a suspended
 * or deleted account, and nobody at all while the amendment is not readable by members (a draft). With
 * `skipAuthors`, its authors are left out: they are told of this event as authors already.
 */
export async function notifyFollowers(
  tx: Tx,
  props: {
    amendmentId: string;
    kind: NotificationKind;
    actorId?: string | null;
    commentId?: string;
    data?: NotificationData;
    skipAuthors?: boolean;
    /** Members told of this event otherwise (e.g. the author of the comment replied to). */
    exceptIds?: string[];
  },
): Promise<number> {
  const a = await tx.amendment.findUnique({
    where: { id: props.amendmentId },
    select: {
      id: true,
      programId: true,
      sectionId: true,
      status: true,
      submittedAt: true,
      section: { select: { chapterId: true } },
      program: { select: { phase: true, draftIsPublic: true } },
    },
  });
  if (!a || !followersMayRead(a.program, { status: a.status, submitted: a.submittedAt !== null })) return 0;
  const targets = [
    `program:${a.programId}`,
    `chapter:${a.section.chapterId}`,
    `section:${a.sectionId}`,
    `amendment:${a.id}`,
  ];
  const except = [...(props.exceptIds ?? []), ...(props.actorId ? [props.actorId] : [])];
  const data = props.data ? JSON.stringify(props.data) : null;
  return tx.$executeRaw`
    INSERT INTO "Notification" (id, "memberId", kind, "amendmentId", "commentId", data)
    SELECT substr(md5(random()::text || f."memberId"), 1, 16), f."memberId", ${props.kind}::"NotificationKind",
           ${a.id}, ${props.commentId ?? null}, ${data}::jsonb
    FROM (SELECT DISTINCT "memberId" FROM "Follow" WHERE target = ANY(${targets}::text[])) f
    JOIN "Member" m ON m.id = f."memberId"
    WHERE m."deletedAt" IS NULL AND m."suspendedAt" IS NULL
      AND NOT (f."memberId" = ANY(${except}::text[]))
      AND (${props.skipAuthors === true} = false OR NOT EXISTS (
        SELECT 1 FROM "AmendmentAuthor" aa WHERE aa."amendmentId" = ${a.id} AND aa."memberId" = f."memberId"))`;
}
