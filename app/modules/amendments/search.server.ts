import { Prisma } from '~/generated/prisma/client.ts';
import type { AmendmentStatus } from '~/generated/prisma/enums.ts';
import { enforceRead, type Actor } from '~/policies/actor.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { HEADLINE_OPTIONS, snippetParts } from '../publication/search.server.ts';
import type { AmendmentFilters } from './amendments.server.ts';

/**
 * Search over a program's amendments and their debate (issue 21, ADR 0036): the words of each submitted
 * amendment (title, justification, proposed text) and of each comment not hidden by moderation, stemmed in French,
 * Spanish and English at once, as the published program's search is (publication/search.server.ts), with the
 * amendment list's filters. The stored vectors and their GIN indexes are the migration's (`searchVector`); the
 * snippet marks the words in the language that matched.
 */

/** At most this many results, the best first. */
export const MAX_HITS = 50;

/**
 * At most this many matches of each kind (amendments, comments) are ranked: a word found in tens of thousands of
 * comments would otherwise have every one of them read and ranked for 50 results (ADR 0044).
 */
export const RANKED = 1000;

/** One result: an amendment that matched, or a comment that did (with the amendment it is on). */
export interface SearchHit {
  amendmentId: string;
  commentId: string | null;
  title: string;
  status: AmendmentStatus;
  snippet: ReturnType<typeof snippetParts>;
}

/** The program's amendments and comments matching `query` that the actor may read, filtered like the list. */
export async function searchAmendments(
  actor: Actor,
  slug: string,
  query: string,
  filters: AmendmentFilters = {},
): Promise<SearchHit[]> {
  const program = await db().program.findUnique({
    where: { slug },
    select: { id: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  enforceRead(canReadDraft(actor, program), actor, 'program.read_draft');
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!q || (filters.mine && !actor)) return [];
  const where = [
    Prisma.sql`a."programId" = ${program.id}`,
    Prisma.sql`a."submittedAt" IS NOT NULL`,
    ...(filters.status ? [Prisma.sql`a.status = ${filters.status}::"AmendmentStatus"`] : []),
    ...(filters.chapterId
      ? [Prisma.sql`a."sectionId" IN (SELECT id FROM "Section" WHERE "chapterId" = ${filters.chapterId})`]
      : []),
    ...(filters.colliding ? [Prisma.sql`a."collisionGroup" IS NOT NULL`] : []),
    ...(filters.mine && actor
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM "AmendmentAuthor" w WHERE w."amendmentId" = a.id AND w."memberId" = ${actor.id})`,
        ]
      : []),
  ];
  const visible = Prisma.join(where, ' AND ');
  // Written out where it filters, not read from the CTE: the planner then sees a constant and estimates how many
  // rows match from the vectors' statistics (from a CTE it guesses a few hundred, and hashed 50,000 comments).
  const words = Prisma.sql`(websearch_to_tsquery('french'::regconfig, ${q}) || websearch_to_tsquery('spanish'::regconfig, ${q})
    || websearch_to_tsquery('english'::regconfig, ${q}))`;
  // One query in any of the three languages: the stored vector holds the words stemmed in all three. Matches are
  // found by the GIN indexes; at most RANKED of each kind are ranked (ADR 0044), and only the best carry their
  // text to the snippet.
  const rows = await db().$queryRaw<
    { amendmentId: string; commentId: string | null; title: string; status: AmendmentStatus; snippet: string }[]
  >`
    WITH query AS (
      SELECT websearch_to_tsquery('french'::regconfig, ${q}) AS fr,
        websearch_to_tsquery('spanish'::regconfig, ${q}) AS es,
        websearch_to_tsquery('english'::regconfig, ${q}) AS en
    ), visible AS MATERIALIZED (
      SELECT a.id FROM "Amendment" a WHERE ${visible}
    ), amendment_hit AS (
      SELECT a.id, ts_rank(a."searchVector", ${words}) AS rank
      FROM "Amendment" a
      WHERE ${visible} AND a."searchVector" @@ ${words}
      LIMIT ${RANKED}
    ), comment_hit AS (
      SELECT c.id, c."amendmentId", ts_rank(c."searchVector", ${words}) AS rank
      FROM "Comment" c
      WHERE c."hiddenAt" IS NULL AND c."searchVector" @@ ${words}
        AND c."amendmentId" IN (SELECT id FROM visible)
      LIMIT ${RANKED}
    ), hit AS (
      (SELECT id AS "amendmentId", NULL::text AS "commentId", rank FROM amendment_hit
        ORDER BY rank DESC, id LIMIT ${MAX_HITS})
      UNION ALL
      (SELECT "amendmentId", id, rank FROM comment_hit ORDER BY rank DESC, "amendmentId", id LIMIT ${MAX_HITS})
    ), best AS (
      SELECT hit.*, a.title, a.status, COALESCE(c."searchText", a."searchText") AS text
      FROM (SELECT * FROM hit ORDER BY rank DESC, "amendmentId", "commentId" NULLS FIRST LIMIT ${MAX_HITS}) hit
      JOIN "Amendment" a ON a.id = hit."amendmentId" LEFT JOIN "Comment" c ON c.id = hit."commentId"
    ), marked AS (
      -- The language whose stemming matched marks the words ("transports" marks "transport"), for these alone.
      SELECT best.*, CASE
          WHEN to_tsvector('french'::regconfig, text) @@ query.fr THEN 'french'
          WHEN to_tsvector('spanish'::regconfig, text) @@ query.es THEN 'spanish'
          ELSE 'english'
        END::regconfig AS language
      FROM best, query
    )
    SELECT "amendmentId", "commentId", title, status,
      ts_headline(language, text, websearch_to_tsquery(language, ${q}), ${HEADLINE_OPTIONS}) AS snippet
    FROM marked ORDER BY rank DESC, "amendmentId", "commentId" NULLS FIRST`;
  return rows.map((r) => ({ ...r, snippet: snippetParts(r.snippet) }));
}
