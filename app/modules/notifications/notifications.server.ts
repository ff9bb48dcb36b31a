import type { AmendmentStatus, NotificationKind } from '~/generated/prisma/enums.ts';
import { t, type Locale } from '~/i18n/index.ts';
import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { commentHref } from '~/modules/debate/comment-href.ts';

/**
 * Notifications: an in-app list per member (made a co-author, an amendment of theirs qualified, expired, was
 * decided on or needs an update, a reply to their comment), written in the same transaction as the event, and
 * each one's line and link. The email digest of the unread ones, for members who opted in, and its one-click
 * unsubscribe: email-subscriptions.server.ts.
 */

/** The kinds only moderators receive (ADR 0035): their digest carries these, the members' digest never does. */
export const MODERATION_KINDS: NotificationKind[] = [
  'MOD_QUALIFIED',
  'MOD_COMMENT_REPORTED',
  'MOD_COLLISION',
  'MOD_NEEDS_UPDATE',
  'MOD_ROUND_OPENING',
  'MOD_ROUND_CLOSING',
];

/** What a notification message shows besides the amendment's title. */
export interface NotificationData {
  by?: string;
  decision?:
    | 'ADMISSIBLE'
    | 'INADMISSIBLE'
    | 'MERGED'
    | 'ADOPTED'
    | 'REJECTED'
    | 'APPLIED'
    | 'SECTION_REMOVED'
    | 'CONFLICT';
  reason?: string;
  /** RECOMMENDED: what the drafting committee recommends (ADR 0037). */
  recommendation?: 'ADOPT' | 'REJECT' | 'ADOPT_MODIFIED';
  /** About a program rather than an amendment (scheduled phases, ADR 0037): its address, title, next phase, date. */
  slug?: string;
  program?: string;
  phase?: 'DRAFTING' | 'AMENDING' | 'VOTING' | 'PUBLISHED';
  at?: string;
  /** PHASE_PENDING: how many amendments are still pending. */
  pending?: number;
  /** FOLLOWED_STATUS: the amendment's new status. */
  status?: AmendmentStatus;
}

/** Records a notification for each of these members (in the caller's transaction); `exceptId` is left out. */
export async function notify(
  tx: Tx,
  props: {
    memberIds: string[];
    kind: NotificationKind;
    /** The amendment it is about, or (for a roll report) the round. */
    amendmentId?: string;
    roundId?: string;
    commentId?: string;
    data?: NotificationData;
    exceptId?: string | null;
  },
) {
  const to = [...new Set(props.memberIds)].filter((id) => id !== props.exceptId);
  if (!to.length) return;
  await tx.notification.createMany({
    data: to.map((memberId) => ({
      id: newId(),
      memberId,
      kind: props.kind,
      amendmentId: props.amendmentId ?? null,
      roundId: props.roundId ?? null,
      commentId: props.commentId ?? null,
      data: props.data ? { ...props.data } : undefined,
    })),
  });
}

/** Notifies an amendment's authors (in the caller's transaction). */
export async function notifyAuthors(
  tx: Tx,
  amendmentId: string,
  kind: NotificationKind,
  data?: NotificationData,
  exceptId?: string | null,
) {
  const authors = await tx.amendmentAuthor.findMany({ where: { amendmentId }, select: { memberId: true } });
  await notify(tx, { memberIds: authors.map((a) => a.memberId), kind, amendmentId, data, exceptId });
}

/**
 * Adds to each notification the title and program of what it is about (an amendment, a voting round, or a program,
 * whose address and title a phase notice carries in its data), and the chapter of an amendment (moderators who
 * took it see it first).
 */
export async function withSubjects<T extends { amendmentId: string | null; roundId: string | null; data?: unknown }>(
  rows: T[],
) {
  const ids = (key: 'amendmentId' | 'roundId') => [...new Set(rows.flatMap((r) => (r[key] ? [r[key]] : [])))];
  const amendments = new Map(
    (
      await db().amendment.findMany({
        where: { id: { in: ids('amendmentId') } },
        select: {
          id: true,
          title: true,
          program: { select: { slug: true, language: true } },
          section: { select: { chapterId: true } },
        },
      })
    ).map((a) => [a.id, a]),
  );
  const rounds = new Map(
    (
      await db().votingRound.findMany({
        where: { id: { in: ids('roundId') } },
        select: { id: true, title: true, program: { select: { slug: true, language: true } } },
      })
    ).map((r) => [r.id, r]),
  );
  const slugs = [
    ...new Set(rows.flatMap((r) => (!r.amendmentId && !r.roundId ? [(r.data as NotificationData | null)?.slug] : []))),
  ].filter((slug): slug is string => typeof slug === 'string');
  const languages = new Map(
    slugs.length
      ? (await db().program.findMany({ where: { slug: { in: slugs } }, select: { slug: true, language: true } })).map(
          (p) => [p.slug, p.language],
        )
      : [],
  );
  type Subject = { title: string; language: string | null; slug: string; chapterId: string | null };
  return rows.flatMap((r): (T & Subject)[] => {
    const amendment = r.amendmentId ? amendments.get(r.amendmentId) : undefined;
    const about = amendment ?? (r.roundId ? rounds.get(r.roundId) : undefined);
    if (about) {
      return [
        {
          ...r,
          title: about.title,
          language: about.program.language,
          slug: about.program.slug,
          chapterId: amendment?.section.chapterId ?? null,
        },
      ];
    }
    const program = (r.data ?? {}) as NotificationData;
    return !r.amendmentId && !r.roundId && program.slug
      ? [
          {
            ...r,
            title: program.program ?? '',
            language: languages.get(program.slug) ?? null,
            slug: program.slug,
            chapterId: null,
          },
        ]
      : [];
  });
}

