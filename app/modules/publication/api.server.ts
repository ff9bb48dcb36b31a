import { createHash } from 'node:crypto';

import { canKnowProgram, type ProgramFacts } from '~/policies/program.ts';
import { canReadRound, canReadRounds, canSeeResults } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';

import { boardOf, censusRule } from '../voting/ballot-board.server.ts';
import { quorumNeeded } from '../voting/thresholds.ts';
import { listRounds } from '../voting/round-view.server.ts';
import { settleRound } from '../voting/round-clock.server.ts';
import type { RoundResults } from '../voting/types.ts';
import { isDirectEdit, type AttributedDoc } from './provenance.ts';
import { getVersion, versionSections } from './versions.server.ts';
import { hasPublishedVersion } from '../amendments/published.server.ts';
import { ForbiddenError, NotFoundError } from '~/utils/domain-errors.ts';
import { OpenDataError, type OpenDataDocument } from '~/utils/open-data.server.ts';

/**
 * The open data API (docs/api.md): what the public may read, as JSON, read-only, without a key. Everything here
 * acts as the public (actor null), whoever asks: an answer may then be kept by any cache and handed to anyone.
 * What the public may not read is not found (404), exactly like what does not exist: a refusal would tell that
 * it exists (issue 15).
 * Each function returns the JSON text with its entity tag and how long caches may keep it; the routes
 * (app/routes/api.*) only add the HTTP headers (app/utils/open-data.server.ts).
 */

/** Programs, their rounds while open: they change. */
const CHANGING = 60;
/** Published versions, closed rounds' results and boards: immutable once they exist. */
const IMMUTABLE = 3600;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ID = /^[a-z2-7]{16}$/;
/** The largest version number the database can hold (a 32-bit integer). */
const MAX_VERSION = 2_147_483_647;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function document(value: unknown, maxAge: number): OpenDataDocument {
  const body = JSON.stringify(value);
  return { body, etag: sha256(body), maxAge };
}

/** An address's slug that no program can have is not found without asking the database. */
function checkSlug(slug: string): void {
  if (slug.length > 100 || !SLUG.test(slug)) throw new NotFoundError(`program ${slug.slice(0, 100)}`);
}

function checkRoundId(id: string): void {
  if (!ID.test(id)) throw new NotFoundError('round');
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
  return document({ programs: programs.filter(publicMayRead).map(programFields) }, CHANGING);
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
  return document({ ...programFields(program), rounds }, CHANGING);
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
  return document(
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
    IMMUTABLE,
  );
}

/**
 * A round the public may read. One whose time has come is opened or closed now, as its page does on reading
 * (the server's sweep otherwise does it within 15 s).
 */
async function publicRound<T extends RoundFacts>(roundId: string, read: () => Promise<T | null>): Promise<T> {
  checkRoundId(roundId);
  let round = await read();
  if (!round) throw new NotFoundError(`round ${roundId}`);
  // A closed round is public record once the program is known (canReadRound): asked about the program's versions
  // only when its draft is closed to the public. Other rounds go with the draft: not found.
  const program = {
    ...round.program,
    published: !canReadRounds(null, round.program) && (await hasPublishedVersion(db(), round.program.id)),
  };
  if (!canReadRound(null, program, { status: 'CLOSED' })) throw new NotFoundError(`round ${roundId}`);
  const now = new Date();
  if ((round.status === 'OPEN' && round.closesAt <= now) || (round.status === 'SCHEDULED' && round.opensAt <= now)) {
    await settleRound(roundId, now);
    round = (await read()) ?? round;
  }
  if (!canReadRound(null, program, round)) throw new NotFoundError(`round ${roundId}`);
  return round;
}

type RoundFacts = {
  status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  opensAt: Date;
  closesAt: Date;
  program: { id: string; slug: string; phase: Parameters<typeof canReadRounds>[1]['phase']; draftIsPublic: boolean };
};

const FACTS = {
  status: true,
  opensAt: true,
  closesAt: true,
  program: { select: { id: true, slug: true, phase: true, draftIsPublic: true } },
} as const;

