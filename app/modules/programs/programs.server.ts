import type { Phase } from '~/generated/prisma/enums.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import {
  canCreateProgram,
  canEditSection,
  canKnowProgram,
  canReadDraft,
  programAbilities,
} from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { oncePerRequest } from '~/utils/request-memo.server.ts';
import { offeredLocales } from '~/modules/installation/languages.server.ts';
import { whySectionReadOnly } from '~/modules/live-text/why-read-only.ts';
import { numberOutline } from './numbering.ts';
import { isAmong, listsMember, rowsOf, rowsOfMany } from '~/modules/members/membership.server.ts';
import { keptRead } from '~/utils/kept-reads.server.ts';

// Reading programs: who may know and read one, the lists, the frame of its pages, its phase history. Commands
// that change a program are in program-commands.server.ts; its chapters' and sections' text in
// program-text.server.ts.

/**
 * Throws NotFoundError, as for a program that does not exist, when the actor may not know this one exists
 * (canKnowProgram): every module function that loads a program for an actor calls it before any other check, so
 * that no refusal tells a visitor that it exists. Costs a query only when the actor may not read the draft.
 */
export async function hideUnknownProgram(
  tx: Tx,
  actor: Actor,
  program: { id: string; phase: Phase; draftIsPublic: boolean },
): Promise<void> {
  if (canReadDraft(actor, program)) return;
  const published = (await tx.programVersion.count({ where: { programId: program.id } })) > 0;
  if (!canKnowProgram(actor, { ...program, published })) throw new NotFoundError(`program ${program.id}`);
}

/**
 * What the policies need: the program's own facts, and whether the actor is one of its named drafters. Outside a
 * transaction, by slug, from the frame every reader shares (ADR 0048): a voting rush asks it for every ballot.
 */
export async function loadProgramFacts(tx: Tx, actor: Actor, where: { id: string } | { slug: string }) {
  if ((tx as unknown) === db() && 'slug' in where) {
    const frame = await sharedFrame(where.slug);
    if (!frame) throw new NotFoundError(`program ${where.slug}`);
    const { chapters: _chapters, drafters, versions, ...rest } = frame;
    if (!canReadDraft(actor, rest) && !canKnowProgram(actor, { ...rest, published: versions.length > 0 }))
      throw new NotFoundError(`program ${rest.id}`);
    return { ...rest, actorIsDrafter: listsMember(drafters, actor) };
  }
  const program = await tx.program.findUnique({
    where,
    include: { drafters: rowsOf(actor) },
  });
  if (!program) throw new NotFoundError(`program ${'slug' in where ? where.slug : where.id}`);
  await hideUnknownProgram(tx, actor, program);
  const { drafters, ...rest } = program;
  return { ...rest, actorIsDrafter: isAmong(drafters) };
}

/** The home page: the programs the actor may read, and whether the policies let them open a new one. */
export async function programsPage(actor: Actor) {
  return { programs: await listPrograms(actor), canCreate: canCreateProgram(actor) };
}

/**
 * The form that opens a program, for those the policies let open one (with the language its text is most likely
 * written in: the installation's first); a refusal for everyone else.
 */
export async function newProgramPage(actor: Actor) {
  enforce(canCreateProgram(actor), actor, 'program.create');
  return { language: (await offeredLocales())[0] ?? 'fr' };
}

/** Programs the actor may read, for the home page. */
export async function listPrograms(actor: Actor) {
  const programs = await db().program.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, slug: true, title: true, summary: true, language: true, phase: true, draftIsPublic: true },
  });
  return programs.filter((p) => canReadDraft(actor, p));
}

/** A program with its numbered table of contents and what the actor may do with it; a refusal for non-readers. */
export async function getProgramOutline(actor: Actor, slug: string) {
  const frame = await programFrame(actor, slug);
  enforceRead(frame.abilities.readDraft, actor, 'program.read_draft');
  return frame;
}

/** What the frame needs of a published version's outline (its JSON, written by publishVersion). */
type PublishedOutline = {
  chapters: { id: string; number: string; title: string; sections: { id: string; number: string; title: string }[] }[];
};

/**
 * The frame of every page of a program: the program, its numbered table of contents and what the actor may do.
 * Readers of the draft get the live outline. A visitor of a program whose draft is closed but which published a
 * version (so that its public record is public, issue 17, item 9) gets the latest version's outline instead,
 * and the page inside checks its own right to be read. `contents` says which published version the table of
 * contents leads to, and which of its sections and chapters it holds: the latest, once the program is
 * PUBLISHED (its text is that version's, not the live draft's) or for those who may not read the draft.
 */
export function programFrame(actor: Actor, slug: string) {
  // A section's page and its frame both need it, side by side: read once per request (issue 19).
  return oncePerRequest(`programFrame:${actor?.id ?? ''}:${slug}`, () => readProgramFrame(actor, slug));
}

/** The tables `readProgramFrame` reads: kept while none is written (ADR 0048). */
const FRAME_TABLES = ['Program', 'Drafter', 'Chapter', 'Section', 'ProgramVersion'];

