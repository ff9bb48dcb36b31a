import type { Phase } from '~/generated/prisma/enums.ts';
import type { Prisma } from '~/generated/prisma/client.ts';
import { enforceRead, type Actor } from '~/policies/actor.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';

/**
 * A program's public audit log (issue 17, item 10; docs/decisions/0022-public-audit-log.md): every moderator
 * action on the program, newest first, with its reason, filterable by kind. Only the kinds below are read, and
 * of each only what the ADR calls public: no email, no member-only reason, and a drafter's name only if the
 * program publishes drafters' names. Whoever reads the draft reads the log; a hidden program is not found.
 */
export const AUDIT_KINDS = {
  settings: ['program.settings_changed'],
  rounds: ['round.created', 'round.rescheduled', 'round.closed'],
  locks: ['section.locked', 'section.unlocked'],
  drafters: ['program.drafter_added', 'program.drafter_removed'],
  structure: [
    'chapter.created',
    'chapter.renamed',
    'chapter.moved',
    'chapter.removed',
    'section.created',
    'section.renamed',
    'section.moved',
    'section.removed',
    'section.text.restored',
  ],
  imports: ['program.imported'],
  decisions: [
    'amendment.admissible',
    'amendment.inadmissible',
    'amendment.merged',
    'amendment.not_duplicate',
    'comment.hidden',
    'comment.kept',
  ],
  versions: ['program.version_published'],
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;
export type AuditAction = (typeof AUDIT_KINDS)[AuditKind][number];
const KIND_OF = new Map(
  Object.entries(AUDIT_KINDS).flatMap(([kind, actions]) => actions.map((a) => [a as string, kind as AuditKind])),
);

/** A kind from an address (`?kind=`): one of AUDIT_KINDS, else every kind. */
export function auditKind(param: string | null): AuditKind | null {
  // Own keys only: `in` also finds what every object inherits (`?kind=__proto__` answered 500).
  return param && Object.hasOwn(AUDIT_KINDS, param) ? (param as AuditKind) : null;
}

/** What a line says of its target: a link when the target still exists where the public can see it. */
export type AuditTarget =
  | { type: 'program' }
  | { type: 'chapter' | 'section'; title: string }
  | { type: 'round'; id: string; number: number; title: string }
  | { type: 'amendment' | 'comment'; id: string; title: string };

/** The public facts of a line, by kind (never an email, a member-only reason or an unnamed drafter). */
export interface AuditDetails {
  phase?: { from: Phase; to: Phase };
  /** Settings other than the phase that changed (their names). */
  changed?: string[];
  movedBack?: { amendments: number; rounds: number };
  closes?: { from: string; to: string };
  /** The drafter named or removed: their name if the program publishes drafters' names, else null. */
  drafter?: string | null;
  version?: number;
  sections?: number;
}

const PER_PAGE = 50;
type Event = Prisma.AuditEventGetPayload<object>;

/** One page of a program's public audit log, newest first, of one kind or all. */
export async function programAuditPage(actor: Actor, slug: string, options: { kind: AuditKind | null; page: number }) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  enforceRead(canReadDraft(actor, program), actor, 'program.read_draft');
  const targets = await programTargets(program.id);
  const actions = options.kind ? [...AUDIT_KINDS[options.kind]] : [...KIND_OF.keys()];
  const rows = await db().auditEvent.findMany({
    where: {
      action: { in: actions },
      OR: [
        { targetType: 'Program', targetId: program.id },
        { targetType: 'Chapter', targetId: { in: targets.chapters } },
        { targetType: 'Section', targetId: { in: targets.sections } },
        { targetType: 'VotingRound', targetId: { in: [...targets.rounds.keys()] } },
        { targetType: 'Amendment', targetId: { in: [...targets.amendments.keys()] } },
        { targetType: 'Comment', targetId: { in: [...targets.comments.keys()] } },
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (options.page - 1) * PER_PAGE,
    take: PER_PAGE + 1,
  });
  const events = rows.slice(0, PER_PAGE);
  const memberIds = new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  if (program.drafterNamesPublic) for (const e of events) if (drafterOf(e)) memberIds.add(drafterOf(e)!);
  const names = new Map(
    (
      await db().member.findMany({ where: { id: { in: [...memberIds] } }, select: { id: true, displayName: true } })
    ).map((m) => [m.id, m.displayName]),
  );
  const titles = await currentTitles(events);
  return {
    slug,
    kind: options.kind,
    kinds: Object.keys(AUDIT_KINDS) as AuditKind[],
    page: options.page,
    more: rows.length > PER_PAGE,
    events: events.map((e) => ({
      id: String(e.id),
      at: e.createdAt,
      kind: KIND_OF.get(e.action)!,
      action: e.action as AuditAction,
      // null: Plenum itself (a round closing at its time); '' a former member.
      by: e.actorId ? (names.get(e.actorId) ?? '') : null,
      target: targetOf(e, targets, titles),
      reason: e.reason,
      details: detailsOf(e, program.drafterNamesPublic ? names : null),
    })),
  };
}

/** The ids of everything of the program an event may be about, removed chapters and sections included. */
async function programTargets(programId: string) {
  const chapterEvents = await db().auditEvent.findMany({
    where: { targetType: 'Chapter', action: 'chapter.created', data: { path: ['programId'], equals: programId } },
    select: { targetId: true },
  });
  const chapters = [
    ...new Set([
      ...(await db().chapter.findMany({ where: { programId }, select: { id: true } })).map((c) => c.id),
      ...chapterEvents.map((e) => e.targetId),
    ]),
  ];
  const sectionEvents = chapters.length
    ? await db().auditEvent.findMany({
        where: {
          targetType: 'Section',
          action: { in: ['section.created', 'section.removed'] },
          OR: chapters.map((id) => ({ data: { path: ['chapterId'], equals: id } })),
        },
        select: { targetId: true },
      })
    : [];
  const sections = [
    ...new Set([
      ...(await db().section.findMany({ where: { chapter: { programId } }, select: { id: true } })).map((s) => s.id),
      ...sectionEvents.map((e) => e.targetId),
    ]),
  ];
  const rounds = new Map(
    (await db().votingRound.findMany({ where: { programId }, select: { id: true, number: true, title: true } })).map(
      (r) => [r.id, r],
    ),
  );
  const amendments = new Map(
    (
      await db().amendment.findMany({
        where: { programId, submittedAt: { not: null } },
        select: { id: true, title: true },
      })
    ).map((a) => [a.id, a.title]),
  );
  const comments = new Map(
    (
      await db().comment.findMany({
        where: {
          amendmentId: { in: [...amendments.keys()] },
          OR: [{ hiddenAt: { not: null } }, { reports: { some: { resolvedAt: { not: null } } } }],
        },
        select: { id: true, amendmentId: true },
      })
    ).map((c) => [c.id, c.amendmentId]),
  );
  return { chapters, sections, rounds, amendments, comments };
}

/** The titles chapters and sections have now (a removed one keeps the title its events recorded). */
async function currentTitles(events: Event[]) {
  const ids = (type: string) => events.filter((e) => e.targetType === type).map((e) => e.targetId);
  const [chapters, sections] = await Promise.all([
    db().chapter.findMany({ where: { id: { in: ids('Chapter') } }, select: { id: true, title: true } }),
    db().section.findMany({ where: { id: { in: ids('Section') } }, select: { id: true, title: true } }),
  ]);
  return new Map([...chapters, ...sections].map((x) => [x.id, x.title]));
}

function targetOf(
  e: Event,
  targets: Awaited<ReturnType<typeof programTargets>>,
  titles: Map<string, string>,
): AuditTarget {
  const data = (e.data ?? {}) as { title?: string; to?: unknown; amendmentId?: string };
  switch (e.targetType) {
    case 'Chapter':
    case 'Section':
      return {
        type: e.targetType === 'Chapter' ? 'chapter' : 'section',
        title: titles.get(e.targetId) ?? data.title ?? (typeof data.to === 'string' ? data.to : ''),
      };
    case 'VotingRound': {
      const round = targets.rounds.get(e.targetId)!;
      return { type: 'round', id: round.id, number: round.number, title: round.title };
    }
    case 'Amendment':
      return { type: 'amendment', id: e.targetId, title: targets.amendments.get(e.targetId) ?? '' };
    case 'Comment': {
      const amendmentId = targets.comments.get(e.targetId) ?? '';
      return { type: 'comment', id: amendmentId, title: targets.amendments.get(amendmentId) ?? '' };
    }
    default:
      return { type: 'program' };
  }
}

const drafterOf = (e: Event) =>
  e.action.startsWith('program.drafter_') ? ((e.data as { memberId?: string } | null)?.memberId ?? null) : null;

/** The public facts of an event (ADR 0022): chosen field by field, never the event's data as it is. */
function detailsOf(e: Event, names: Map<string, string> | null): AuditDetails {
  const data = (e.data ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'program.settings_changed': {
      const from = (data.from ?? {}) as Record<string, unknown>;
      const to = (data.to ?? {}) as Record<string, unknown>;
      const changed = Object.keys(to).filter((k) => k !== 'phase' && JSON.stringify(from[k]) !== JSON.stringify(to[k]));
      return {
        ...(from.phase !== to.phase ? { phase: { from: from.phase as Phase, to: to.phase as Phase } } : {}),
        changed,
        ...(data.movedBack ? { movedBack: data.movedBack as AuditDetails['movedBack'] } : {}),
      };
    }
    case 'round.rescheduled':
      return { closes: { from: String(data.from), to: String(data.to) } };
    case 'program.drafter_added':
    case 'program.drafter_removed':
      return { drafter: names ? (names.get(drafterOf(e) ?? '') ?? '') : null };
    case 'program.version_published':
      return { version: Number(data.number) };
    case 'program.imported':
      return { sections: Number(data.sections) };
    default:
      return {};
  }
}
