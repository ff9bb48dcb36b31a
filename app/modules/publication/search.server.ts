import { Prisma } from '~/generated/prisma/client.ts';
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

/** PostgreSQL's text search configuration for each program language (the migration indexes each). */
const CONFIGS = { fr: 'french', en: 'english', es: 'spanish' } as const;

/**
 * Full-text search of a published version, stemmed in the program's language (ADR 0038): "transports" finds
 * "transport" in a French program, "enmiendas" finds "enmienda" in a Spanish one; a word of another language is
 * matched by its spelling, as that language's stemmer would not know it. The expression matches the migration's
 * GIN index for that language. One query.
 */
export async function searchVersion(slug: string, number: number, query: string, language: string) {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!q) return [];
  // A literal, never a parameter, so that the planner sees the indexed expression; one of three known names.
  const config = Prisma.raw(`'${CONFIGS[language as keyof typeof CONFIGS] ?? 'simple'}'::regconfig`);
  const hits = await db().$queryRaw<
    { sectionId: string; number: string; title: string; snippet: string; rank: number }[]
  >`
    SELECT s."sectionId", s.number, s.title,
      ts_rank(to_tsvector(${config}, s.title || ' ' || s.text), websearch_to_tsquery(${config}, ${q})) AS rank,
      ts_headline(${config}, s.text, websearch_to_tsquery(${config}, ${q}),
        ${HEADLINE_OPTIONS}) AS snippet
    FROM "VersionSection" s
    JOIN "ProgramVersion" v ON v.id = s."versionId"
    JOIN "Program" p ON p.id = v."programId"
    WHERE p.slug = ${slug} AND v.number = ${number}
      AND to_tsvector(${config}, s.title || ' ' || s.text) @@ websearch_to_tsquery(${config}, ${q})
    ORDER BY rank DESC, s.position LIMIT 50`;
  return hits.map((hit) => ({ ...hit, snippet: snippetParts(hit.snippet) }));
}
