import { db } from '~/utils/db.server.ts';

/** A piece of a result's snippet: the words that matched are `mark`ed, for the page to render as <mark>. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

// ts_headline brackets matches with these control characters, which stored text cannot hold (storableText refuses
// them): the page highlights with <mark>, not with quotation marks that a screen reader reads out and that look like
// a quotation of the program.
const START = '\u0002';
const STOP = '\u0003';
/** ts_headline's options for every search snippet (sections, amendments, comments): cut by `snippetParts`. */
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2`;

/** A ts_headline snippet, cut into plain and matched parts. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of snippet.split(START).entries()) {
    const [marked, rest] = i === 0 ? [undefined, piece] : (piece.split(STOP, 2) as [string, string | undefined]);
    if (marked) parts.push({ text: marked, mark: true });
    if (rest) parts.push({ text: rest.replaceAll(STOP, ''), mark: false });
  }
  return parts;
}

/**
 * Full-text search of a published version, stemmed in French, Spanish and English at once (PostgreSQL text
 * search, which PGlite has too): "transports" finds "transport", "enmiendas" finds "enmienda". The expressions
 * match the migration's GIN indexes. One query.
 */
export async function searchVersion(slug: string, number: number, query: string) {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!q) return [];
  const hits = await db().$queryRaw<
    { sectionId: string; number: string; title: string; snippet: string; rank: number }[]
  >`
    WITH hit AS (
      SELECT s."sectionId", s.number, s.title, s.text, s.position,
        greatest(
          ts_rank(to_tsvector('french'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('french'::regconfig, ${q})),
          ts_rank(to_tsvector('spanish'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('spanish'::regconfig, ${q})),
          ts_rank(to_tsvector('english'::regconfig, s.title || ' ' || s.text), websearch_to_tsquery('english'::regconfig, ${q}))
        ) AS rank,
        -- The language whose stemming matched marks the words in the snippet ("abaisser" marks "abaissé").
        CASE
          WHEN to_tsvector('french'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('french'::regconfig, ${q}) THEN 'french'
          WHEN to_tsvector('spanish'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('spanish'::regconfig, ${q}) THEN 'spanish'
          WHEN to_tsvector('english'::regconfig, s.title || ' ' || s.text) @@ websearch_to_tsquery('english'::regconfig, ${q}) THEN 'english'
        END::regconfig AS language
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
      ts_headline(language, text, websearch_to_tsquery(language, ${q}),
        ${HEADLINE_OPTIONS}) AS snippet
    FROM hit ORDER BY rank DESC, position LIMIT 50`;
  return hits.map((hit) => ({ ...hit, snippet: snippetParts(hit.snippet) }));
}