/**
 * The program with its outline and latest version's outline, the same for every reader: read once for all while
 * none of its tables is written (a voting rush, supports and comments leave them alone), then shaped per reader.
 */
function sharedFrame(slug: string) {
  return keptRead(`programFrame:${slug}`, FRAME_TABLES, () => readSharedFrame(slug));
}

function readSharedFrame(slug: string) {
  return db().program.findUnique({
    where: { slug },
    include: {
      // The drafting committee: a few members, read whole so that one read serves every reader.
      drafters: { select: { memberId: true } },
      chapters: {
        select: {
          id: true,
          position: true,
          title: true,
          // A section removed by an adopted amendment is archived, not deleted: its amendments and their debate
          // and votes stay readable, but it is no longer part of the program.
          sections: {
            where: { archivedAt: null },
            select: { id: true, position: true, title: true, lockedAt: true },
          },
        },
      },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, outline: true } },
    },
  });
}

async function readProgramFrame(actor: Actor, slug: string) {
  const program = await sharedFrame(slug);
  if (!program) throw new NotFoundError(`program ${slug}`);
  const { chapters, drafters, versions, ...rest } = program;
  const latest = versions[0];
  if (!canKnowProgram(actor, { ...rest, published: latest !== undefined })) throw new NotFoundError(`program ${slug}`);
  const facts = { ...rest, actorIsDrafter: listsMember(drafters, actor) };
  const abilities = { ...programAbilities(actor, facts), actorIsDrafter: facts.actorIsDrafter };
  const published = latest ? (latest.outline as unknown as PublishedOutline).chapters : [];
  const outline = abilities.readDraft
    ? numberOutline(chapters)
    : published.map((c, ci) => ({
        id: c.id,
        position: ci,
        title: c.title,
        number: c.number,
        sections: c.sections.map((x, si) => ({ ...x, position: si, lockedAt: null as Date | null })),
      }));
  const contents =
    latest && (rest.phase === 'PUBLISHED' || !abilities.readDraft)
      ? {
          version: latest.number,
          chapters: published.map((c) => c.id),
          sections: published.flatMap((c) => c.sections.map((x) => x.id)),
        }
      : null;
  return { program: rest, chapters: outline, abilities, contents };
}

/** The outline, for those the policies let shape the program (its structure, its imports); a refusal otherwise. */
export async function programToShape(actor: Actor, slug: string) {
  const outline = await getProgramOutline(actor, slug);
  enforce(outline.abilities.shape, actor, 'program.shape');
  return outline;
}

/**
 * The program's moves between phases, newest first: when, from and to which phase, by whom and why. Public
 * wherever the program is readable: members and readers see how the process is run.
 */
export async function getPhaseHistory(actor: Actor, slug: string) {
  const program = await db().program.findUnique({
    where: { slug },
    select: { id: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  enforceRead(canReadDraft(actor, program), actor, 'program.read_draft');
  const events = await db().auditEvent.findMany({
    where: { targetType: 'Program', targetId: program.id, action: 'program.settings_changed' },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await db().member.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map(
      (m) => [m.id, m.displayName],
    ),
  );
  return events.flatMap((e) => {
    const data = e.data as { from?: { phase?: Phase }; to?: { phase?: Phase } } | null;
    const from = data?.from?.phase;
    const to = data?.to?.phase;
    if (!from || !to || from === to) return [];
    return [{ at: e.createdAt, from, to, by: e.actorId ? (names.get(e.actorId) ?? null) : null, reason: e.reason }];
  });
}

/** What an actor may do with a section's live text: read it, and write it. Null if the section does not exist. */
export async function sectionAccess(actor: Actor, sectionId: string) {
  return (await sectionAccessOfMany([actor], sectionId))[0]!;
}

/**
 * `sectionAccess` for several actors at once, in one read whatever their number (the collaboration server
 * rechecks every editor of a section every few seconds): the answers in the order of `actors`.
 */
export async function sectionAccessOfMany(actors: readonly Actor[], sectionId: string) {
  const section = await db().section.findUnique({
    where: { id: sectionId },
    select: {
      lockedAt: true,
      archivedAt: true,
      chapter: {
        select: {
          program: {
            select: {
              phase: true,
              phaseStartedAt: true,
              draftIsPublic: true,
              draftingAccess: true,
              drafters: rowsOfMany(actors),
            },
          },
        },
      },
    },
  });
  if (!section) return actors.map(() => null);
  const { drafters, phaseStartedAt, ...program } = section.chapter.program;
  return actors.map((actor) => {
    const facts = { ...program, actorIsDrafter: listsMember(drafters, actor) };
    // An archived section is read as it was when removed; nobody writes it any more.
    const write = !section.archivedAt && canEditSection(actor, facts, section);
    return {
      read: canReadDraft(actor, facts),
      write,
      // Why not, told to an editor that loses the right or writes without it (issue 17).
      whyReadOnly: write ? null : whySectionReadOnly(actor, { ...facts, phaseStartedAt }, section),
    };
  });
}
