import type { Actor } from '~/policies/actor.ts';
import { canKnowProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import type { DirectEditFacts } from './direct-edits.server.ts';
import type { AttributedDoc } from './provenance.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

/**
 * Published versions (docs/decisions/0015-from-vote-to-program.md): a moderator publishes the program as it
 * stands, as version 1, 2, ...: an immutable snapshot (the database refuses updates) of every section's text
 * with its provenance, the outline with stable section ids and numbers, the rendered HTML, and a changelog of
 * the amendments applied since the previous version, with their votes (publishing: publish.server.ts). The public
 * reads versions without an account; each page of a version needs a few queries and is cached by its ETag, since it
 * never changes.
 */

/** What a published passage's "why is this here?" shows: frozen at publication. */
export interface Source {
  id: string;
  title: string;
  kind: string;
  /**
   * Stored: the authors' member ids (names are personal data, and a member may delete their account after a
   * version is published). Read: their names, resolved at each reading ('' for a former member).
   */
  authorIds: string[];
  authors: string[];
  round: { id: string; number: number; title: string; closedAt: string | null } | null;
  result:
    | { kind: 'YES_NO'; yes: number; no: number; abstain: number; adopted: boolean }
    | { kind: 'PREFERENTIAL'; method: string; ranked: number; winner: string | null; alternatives: number }
    | null;
  turnout: { ballots: number; census: number } | null;
  /** A moderator resolved its application by hand, with this reason. */
  resolution: string | null;
  /**
   * Set for a direct edit (kind EDIT, id `edit:<section>:<version>`): words changed outside amendments between
   * two versions; `authorIds` are its writers if the program names them.
   */
  edit?: DirectEditFacts;
}

export interface VersionOutline {
  chapters: {
    id: string;
    number: string;
    title: string;
    /** `changedBy`: every amendment applied to the section, even one that only removed words (no mark left). */
    sections: { id: string; number: string; title: string; changedBy?: string[] }[];
  }[];
  sources: Record<string, Source>;
}

export interface ChangelogEntry {
  amendmentId: string;
  title: string;
  kind: string;
  section: { id: string; number: string | null; title: string };
  roundId: string | null;
}

/** A section whose text changed outside amendments since the previous version; its facts are `sources[editId]`. */
export interface DirectEditEntry {
  kind: 'EDIT';
  editId: string;
  section: { id: string; number: string; title: string };
}

/** A version's changelog: each amendment applied since the previous version, then each direct edit. */
export type ChangelogItem = ChangelogEntry | DirectEditEntry;

/** Whether a changelog item is a direct edit (not an amendment). */
export const isDirectEditEntry = (item: ChangelogItem): item is DirectEditEntry => 'editId' in item;

/** The plain text of an attributed document (search, and the comparison of versions). */
export function plainText(doc: AttributedDoc): string {
  const out: string[] = [];
  const visit = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const n = node as { type: string; text?: string; content?: unknown[] };
      if (n.type === 'text') out.push(n.text ?? '');
      else if (n.type === 'hardBreak') out.push('\n');
      else {
        visit(n.content);
        if (['paragraph', 'heading'].includes(n.type)) out.push('\n');
      }
    }
  };
  visit(doc.content);
  return out.join('').trim();
}

/**
 * A program's published versions, newest first (one query), for the switcher, search, comparison and the program's
 * home. A program the actor may not know exists (draft closed to them, nothing published) is not found.
 */
export async function listVersions(actor: Actor, slug: string) {
  const program = await db().program.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      phase: true,
      draftIsPublic: true,
      language: true,
      versions: { select: { number: true, publishedAt: true, note: true }, orderBy: { number: 'desc' } },
    },
  });
  if (!program || !canKnowProgram(actor, { ...program, published: program.versions.length > 0 })) {
    throw new NotFoundError(`program ${slug}`);
  }
  const { id, title, language, versions } = program;
  return { id, slug: program.slug, title, language, versions };
}

/** One version's outline, sources and changelog (one query). Versions are public: no policy to check. */
export async function getVersion(slug: string, number: number) {
  const version = await db().programVersion.findFirst({
    where: { number, program: { slug } },
    select: {
      id: true,
      number: true,
      title: true,
      note: true,
      publishedAt: true,
      outline: true,
      changelog: true,
      program: {
        select: {
          slug: true,
          // Its text's language (ADR 0038): a version is in the program's language.
          language: true,
          versions: { select: { number: true, publishedAt: true }, orderBy: { number: 'desc' } },
        },
      },
    },
  });
  if (!version) throw new NotFoundError(`version ${number} of ${slug}`);
  const outline = version.outline as unknown as VersionOutline;
  // Authors' names as they are now: a former member's is gone ('' here, "former member" on the page).
  const ids = [...new Set(Object.values(outline.sources).flatMap((s) => s.authorIds ?? []))];
  const names = new Map(
    ids.length
      ? (await db().member.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map(
          (m) => [m.id, m.displayName],
        )
      : [],
  );
  for (const source of Object.values(outline.sources)) {
    source.authors = (source.authorIds ?? []).map((id) => names.get(id) ?? '');
  }
  return {
    ...version,
    outline,
    changelog: version.changelog as unknown as ChangelogItem[],
  };
}

/** One section of a version (one query). */
export async function getVersionSection(slug: string, number: number, sectionId: string) {
  const row = await db().versionSection.findFirst({
    where: { sectionId, version: { number, program: { slug } } },
    select: {
      sectionId: true,
      number: true,
      title: true,
      doc: true,
      chapterId: true,
      chapterNumber: true,
      chapterTitle: true,
    },
  });
  if (!row) throw new NotFoundError(`section ${sectionId} in version ${number}`);
  return { ...row, doc: row.doc as unknown as AttributedDoc };
}

/** Every section of a version in reading order (one query): chapters pages, exports, comparison. */
export async function versionSections(slug: string, number: number, chapterId?: string) {
  const rows = await db().versionSection.findMany({
    where: { version: { number, program: { slug } }, ...(chapterId ? { chapterId } : {}) },
    orderBy: { position: 'asc' },
    select: {
      sectionId: true,
      number: true,
      title: true,
      doc: true,
      text: true,
      chapterId: true,
      chapterNumber: true,
      chapterTitle: true,
    },
  });
  return rows.map((r) => ({ ...r, doc: r.doc as unknown as AttributedDoc }));
}

/** The HTML of a whole version (one query): the one-page view. */
export async function versionHtml(slug: string, number: number) {
  const version = await db().programVersion.findFirst({
    where: { number, program: { slug } },
    select: { html: true, title: true, number: true, publishedAt: true, note: true },
  });
  if (!version) throw new NotFoundError(`version ${number} of ${slug}`);
  return version;
}

/** A version number from an address: a positive whole number, else not found. */
export function versionNumber(param: string | undefined): number {
  const n = /^[1-9][0-9]{0,5}$/.test(param ?? '') ? Number(param) : NaN;
  if (!Number.isInteger(n)) throw new NotFoundError(`version ${param ?? ''}`);
  return n;
}
