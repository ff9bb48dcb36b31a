import { canKnowProgram, type ProgramFacts } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';

import { listRounds } from '../voting/round-view.server.ts';
import { isDirectEdit, type AttributedDoc } from './provenance.ts';
import { getVersion, versionSections } from './versions.server.ts';
import { ForbiddenError, NotFoundError } from '~/utils/domain-errors.ts';
import { OPEN_DATA_MAX_AGE, OpenDataError, openDataDocument, type OpenDataDocument } from '~/utils/open-data.server.ts';

/**
 * The open data API (docs/api.md): what the public may read, as JSON, read-only, without a key. Everything here
 * acts as the public (actor null), whoever asks: an answer may then be kept by any cache and handed to anyone.
 * What the public may not read is not found (404), exactly like what does not exist: a refusal would tell that
 * it exists (issue 15).
 * Each function returns the JSON text with its entity tag and how long caches may keep it; the routes
 * (app/routes/api.*) only add the HTTP headers (app/utils/open-data.server.ts). This file answers for programs and
 * their published versions; api-rounds.server.ts for voting rounds' results and boards.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The largest version number the database can hold (a 32-bit integer). */
const MAX_VERSION = 2_147_483_647;

/** An address's slug that no program can have is not found without asking the database. */
function checkSlug(slug: string): void {
  if (slug.length > 100 || !SLUG.test(slug)) throw new NotFoundError(`program ${slug.slice(0, 100)}`);
}

/** A version number from the address: digits (else 400), and a number a version can have (else 404). */
export function versionNumberOf(param: string): number {
  if (!/^[0-9]+$/.test(param)) {
    throw new OpenDataError(400, 'A version number is a positive whole number, such as 1.');
  }
  const n = Number(param);
  if (n < 1 || n > MAX_VERSION) throw new OpenDataError(404, 'This program has no such version.');
  return n;
}

const programLinks = (slug: string) => ({ self: `/api/v1/programs/${slug}`, html: `/p/${slug}` });
const versionLinks = (slug: string, n: number) => ({
  self: `/api/v1/programs/${slug}/versions/${n}`,
  html: `/p/${slug}/v/${n}`,
});

const PROGRAM_FIELDS = {
  slug: true,
  title: true,
  summary: true,
  phase: true,
  draftIsPublic: true,
  versions: { select: { number: true, publishedAt: true, note: true }, orderBy: { number: 'desc' } },
} as const;

type ProgramRow = Pick<ProgramFacts, 'phase' | 'draftIsPublic'> & {
  slug: string;
  title: string;
  summary: string;
  versions: { number: number; publishedAt: Date; note: string }[];
};

/** The public reads a program whose live draft is open to it, and any program once a version is published. */
function publicMayRead(program: ProgramRow): boolean {
  return canKnowProgram(null, { ...program, published: program.versions.length > 0 });
}

function programFields(program: ProgramRow) {
  return {
    slug: program.slug,
    title: program.title,
    summary: program.summary,
    phase: program.phase,
    versions: program.versions.map((v) => ({
      number: v.number,
      publishedAt: v.publishedAt.toISOString(),
      note: v.note,
      links: versionLinks(program.slug, v.number),
    })),
    links: programLinks(program.slug),
  };
}

/** GET /api/v1/programs: the programs the public may read, oldest first, with their versions (one query). */
export async function programsDocument(): Promise<OpenDataDocument> {
  const programs = await db().program.findMany({ orderBy: { createdAt: 'asc' }, select: PROGRAM_FIELDS });
  return openDataDocument({ programs: programs.filter(publicMayRead).map(programFields) }, OPEN_DATA_MAX_AGE.changing);
}

/** GET /api/v1/programs/<slug>: one program, its versions and, when the public may read them, its rounds. */
export async function programDocument(slug: string): Promise<OpenDataDocument> {
  checkSlug(slug);
  const program = await db().program.findUnique({ where: { slug }, select: PROGRAM_FIELDS });
  if (!program || !publicMayRead(program)) throw new NotFoundError(`program ${slug}`);
  let rounds = null;
  try {
    rounds = (await listRounds(null, slug)).rounds.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      links: {
        html: `/p/${slug}/rounds/${r.id}`,
        results: r.status === 'CLOSED' ? `/api/v1/rounds/${r.id}/results` : null,
        board: r.status === 'CLOSED' ? `/api/v1/rounds/${r.id}/board` : null,
      },
    }));
  } catch (error) {
    // Not expected since closed rounds became public record (issue 17): kept so that a refusal lists none.
    if (!(error instanceof ForbiddenError)) throw error;
  }
  return openDataDocument({ ...programFields(program), rounds }, OPEN_DATA_MAX_AGE.changing);
}

/** The passages of a section that amendments (or direct edits) wrote, in reading order: consecutive words of one. */
export function passagesOf(
  doc: AttributedDoc,
): ({ text: string; amendmentId: string } | { text: string; editId: string })[] {
  const out: { text: string; src: string }[] = [];
  const visit = (nodes: unknown[] | undefined) => {
    // The passage being read, while the words come from one source.
    let open = false;
    for (const node of nodes ?? []) {
      const n = node as { type: string; text?: string; src?: string; content?: unknown[] };
      const last = out[out.length - 1];
      if (n.type === 'text' && n.src) {
        if (open && last?.src === n.src) last.text += n.text ?? '';
        else out.push({ text: n.text ?? '', src: n.src });
        open = true;
      } else {
        // Unattributed words, a line break or another block end the passage.
        open = false;
        visit(n.content);
      }
    }
  };
  visit(doc.content);
  // A direct edit (issue 17) is named `editId`: it is no amendment.
  return out
    .map((p) =>
      isDirectEdit(p.src) ? { text: p.text.trim(), editId: p.src } : { text: p.text.trim(), amendmentId: p.src },
    )
    .filter((p) => p.text);
}

/** GET /api/v1/programs/<slug>/versions/<n>: a published version, whole, with its provenance (two queries). */
export async function versionDocument(slug: string, param: string): Promise<OpenDataDocument> {
  checkSlug(slug);
  const number = versionNumberOf(param);
  // Published versions are public (canReadPublished): no policy to check.
  const version = await getVersion(slug, number);
  const rows = new Map((await versionSections(slug, number)).map((r) => [r.sectionId, r]));
  return openDataDocument(
    {
      program: { slug, links: programLinks(slug) },
      number: version.number,
      title: version.title,
      publishedAt: version.publishedAt.toISOString(),
      note: version.note,
      changelog: version.changelog,
      chapters: version.outline.chapters.map((c) => ({
        id: c.id,
        number: c.number,
        title: c.title,
        sections: c.sections.flatMap((s) => {
          const row = rows.get(s.id);
          if (!row) return [];
          return [
            {
              id: s.id,
              number: s.number,
              title: s.title,
              text: row.text,
              doc: row.doc,
              provenance: passagesOf(row.doc),
            },
          ];
        }),
      })),
      sources: version.outline.sources,
      links: versionLinks(slug, number),
    },
    OPEN_DATA_MAX_AGE.immutable,
  );
}
