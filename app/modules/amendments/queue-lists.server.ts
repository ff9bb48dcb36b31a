import { Prisma } from '~/generated/prisma/client.ts';
import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { db } from '~/utils/db.server.ts';
import { STANDING } from './collisions.server.ts';
import { cursorOf, pageOf, readQueueCursor, type Cursor } from './queue-cursor.ts';

/**
 * The amendment lists of the moderators' queue, each a page at a time, read in ONE statement (ADR 0044): the
 * qualified amendments, those collecting supports, those waiting for their authors' update, the collision groups,
 * the possible duplicates and the adopted amendments the text moved under, with how many each list holds, and the
 * chapters the moderator took. Only the amendments shown have their supports counted, so that a program with
 * thousands of amendments costs what a page of them does. A chapter, when given, narrows every list to it.
 */

/**
 * The qualified amendments (the bulk form's list): this many a page. Fewer than a bulk decision may hold (MAX_BULK):
 * a moderator reads each title before deciding, and the page renders each row (ADR 0044).
 */
export const QUALIFIED_PAGE = 100;
/** Collecting supports, waiting for an update: this many a page. */
export const LIST_PAGE = 50;
/** Collision groups: this many a page (each shows all its amendments). */
export const GROUPS_PAGE = 20;
/** Possible duplicates: this many pairs a page (each comes with its own form, and is judged one at a time). */
export const DUPLICATES_PAGE = 20;

/** Where each list's page starts (the cursor of the last row of the previous page), and the chapter, if any. */
export interface QueueQuery {
  /** The qualified amendments (the bulk form's list). */
  after?: string | null;
  collecting?: string | null;
  updates?: string | null;
  groups?: string | null;
  duplicates?: string | null;
  /** The reported comments, and the roll reports (queue-reports.server.ts). */
  reports?: string | null;
  rolls?: string | null;
  /** Only what concerns this chapter's sections. */
  chapter?: string | null;
}

/** An amendment as the queue shows it. */
export interface QueueBrief {
  id: string;
  title: string;
  status: AmendmentStatus;
  sectionId: string;
  supports: number;
  supportsNeeded: number | null;
  supportDeadline: Date | null;
  qualifiedAt: Date | null;
}

type Row = {
  totals: { qualified: number; qualifiedBefore: number; collecting: number; updates: number; groups: number };
  duplicateTotal: number;
  briefs: (Omit<QueueBrief, 'supportDeadline' | 'qualifiedAt'> & {
    supportDeadline: string | null;
    qualifiedAt: string | null;
  })[];
  qualified: { id: string; key: number }[] | null;
  collecting: { id: string; key: number }[] | null;
  updates: { id: string; key: number }[] | null;
  groups: { key: string; at: number; members: string[] }[] | null;
  duplicates: { a: string; b: string; similarity: number }[] | null;
  conflicts: { id: string; title: string }[] | null;
  taken: string[] | null;
};

/** `(key, id) > cursor` in a list's order, or nothing to add when the list starts at the top. */
const afterCursor = (key: Prisma.Sql, id: Prisma.Sql, cursor: Cursor | null) =>
  cursor ? Prisma.sql`AND (${key}, ${id}) > (${String(cursor.key)}::bigint, ${cursor.ids[0]!})` : Prisma.empty;

