import { Prisma } from '~/generated/prisma/client.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { db } from '~/utils/db.server.ts';
import { cursorOf, pageOf, readQueueCursor } from './queue-cursor.ts';

/**
 * The reports of the moderators' queue, each list a page at a time with how many it holds (ADR 0044): comments
 * with open reports, most reported first, and members' reports about a round's voter roll (ADR 0032), newest
 * first. Each is one statement, the page and its total together; for a caller that checked the moderator.
 */

/** Reported comments, and roll reports: this many a page (each shows its words and its reports). */
export const REPORTS_PAGE = 50;

type CommentRow = {
  id: string;
  n: number;
  author: string | null;
  body: unknown;
  hidden: boolean;
  amendment: { id: string; title: string };
  reports: { reason: string; createdAt: string }[];
};

/**
 * A page of the comments of a program (of one of its chapters, if given) with open reports: most reported first,
 * then by id, after `after` (the cursor of the last one of the previous page: its count of reports, then its id).
 */
export async function reportedCommentsPage(programId: string, chapterId?: string | null, after?: string | null) {
  const cursor = readQueueCursor('reports', after);
  const chapter = chapterId
    ? Prisma.sql`AND a."sectionId" IN (SELECT id FROM "Section" WHERE "chapterId" = ${chapterId})`
    : Prisma.empty;
  const [row] = await db().$queryRaw<{ total: number; rows: CommentRow[] | null }[]>`
    WITH open AS (
      SELECT r."commentId" AS id, count(*)::int AS n
      FROM "CommentReport" r JOIN "Comment" c ON c.id = r."commentId" JOIN "Amendment" a ON a.id = c."amendmentId"
      WHERE r."resolvedAt" IS NULL AND a."programId" = ${programId} ${chapter}
      GROUP BY r."commentId"
    ), page AS (
      SELECT id, n FROM open ${
        cursor
          ? Prisma.sql`WHERE n < ${String(cursor.key)}::numeric OR (n = ${String(cursor.key)}::numeric AND id > ${cursor.ids[0]!})`
          : Prisma.empty
      }
      ORDER BY n DESC, id LIMIT ${REPORTS_PAGE + 1}
    )
    SELECT (SELECT count(*)::int FROM open) AS total,
      (SELECT json_agg(json_build_object('id', c.id, 'n', p.n, 'author', m."displayName", 'body', c.body,
          'hidden', c."hiddenAt" IS NOT NULL, 'amendment', json_build_object('id', a.id, 'title', a.title),
          'reports', (SELECT json_agg(json_build_object('reason', r.reason,
              'createdAt', r."createdAt" AT TIME ZONE 'UTC') ORDER BY r."createdAt", r."memberId")
            FROM "CommentReport" r WHERE r."commentId" = c.id AND r."resolvedAt" IS NULL)) ORDER BY p.n DESC, p.id)
        FROM page p JOIN "Comment" c ON c.id = p.id JOIN "Amendment" a ON a.id = c."amendmentId"
        LEFT JOIN "Member" m ON m.id = c."authorId") AS rows`;
  const { shown, next } = pageOf(row?.rows, REPORTS_PAGE, (last) => cursorOf(last.n, last.id));
  return {
    total: row?.total ?? 0,
    rows: shown.map((c) => ({
      id: c.id,
      author: c.author,
      body: readStoredDoc(c.body, 'comment.body'),
      hidden: c.hidden,
      amendment: c.amendment,
      reports: c.reports.map((r) => ({ reason: r.reason, createdAt: new Date(r.createdAt) })),
    })),
    next,
  };
}

type RollRow = {
  key: number;
  roundId: string;
  memberId: string;
  message: string;
  createdAt: string;
  member: string | null;
  round: { id: string; number: number; title: string };
};

/**
 * A page of the roll reports of a program's rounds, newest first, after `after` (the cursor of the last one of the
 * previous page: its time in microseconds, then its round and member): who reported (null once they deleted their
 * account), on which round, when, and what they wrote.
 */
export async function rollReportsPage(programId: string, after?: string | null) {
  const cursor = readQueueCursor('rolls', after);
  const [row] = await db().$queryRaw<{ total: number; rows: RollRow[] | null }[]>`
    WITH reports AS (
      SELECT r."roundId", r."memberId", r.message, r."createdAt",
        floor(extract(epoch FROM r."createdAt") * 1000000)::bigint AS key
      FROM "RollReport" r JOIN "VotingRound" v ON v.id = r."roundId"
      WHERE v."programId" = ${programId}
    ), page AS (
      SELECT * FROM reports ${
        cursor
          ? Prisma.sql`WHERE key < ${String(cursor.key)}::numeric OR (key = ${String(cursor.key)}::numeric
              AND ("roundId", "memberId") > (${cursor.ids[0]!}, ${cursor.ids[1]!}))`
          : Prisma.empty
      }
      ORDER BY key DESC, "roundId", "memberId" LIMIT ${REPORTS_PAGE + 1}
    )
    SELECT (SELECT count(*)::int FROM reports) AS total,
      (SELECT json_agg(json_build_object('key', p.key, 'roundId', p."roundId", 'memberId', p."memberId",
          'message', p.message, 'createdAt', p."createdAt" AT TIME ZONE 'UTC',
          'member', CASE WHEN m."deletedAt" IS NULL THEN m."displayName" END,
          'round', json_build_object('id', v.id, 'number', v.number, 'title', v.title))
          ORDER BY p.key DESC, p."roundId", p."memberId")
        FROM page p JOIN "Member" m ON m.id = p."memberId" JOIN "VotingRound" v ON v.id = p."roundId") AS rows`;
  const { shown, next } = pageOf(row?.rows, REPORTS_PAGE, (last) => cursorOf(last.key, last.roundId, last.memberId));
  return {
    total: row?.total ?? 0,
    rows: shown.map((r) => ({
      round: r.round,
      member: r.member,
      message: r.message,
      createdAt: new Date(r.createdAt),
    })),
    next,
  };
}
