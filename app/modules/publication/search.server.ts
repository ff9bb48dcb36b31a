import { db } from '~/utils/db.server.ts';

/**
 * Full-text search of a published version, stemmed in French, Spanish and English at once (PostgreSQL text
 * search, which PGlite has too): "transports" finds "transport", "enmiendas" finds "enmienda". The expressions
 * match the migration's GIN indexes. One query.
 */
export async function searchVersion(slug: string, number: number, query: string) {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!q) return [];
  return db().$queryRaw<{ sectionId: string; number: string; title: string; snippet: string; rank: number }[]>`
    WITH hit AS (
      SELECT s."sectionId", s.number, s.title, s.text, s.position,
        greatest(
          ts_rank(to_tsvector('french'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('french'::regconfig, ${q})),
          ts_rank(to_tsvector('spanish'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('spanish'::regconfig, ${q})),
          ts_rank(to_tsvector('english'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('english'::regconfig, ${q}))
        ) AS rank
      FROM "VersionSection" s
      JOIN "ProgramVersion" v ON v.id = s."versionId"
      JOIN "Program" p ON p.id = v."programId"
      WHERE p.slug = ${slug} AND v.number = ${number} AND (
        to_tsvector('french'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('french'::regconfig, ${q})
        OR to_tsvector('spanish'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('spanish'::regconfig, ${q})
        OR to_tsvector('english'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('english'::regconfig, ${q})
      )
    )
    SELECT "sectionId", number, title, rank,
      ts_headline('simple', text, websearch_to_tsquery('simple', ${q}),
        'StartSel=«, StopSel=», MaxWords=30, MinWords=12, ShortWord=2') AS snippet
    FROM hit ORDER BY rank DESC, position LIMIT 50`;
}