/** The queue's amendment lists for a program whose moderator was already checked (see above). */
export async function queueLists(programId: string, actorId: string, query: QueueQuery) {
  const qualifiedAfter = readQueueCursor('after', query.after);
  const collectingAfter = readQueueCursor('collecting', query.collecting);
  const updatesAfter = readQueueCursor('updates', query.updates);
  const groupsAfter = readQueueCursor('groups', query.groups);
  const duplicatesAfter = readQueueCursor('duplicates', query.duplicates);
  const chapter = query.chapter
    ? Prisma.sql`AND a."sectionId" IN (SELECT id FROM "Section" WHERE "chapterId" = ${query.chapter})`
    : Prisma.empty;
  const [row] = await db().$queryRaw<Row[]>`
    WITH standing AS MATERIALIZED (
      SELECT a.id, a.title, a.status, a."sectionId", a."supportsNeeded", a."supportDeadline", a."qualifiedAt",
        a."submittedAt", a."collisionGroup", a."needsUpdate",
        -- Times as microseconds since 1970: the cursors' keys, exact whatever the precision of the column.
        floor(extract(epoch FROM COALESCE(a."qualifiedAt", 'epoch'::timestamp)) * 1000000)::bigint AS qk,
        floor(extract(epoch FROM COALESCE(a."submittedAt", 'epoch'::timestamp)) * 1000000)::bigint AS sk
      FROM "Amendment" a
      WHERE a."programId" = ${programId} AND a.status = ANY(${[...STANDING]}::"AmendmentStatus"[]) ${chapter}
    ), qualified AS (
      SELECT id, qk AS key FROM standing WHERE status = 'QUALIFIED' ${afterCursor(Prisma.sql`qk`, Prisma.sql`id`, qualifiedAfter)}
      ORDER BY qk, id LIMIT ${QUALIFIED_PAGE + 1}
    ), collecting AS (
      SELECT id, sk AS key FROM standing WHERE status = 'SUBMITTED' ${afterCursor(Prisma.sql`sk`, Prisma.sql`id`, collectingAfter)}
      ORDER BY sk, id LIMIT ${LIST_PAGE + 1}
    ), updates AS (
      SELECT id, sk AS key FROM standing WHERE "needsUpdate" ${afterCursor(Prisma.sql`sk`, Prisma.sql`id`, updatesAfter)}
      ORDER BY sk, id LIMIT ${LIST_PAGE + 1}
    ), groups AS (
      -- A group is named after its earliest submitted amendment: groups come in that order.
      SELECT "collisionGroup" AS key, min(sk) AS at FROM standing WHERE "collisionGroup" IS NOT NULL
      GROUP BY "collisionGroup"
    ), group_page AS (
      SELECT key, at FROM groups WHERE true ${afterCursor(Prisma.sql`at`, Prisma.sql`key`, groupsAfter)}
      ORDER BY at, key LIMIT ${GROUPS_PAGE + 1}
    ), pairs AS (
      SELECT d."amendmentId" AS a, d."otherId" AS b, d.similarity FROM "DuplicateCandidate" d
      JOIN standing x ON x.id = d."amendmentId" JOIN standing y ON y.id = d."otherId"
      WHERE d."programId" = ${programId}
    ), duplicates AS (
      SELECT * FROM pairs ${
        duplicatesAfter
          ? Prisma.sql`WHERE similarity < ${duplicatesAfter.key}::float8 OR (similarity = ${duplicatesAfter.key}::float8
              AND (a, b) > (${duplicatesAfter.ids[0]!}, ${duplicatesAfter.ids[1]!}))`
          : Prisma.empty
      }
      ORDER BY similarity DESC, a, b LIMIT ${DUPLICATES_PAGE + 1}
    ), shown AS (
      SELECT id FROM qualified UNION SELECT id FROM collecting UNION SELECT id FROM updates
      UNION SELECT s.id FROM standing s JOIN group_page g ON g.key = s."collisionGroup"
      UNION SELECT a FROM duplicates UNION SELECT b FROM duplicates
    )
    SELECT
      (SELECT json_build_object(
          'qualified', count(*) FILTER (WHERE status = 'QUALIFIED'),
          'qualifiedBefore', ${
            qualifiedAfter
              ? Prisma.sql`count(*) FILTER (WHERE status = 'QUALIFIED'
                  AND (qk, id) <= (${String(qualifiedAfter.key)}::bigint, ${qualifiedAfter.ids[0]!}))`
              : Prisma.sql`0`
          },
          'collecting', count(*) FILTER (WHERE status = 'SUBMITTED'),
          'updates', count(*) FILTER (WHERE "needsUpdate"),
          -- The groups already gathered: count(DISTINCT) would sort every standing amendment again.
          'groups', (SELECT count(*) FROM groups))
        FROM standing) AS totals,
      (SELECT count(*)::int FROM pairs) AS "duplicateTotal",
      (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'title', s.title, 'status', s.status,
          'sectionId', s."sectionId", 'supportsNeeded', s."supportsNeeded",
          'supportDeadline', s."supportDeadline" AT TIME ZONE 'UTC', 'qualifiedAt', s."qualifiedAt" AT TIME ZONE 'UTC',
          'supports', (SELECT count(*) FROM "AmendmentSupport" p WHERE p."amendmentId" = s.id))), '[]')
        FROM standing s JOIN shown USING (id)) AS briefs,
      (SELECT json_agg(q ORDER BY key, id) FROM qualified q) AS qualified,
      (SELECT json_agg(c ORDER BY key, id) FROM collecting c) AS collecting,
      (SELECT json_agg(u ORDER BY key, id) FROM updates u) AS updates,
      (SELECT json_agg(json_build_object('key', g.key, 'at', g.at, 'members',
          (SELECT json_agg(s.id ORDER BY s."qualifiedAt" NULLS LAST, s."submittedAt", s.id)
            FROM standing s WHERE s."collisionGroup" = g.key)) ORDER BY g.at, g.key)
        FROM group_page g) AS groups,
      (SELECT json_agg(d ORDER BY similarity DESC, a, b) FROM duplicates d) AS duplicates,
      (SELECT json_agg(json_build_object('id', a.id, 'title', a.title) ORDER BY ap.seq)
        FROM "AmendmentApplication" ap JOIN "Amendment" a ON a.id = ap."amendmentId"
        WHERE ap."programId" = ${programId} AND ap.status = 'CONFLICT' ${chapter}) AS conflicts,
      (SELECT json_agg("chapterId") FROM "ChapterAssignment" WHERE "memberId" = ${actorId}) AS taken`;
  const r = row!;
  const briefs = new Map(
    r.briefs.map((b) => [
      b.id,
      {
        ...b,
        supports: Number(b.supports),
        supportDeadline: b.supportDeadline ? new Date(b.supportDeadline) : null,
        qualifiedAt: b.qualifiedAt ? new Date(b.qualifiedAt) : null,
      } satisfies QueueBrief,
    ]),
  );
  const brief = (id: string) => briefs.get(id)!;
  const keyed = (row: { id: string; key: number }) => cursorOf(row.key, row.id);
  const qualified = pageOf(r.qualified ?? [], QUALIFIED_PAGE, keyed);
  const collecting = pageOf(r.collecting ?? [], LIST_PAGE, keyed);
  const updates = pageOf(r.updates ?? [], LIST_PAGE, keyed);
  const groups = pageOf(r.groups ?? [], GROUPS_PAGE, (g) => cursorOf(g.at, g.key));
  const duplicates = pageOf(r.duplicates ?? [], DUPLICATES_PAGE, (d) => cursorOf(d.similarity, d.a, d.b));
  return {
    totals: { ...r.totals, duplicates: r.duplicateTotal },
    qualifiedBefore: Number(r.totals.qualifiedBefore),
    qualified: { rows: qualified.shown.map((q) => brief(q.id)), next: qualified.next },
    collecting: { rows: collecting.shown.map((c) => brief(c.id)), next: collecting.next },
    updates: { rows: updates.shown.map((u) => brief(u.id)), next: updates.next },
    groups: { rows: groups.shown.map((g) => g.members.map(brief)), next: groups.next },
    duplicates: {
      rows: duplicates.shown.map((d) => ({ a: brief(d.a), b: brief(d.b), similarity: d.similarity })),
      next: duplicates.next,
    },
    conflicts: r.conflicts ?? [],
    taken: r.taken ?? [],
  };
}
