import type { CensusRule, DraftingAccess, Phase, SupportRule } from '~/generated/prisma/enums.ts';
import type { Locale } from '~/i18n/index.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { STANDING } from '~/policies/amendment.ts';
import { canCreateProgram, canManageProgram } from '~/policies/program.ts';
import { parseDoc, type DocNode } from '~/rich-text/document.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { firstLocale } from '~/modules/installation/languages.server.ts';
import { recordAudit } from '../audit/audit.server.ts';

// Commands that make or change a program: create one whole (first run, imports), open an empty one, change its
// phase and settings. Reading programs is in programs.server.ts.

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
