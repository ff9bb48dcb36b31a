import type { CensusRule, DraftingAccess, Phase, SupportRule } from '~/generated/prisma/enums.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import {
  canCreateProgram,
  canEditSection,
  canKnowProgram,
  canManageProgram,
  canReadDraft,
  programAbilities,
} from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { oncePerRequest } from '~/utils/request-memo.server.ts';
import type { Locale } from '~/i18n/index.ts';
import { firstLocale, offeredLocales } from '~/modules/installation/languages.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText, readLiveTextChecked } from '~/modules/live-text/live-text.server.ts';
import { parseDoc, type DocNode } from '~/rich-text/document.ts';
import { STANDING } from '~/policies/amendment.ts';
import { numberOutline } from './numbering.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { whySectionReadOnly } from '~/modules/live-text/why-read-only.ts';

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

/** What the policies need: the program's own facts, and whether the actor is one of its named drafters. */
export async function loadProgramFacts(tx: Tx, actor: Actor, where: { id: string } | { slug: string }) {
  const program = await tx.program.findUnique({
    where,
    include: { drafters: { where: { memberId: actor?.id ?? '' }, select: { memberId: true } } },
  });
  if (!program) throw new NotFoundError(`program ${'slug' in where ? where.slug : where.id}`);
  await hideUnknownProgram(tx, actor, program);
  const { drafters, ...rest } = program;
  return { ...rest, actorIsDrafter: drafters.length > 0 };
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

async function readProgramFrame(actor: Actor, slug: string) {
  const program = await db().program.findUnique({
    where: { slug },
    include: {
      drafters: { where: { memberId: actor?.id ?? '' }, select: { memberId: true } },
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
  if (!program) throw new NotFoundError(`program ${slug}`);
  const { chapters, drafters, versions, ...rest } = program;
  const latest = versions[0];
  if (!canKnowProgram(actor, { ...rest, published: latest !== undefined })) throw new NotFoundError(`program ${slug}`);
  const facts = { ...rest, actorIsDrafter: drafters.length > 0 };
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

/** A section, for those who may propose an amendment to it now (the amendment form); a refusal otherwise. */
export async function sectionToAmend(actor: Actor, slug: string, sectionId: string) {
  const { section, abilities } = await getSection(actor, slug, sectionId);
  enforce(abilities.proposeAmendment, actor, 'amendment.start');
  return { id: section.id, number: section.number, title: section.title };
}

/** One chapter of a program, with its sections' text. */
export async function getChapter(actor: Actor, slug: string, chapterId: string) {
  const outline = await getProgramOutline(actor, slug);
  const chapter = outline.chapters.find((c) => c.id === chapterId);
  if (!chapter) throw new NotFoundError(`chapter ${chapterId}`);
  const rows = await db().section.findMany({
    where: { chapterId, archivedAt: null },
    select: { id: true, content: true },
  });
  const texts = await Promise.all(rows.map((r) => readLiveText(liveDocumentName.section(r.id), r.content)));
  const content = new Map(rows.map((r, i) => [r.id, texts[i]!]));
  return {
    ...outline,
    chapter: { ...chapter, sections: chapter.sections.map((s) => ({ ...s, content: content.get(s.id)! })) },
  };
}

/** One section with its text, its number, and the sections before and after it in reading order. */
export async function getSection(actor: Actor, slug: string, sectionId: string) {
  // The section's row is read beside the outline (issue 19), and shown only once the outline says it may be.
  const [outline, row] = await Promise.all([
    getProgramOutline(actor, slug),
    db().section.findUnique({
      where: { id: sectionId },
      select: { content: true, updatedAt: true, lockedAt: true, lockReason: true, lockedByRoundId: true },
    }),
  ]);
  const flat = outline.chapters.flatMap((c) => c.sections.map((s) => ({ ...s, chapter: c })));
  const index = flat.findIndex((s) => s.id === sectionId);
  const entry = flat[index];
  if (!entry || !row) throw new NotFoundError(`section ${sectionId}`);
  const facts = { ...outline.program, actorIsDrafter: outline.abilities.actorIsDrafter };
  const link = (s: (typeof flat)[number] | undefined) => (s ? { id: s.id, number: s.number, title: s.title } : null);
  const text = await readLiveTextChecked(liveDocumentName.section(entry.id), row.content);
  return {
    ...outline,
    section: {
      id: entry.id,
      number: entry.number,
      title: entry.title,
      content: text.doc,
      /**
       * Moderators only: how much of the stored text could not be shown (content outside the schema, stored before
       * the sync server checked changes): they may restore the section's last valid text (issue 15).
       */
      invalidContent: canManageProgram(actor, outline.program) && !text.shapeOnly ? text.problems.length : 0,
      documentName: liveDocumentName.section(entry.id),
      updatedAt: row.updatedAt,
      lock: row.lockedAt ? { at: row.lockedAt, reason: row.lockReason, roundId: row.lockedByRoundId } : null,
      chapter: { id: entry.chapter.id, number: entry.chapter.number, title: entry.chapter.title },
    },
    /** Whether the actor may write this section's text now (the draft's rule, and no lock). */
    canWrite: canEditSection(actor, facts, row),
    previous: link(flat[index - 1]),
    next: link(flat[index + 1]),
  };
}

/** Input of `createProgram`: a whole program at once (first run, imports). */
export interface CreateProgramProps {
  actorId: string | null;
  slug: string;
  title: string;
  summary: string;
  phase?: Phase;
  draftIsPublic?: boolean;
  /** The language its text is written in (ADR 0038); the installation's first language if not given. */
  language?: Locale;
  chapters: { title: string; sections: { title: string; content: DocNode }[] }[];
}

/** Creates a program with its chapters and sections in one transaction. */
export async function createProgram(props: CreateProgramProps, tx?: Tx): Promise<string> {
  const run = async (t: Tx) => {
    const programId = newId();
    const language = props.language ?? (await firstLocale(t));
    await t.program.create({
      data: {
        id: programId,
        slug: props.slug,
        title: props.title,
        summary: props.summary,
        phase: props.phase ?? 'DRAFTING',
        draftIsPublic: props.draftIsPublic ?? true,
        language,
      },
    });
    for (const [ci, chapter] of props.chapters.entries()) {
      const chapterId = newId();
      await t.chapter.create({ data: { id: chapterId, programId, position: (ci + 1) * 1000, title: chapter.title } });
      await t.section.createMany({
        data: chapter.sections.map((s, si) => ({
          id: newId(),
          chapterId,
          position: (si + 1) * 1000,
          title: s.title,
          content: parseDoc(s.content),
        })),
      });
    }
    await recordAudit(t, {
      actorId: props.actorId,
      action: 'program.created',
      targetType: 'Program',
      targetId: programId,
    });
    return programId;
  };
  return tx ? run(tx) : db().$transaction(run);
}

/** A program that cannot be created as asked; `key` is the message shown beside `field`. */
export class ProgramError extends DomainError {
  constructor(key: 'programs.errors.slugTaken', field: 'slug') {
    super('conflict', key, { field });
  }
}

/**
 * Opens a new, empty program in DRAFTING (moderators): its chapters are then written, shaped or imported.
 * The address (slug) is the one asked for, or one made from the title. Returns the slug.
 */
export async function openProgram(props: {
  actor: Actor;
  title: string;
  summary: string;
  slug?: string;
  draftIsPublic: boolean;
  /** The language its text is written in; the installation's first language if not given. */
  language?: Locale;
}): Promise<string> {
  enforce(canCreateProgram(props.actor), props.actor, 'program.create');
  const slug = props.slug || slugify(props.title);
  return db().$transaction(async (tx) => {
    if (await tx.program.findUnique({ where: { slug }, select: { id: true } })) {
      throw new ProgramError('programs.errors.slugTaken', 'slug');
    }
    await createProgram(
      {
        actorId: props.actor?.id ?? null,
        slug,
        title: props.title,
        summary: props.summary,
        draftIsPublic: props.draftIsPublic,
        language: props.language,
        chapters: [],
      },
      tx,
    );
    return slug;
  });
}

/** An address for a title: "Programme 2027 : écologie" -> "programme-2027-ecologie". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'programme';
}

/** Input of `updateProgramSettings`. */
export interface ProgramSettingsProps {
  actor: Actor;
  slug: string;
  /** The process's phase: DRAFTING, AMENDING, VOTING or PUBLISHED. */
  phase: Phase;
  /** When moderators plan to end the phase (shown to everyone), or null. */
  phaseEndsAt: Date | null;
  /** The phase moves to the next one by itself at `phaseEndsAt` (ADR 0037; off without a date; unchanged if not given). */
  phaseAutoAdvance?: boolean;
  /** Whether the public may read the live draft. */
  draftIsPublic: boolean;
  /** Who writes during DRAFTING: all members, or the named drafters. */
  draftingAccess: DraftingAccess;
  /** Whether published versions name the members who edited the text directly (unchanged if not given). */
  drafterNamesPublic?: boolean;
  /** Confirms moving the phase backwards while amendments or rounds are pending: refused without it. */
  confirmBackwards?: boolean;
  /** Who votes in its rounds, frozen into each at its opening (unchanged if not given). */
  censusRule?: CensusRule;
  /** The language its text is written in (unchanged if not given). */
  language?: Locale;
  /** The amendments' support threshold: rule, value (a number, or a percentage), activity window, duration. */
  supportRule?: SupportRule;
  supportValue?: number;
  supportActiveDays?: number;
  supportDays?: number;
  /** Why, kept in the audit trail. */
  reason: string;
}

const PHASE_ORDER: readonly Phase[] = ['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'];

/** What moving a program's phase backwards would leave pending: standing amendments and rounds not closed. */
async function pendingWork(tx: Tx, programId: string) {
  const [amendments, rounds] = await Promise.all([
    tx.amendment.count({ where: { programId, status: { in: [...STANDING, 'IN_VOTE'] } } }),
    tx.votingRound.count({ where: { programId, status: { in: ['SCHEDULED', 'OPEN'] } } }),
  ]);
  return { amendments, rounds };
}

/**
 * Changes a program's phase (with its planned end), openness and drafting access (moderators); each change is
 * audited with its reason. Moving to another phase restarts the phase's clock. Moving it backwards while
 * amendments or rounds are pending needs `confirmBackwards` (refused otherwise, saying what is pending), and the
 * audit event records what was pending.
 */
export async function updateProgramSettings(props: ProgramSettingsProps): Promise<void> {
  await db().$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { slug: props.slug } });
    if (!program) throw new NotFoundError(`program ${props.slug}`);
    enforce(canManageProgram(props.actor, program), props.actor, 'program.manage');
    const before = {
      phase: program.phase,
      phaseEndsAt: program.phaseEndsAt?.toISOString() ?? null,
      phaseAutoAdvance: program.phaseAutoAdvance,
      draftIsPublic: program.draftIsPublic,
      draftingAccess: program.draftingAccess,
      drafterNamesPublic: program.drafterNamesPublic,
      censusRule: program.censusRule,
      language: program.language,
      supportRule: program.supportRule,
      supportValue: program.supportValue,
      supportActiveDays: program.supportActiveDays,
      supportDays: program.supportDays,
    };
    const after = {
      phase: props.phase,
      phaseEndsAt: props.phaseEndsAt?.toISOString() ?? null,
      phaseAutoAdvance: props.phaseEndsAt ? (props.phaseAutoAdvance ?? program.phaseAutoAdvance) : false,
      draftIsPublic: props.draftIsPublic,
      draftingAccess: props.draftingAccess,
      drafterNamesPublic: props.drafterNamesPublic ?? program.drafterNamesPublic,
      censusRule: props.censusRule ?? program.censusRule,
      language: props.language ?? program.language,
      supportRule: props.supportRule ?? program.supportRule,
      supportValue: props.supportValue ?? program.supportValue,
      supportActiveDays: props.supportActiveDays ?? program.supportActiveDays,
      supportDays: props.supportDays ?? program.supportDays,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const backwards = PHASE_ORDER.indexOf(props.phase) < PHASE_ORDER.indexOf(program.phase);
    const pending = backwards ? await pendingWork(tx, program.id) : null;
    if (pending && (pending.amendments || pending.rounds) && !props.confirmBackwards) {
      throw new DomainError('conflict', 'settings.errors.backwardsPending', {
        field: 'confirmBackwards',
        values: { amendments: pending.amendments, rounds: pending.rounds },
      });
    }
    await tx.program.update({
      where: { id: program.id },
      data: {
        phase: props.phase,
        phaseEndsAt: props.phaseEndsAt,
        phaseAutoAdvance: after.phaseAutoAdvance,
        draftIsPublic: props.draftIsPublic,
        draftingAccess: props.draftingAccess,
        drafterNamesPublic: after.drafterNamesPublic,
        censusRule: after.censusRule,
        language: after.language,
        supportRule: after.supportRule,
        supportValue: after.supportValue,
        supportActiveDays: after.supportActiveDays,
        supportDays: after.supportDays,
        ...(props.phase !== program.phase ? { phaseStartedAt: new Date() } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'program.settings_changed',
      targetType: 'Program',
      targetId: program.id,
      reason: props.reason,
      data: { from: before, to: after, ...(pending ? { movedBack: pending } : {}) },
    });
  });
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
              drafters: { where: { memberId: actor?.id ?? '' }, select: { memberId: true } },
            },
          },
        },
      },
    },
  });
  if (!section) return null;
  const { drafters, phaseStartedAt, ...program } = section.chapter.program;
  const facts = { ...program, actorIsDrafter: drafters.length > 0 };
  // An archived section is read as it was when removed; nobody writes it any more.
  const write = !section.archivedAt && canEditSection(actor, facts, section);
  return {
    read: canReadDraft(actor, facts),
    write,
    // Why not, told to an editor that loses the right or writes without it (issue 17).
    whyReadOnly: write ? null : whySectionReadOnly(actor, { ...facts, phaseStartedAt }, section),
  };
}