/**
 * The path a notification leads to: its amendment, at the comment when it is about one; for a roll report, the
 * moderators' queue, where reports are listed; for a round about to open or close, the round.
 */
export function notificationPath(n: {
  slug: string;
  kind?: NotificationKind;
  amendmentId: string | null;
  roundId?: string | null;
  commentId: string | null;
}) {
  if (!n.amendmentId && n.roundId && (n.kind === 'MOD_ROUND_OPENING' || n.kind === 'MOD_ROUND_CLOSING')) {
    return `/p/${n.slug}/rounds/${n.roundId}`;
  }
  if (!n.amendmentId && n.roundId) return `/p/${n.slug}/moderation/queue#queue-roll-reports`;
  // About a program (a scheduled phase): the program's home, which shows the phase and its date.
  if (!n.amendmentId) return `/p/${n.slug}`;
  return n.commentId ? commentHref(n.slug, n.amendmentId, n.commentId) : `/p/${n.slug}/amendments/${n.amendmentId}`;
}

/**
 * A member's notifications, newest first (the 100 latest), with the titles and links they need; `yourChapter`
 * marks those about a chapter the member took as a moderator (the page shows them first).
 */
export async function listNotifications(actor: Actor) {
  enforce(hasRole(actor, 'MEMBER'), actor, 'notifications.read');
  const [rows, taken] = await Promise.all([
    db().notification.findMany({
      where: { memberId: actor.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 100,
    }),
    hasRole(actor, 'MODERATOR')
      ? db().chapterAssignment.findMany({ where: { memberId: actor.id }, select: { chapterId: true } })
      : Promise.resolve([]),
  ]);
  const mine = new Set(taken.map((c) => c.chapterId));
  return (await withSubjects(rows)).map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    /** The language of the title (its program's), which the page marks when it is not the page's. */
    language: n.language,
    path: notificationPath(n),
    data: (n.data ?? {}) as NotificationData,
    createdAt: n.createdAt,
    unread: n.readAt === null,
    yourChapter: n.chapterId !== null && mine.has(n.chapterId),
  }));
}

/** How many unread notifications a member has (shown in the header). */
export async function unreadCount(memberId: string): Promise<number> {
  return db().notification.count({ where: { memberId, readAt: null } });
}

/** Marks one notification, or all of them, as read. */
export async function markRead(actor: Actor, id?: string) {
  enforce(hasRole(actor, 'MEMBER'), actor, 'notifications.read');
  await db().notification.updateMany({
    where: { memberId: actor.id, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
}

/**
 * Marks read a member's notifications of one kind about one amendment (in the caller's transaction): those the
 * member has acted on elsewhere, such as an invitation answered on the amendment's page (issue 17).
 */
export async function markReadAbout(tx: Tx, props: { memberId: string; amendmentId: string; kind: NotificationKind }) {
  await tx.notification.updateMany({
    where: { memberId: props.memberId, amendmentId: props.amendmentId, kind: props.kind, readAt: null },
    data: { readAt: new Date() },
  });
}

/** The line of a notification in the member's language. */
export function notificationText(locale: Locale, n: { kind: NotificationKind; title: string; data: NotificationData }) {
  if (n.kind === 'VOTE_RESULT') {
    const key =
      n.data.decision === 'APPLIED'
        ? 'notifications.vote.APPLIED'
        : n.data.decision === 'ADOPTED'
          ? 'notifications.vote.ADOPTED'
          : 'notifications.vote.REJECTED';
    return t(locale, key, { title: n.title });
  }
  if (n.kind === 'DECISION') {
    return t(
      locale,
      `notifications.decision.${(n.data.decision as 'ADMISSIBLE' | 'INADMISSIBLE' | 'MERGED' | 'SECTION_REMOVED' | 'CONFLICT' | undefined) ?? 'ADMISSIBLE'}`,
      {
        title: n.title,
        reason: n.data.reason ?? '',
      },
    );
  }
  if (n.kind === 'RECOMMENDED') {
    return t(locale, `notifications.recommended.${n.data.recommendation ?? 'ADOPT'}`, {
      title: n.title,
      reason: n.data.reason ?? '',
    });
  }
  if (n.kind === 'PHASE_SCHEDULED' || n.kind === 'PHASE_POSTPONED' || n.kind === 'PHASE_PENDING') {
    const at = n.data.at ? new Date(n.data.at) : null;
    const date = at
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)
      : '';
    return t(locale, `notifications.kind.${n.kind}`, {
      title: n.title,
      phase: t(locale, `phase.${n.data.phase ?? 'AMENDING'}`),
      date,
      n: n.data.pending ?? 0,
    });
  }
  if (n.kind === 'FOLLOWED_STATUS') {
    return t(locale, 'notifications.kind.FOLLOWED_STATUS', {
      title: n.title,
      status: t(locale, `amendments.status.${n.data.status ?? 'SUBMITTED'}`),
    });
  }
  return t(locale, `notifications.kind.${n.kind}`, {
    title: n.title,
    by: n.data.by ?? '',
    reason: n.data.reason ?? '',
  });
}
