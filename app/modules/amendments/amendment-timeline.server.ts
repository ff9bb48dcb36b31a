import { Prisma } from '~/generated/prisma/client.ts';
import { db } from '~/utils/db.server.ts';
import type { RoundResults } from '../voting/types.ts';

/**
 * An amendment's status timeline, oldest first: each step of its life, when, and by whom when a person acted;
 * then its vote (when its round opened), the decision (when it closed, with the counts) and its application (when
 * it was written into the live text, and the first published version that includes it). Those last steps come
 * from the round and the application themselves, which no audit event per amendment records: the page reads them
 * with the amendment (amendment-view.server.ts), and only the events here.
 */

/** The steps of an amendment's life that its timeline shows, in the order they can happen. */
const TIMELINE_ACTIONS = [
  'amendment.started',
  'amendment.submitted',
  'amendment.qualified',
  'amendment.expired',
  'amendment.carried_over',
  'amendment.needs_update',
  'amendment.updated',
  'amendment.admissible',
  'amendment.inadmissible',
  'amendment.merged',
  'amendment.recommended',
  'amendment.replaced',
  'amendment.compromise_accepted',
  'amendment.withdrawn',
] as const;
export type TimelineStep = (typeof TIMELINE_ACTIONS)[number] extends `amendment.${infer S}` ? S : never;

/** A step of an amendment's timeline, with what its vote and application add (the round, the counts, the version). */
export interface TimelineEntry {
  id: string;
  step: TimelineStep | 'in_vote' | 'adopted' | 'rejected' | 'applied';
  at: Date;
  by: string | null;
  reason: string | null;
  round?: { id: string; number: number; title: string };
  /** Adopted or rejected by a yes/no question: its counts; by a preferential one: its rank among the options. */
  counts?: { yes: number; no: number; abstain: number };
  ranked?: { rank: number; of: number; method: string };
  /** Applied: the first published version that includes it, or null while none does. */
  version?: number | null;
}

/** An event of the amendment's life, with the name of the member who acted. */
export interface TimelineEvent {
  id: bigint;
  action: string;
  createdAt: Date;
  reason: string | null;
  by: string | null;
}

/**
 * The events of an amendment's life, oldest first, each with its actor's name: one statement (an audit event has
 * no relation Prisma could join, so its names were a second read).
 */
export function timelineEvents(amendmentId: string): Promise<TimelineEvent[]> {
  return db().$queryRaw<TimelineEvent[]>`
    SELECT e.id, e.action, e."createdAt", e.reason, m."displayName" AS "by"
    FROM "AuditEvent" e LEFT JOIN "Member" m ON m.id = e."actorId"
    WHERE e."targetType" = 'Amendment' AND e."targetId" = ${amendmentId}
      AND e.action IN (${Prisma.join([...TIMELINE_ACTIONS])})
    ORDER BY e.id ASC`;
}

/** What the vote and the application steps are made of, read with the amendment. */
export interface VoteAndApplication {
  amendment: { id: string; status: string };
  round: {
    id: string;
    number: number;
    title: string;
    openedAt: Date | null;
    closedAt: Date | null;
    results: unknown;
    questions: { id: string; amendmentId: string | null; alternatives: unknown }[];
  } | null;
  application: { status: string; seq: number; appliedAt: Date | null } | null;
  /** The program's published versions, by number, with the last application each includes. */
  versions: { number: number; throughSeq: number }[];
}

/** The timeline of an amendment: its events, then its vote and application. */
export function amendmentTimeline(events: TimelineEvent[], later: VoteAndApplication): TimelineEntry[] {
  const steps: TimelineEntry[] = events.map((e) => ({
    id: String(e.id),
    step: e.action.slice('amendment.'.length) as TimelineStep,
    at: e.createdAt,
    by: e.by,
    reason: e.reason,
  }));
  return [...steps, ...voteAndApplication(later)];
}

/** The steps after admissibility: in the vote, adopted or rejected (with the counts), applied (and published in). */
function voteAndApplication({ amendment, round, application, versions }: VoteAndApplication): TimelineEntry[] {
  if (!round?.openedAt) return [];
  const ref = { id: round.id, number: round.number, title: round.title };
  const steps: TimelineEntry[] = [
    { id: `vote-${round.id}`, step: 'in_vote', at: round.openedAt, by: null, reason: null, round: ref },
  ];
  const decided = ['ADOPTED', 'APPLIED', 'REJECTED'].includes(amendment.status);
  if (!round.closedAt || !decided) return steps;
  const question = round.questions.find(
    (q) =>
      q.amendmentId === amendment.id ||
      ((q.alternatives as { id: string }[] | null) ?? []).some((a) => a.id === amendment.id),
  );
  const result = (round.results as RoundResults | null)?.questions.find((r) => r.id === question?.id);
  steps.push({
    id: `decision-${round.id}`,
    step: amendment.status === 'REJECTED' ? 'rejected' : 'adopted',
    at: round.closedAt,
    by: null,
    reason: null,
    round: ref,
    ...(result?.kind === 'YES_NO' ? { counts: { yes: result.yes, no: result.no, abstain: result.abstain } } : {}),
    ...(result?.kind === 'PREFERENTIAL' && result.ranking.includes(amendment.id)
      ? {
          ranked: {
            rank: result.ranking.indexOf(amendment.id) + 1,
            of: result.ranking.length,
            method: result.method,
          },
        }
      : {}),
  });
  if (application?.status === 'APPLIED' && application.appliedAt) {
    steps.push({
      id: `applied-${amendment.id}`,
      step: 'applied',
      at: application.appliedAt,
      by: null,
      reason: null,
      version: firstVersionWith(versions, application.seq),
    });
  }
  return steps;
}

/** The first published version that includes the application `seq`, or null while none does. */
export function firstVersionWith(versions: { number: number; throughSeq: number }[], seq: number): number | null {
  return versions.find((v) => v.throughSeq >= seq)?.number ?? null;
}