/** A yes/no question's majority for the API: the fraction of the yes and no votes, and the rule in English. */
function majorityInWords(numerator: number, denominator: number) {
  const simple = numerator * 2 === denominator;
  return {
    numerator,
    denominator,
    of: 'YES_AND_NO',
    rule: simple
      ? 'More yes than no; abstentions are not counted.'
      : `At least ${numerator}/${denominator} of the yes and no votes, and more yes than no; abstentions are not counted.`,
  };
}

/** GET /api/v1/rounds/<id>/results: a closed round's results, rules and questions; 404 until the close. */
export async function roundResultsDocument(roundId: string): Promise<OpenDataDocument> {
  const round = await publicRound(roundId, () =>
    db().votingRound.findUnique({
      where: { id: roundId },
      select: {
        ...FACTS,
        id: true,
        number: true,
        title: true,
        openedAt: true,
        closedAt: true,
        quorumPercent: true,
        majorityNumerator: true,
        majorityDenominator: true,
        method: true,
        censusJoinedBefore: true,
        censusSize: true,
        censusRule: true,
        censusCommitment: true,
        results: true,
        boardSha256: true,
        questions: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            kind: true,
            title: true,
            amendmentId: true,
            alternatives: true,
            majorityNumerator: true,
            majorityDenominator: true,
          },
        },
      },
    }),
  );
  if (!canSeeResults(round) || !round.results) {
    throw new OpenDataError(404, 'Results are published when the round closes.');
  }
  const slug = round.program.slug;
  return document(
    {
      round: {
        id: round.id,
        number: round.number,
        title: round.title,
        program: slug,
        status: round.status,
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        openedAt: round.openedAt?.toISOString() ?? null,
        closedAt: round.closedAt?.toISOString() ?? null,
        quorumPercent: round.quorumPercent,
        quorumNeeded: quorumNeeded(round.censusSize ?? 0, round.quorumPercent),
        majority: { numerator: round.majorityNumerator, denominator: round.majorityDenominator },
        method: round.method,
        census: {
          size: round.censusSize ?? 0,
          joinedBefore: round.censusJoinedBefore.toISOString(),
          rule: censusRule(round),
          ruleName: round.censusRule,
          commitment: round.censusCommitment,
        },
        boardSha256: round.boardSha256,
      },
      questions: round.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        title: q.title,
        amendmentId: q.amendmentId,
        alternatives: (q.alternatives as { id: string; label: string }[] | null) ?? [],
        // The question's own majority, which its count used (the round's `majority` is only the default).
        majority: q.kind === 'YES_NO' ? majorityInWords(q.majorityNumerator, q.majorityDenominator) : null,
      })),
      results: round.results as unknown as RoundResults,
      links: {
        html: `/p/${slug}/rounds/${round.id}`,
        board: `/api/v1/rounds/${round.id}/board`,
        program: `/api/v1/programs/${slug}`,
      },
    },
    IMMUTABLE,
  );
}

/**
 * GET /api/v1/rounds/<id>/board: the ballot board, exactly as published (so its SHA-256 is the one the round
 * shows, and `npm run plenum -- verify-tally` recounts it); 404 until the close. Five statements: the program's
 * facts in one, then the board's four.
 */
export async function roundBoardDocument(roundId: string): Promise<OpenDataDocument> {
  checkRoundId(roundId);
  const program = await db().program.findFirst({
    where: { rounds: { some: { id: roundId } } },
    select: { id: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`round ${roundId}`);
  // The board exists only once the round is closed, and a closed round is public once the program is known.
  const published = !canReadRounds(null, program) && (await hasPublishedVersion(db(), program.id));
  if (!canReadRound(null, { ...program, published }, { status: 'CLOSED' })) throw new NotFoundError(`round ${roundId}`);
  let board = await boardOf(roundId);
  if (!board) {
    // Not closed: perhaps its time has come and the sweep has not run yet.
    const round = await publicRound(roundId, () =>
      db().votingRound.findUnique({ where: { id: roundId }, select: FACTS }),
    );
    if (round.status === 'CLOSED') board = await boardOf(roundId);
  }
  if (!board) throw new OpenDataError(404, 'The ballot board is published when the round closes.');
  return { body: board.text, etag: board.sha256, maxAge: IMMUTABLE, headers: { 'X-Board-SHA256': board.sha256 } };
}
