import { enforceRead, type Actor } from '~/policies/actor.ts';
import { amendmentAbilities, canReadAmendment } from '~/policies/amendment.ts';
import { db } from '~/utils/db.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { docToDiffText, type DocNode } from '~/rich-text/document.ts';
import type { RoundResults } from '../voting/types.ts';
import { competitors, STANDING } from './collisions.server.ts';
import { diffWords } from './diff.ts';
import { carryOverSection } from './rebase.server.ts';
import { expireOverdue, supportSummary } from './supports.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { amendmentSeed } from '~/modules/live-text/storage.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { amendmentWithFacts } from './amendments.server.ts';

/**
 * An amendment as its page shows it, and its timeline. The rest of its page (debate, committee, merge targets)
 * is added by amendment-page.server.ts.
 */

const EMPTY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * An amendment as its page shows it: what it changes, by whom, where it stands, and its proposed text (live
 * while drafted, frozen once submitted) with the word-level difference from its base.
 */
export async function getAmendment(actor: Actor, slug: string, id: string) {
  await expireOverdue(new Date(), id);
  let { amendment, facts } = await amendmentWithFacts(db(), actor, id);
  if (amendment.program.slug !== slug) throw new NotFoundError(`amendment ${id}`);
  enforceRead(canReadAmendment(actor, amendment.program, facts), actor, 'amendment.read');
  // Measured against the section's text as it is now (carried over, or marked for an update). While the program
  // is being drafted the text moves at every keystroke: amendments are measured again when drafting ends.
  if (STANDING.includes(amendment.status) && amendment.program.phase !== 'DRAFTING') {
    if ((await carryOverSection(amendment.sectionId)).changed) {
      ({ amendment, facts } = await amendmentWithFacts(db(), actor, id));
    }
  }
  // A new section is measured against nothing: all of its text is added, and the section it follows is untouched.
  const base = amendment.kind === 'ADD' ? EMPTY : readStoredDoc(amendment.baseText, 'amendment.baseText');
  // Everything else the page shows, read side by side (issue 19: these were read one after the other).
  const [section, proposed, competing, timeline, mergedInto, supports, round] = await Promise.all([
    db().section.findUniqueOrThrow({ where: { id: amendment.sectionId }, select: { id: true, title: true } }),
    amendment.kind === 'DELETE'
      ? { type: 'doc' as const, content: [] }
      : amendment.proposedText
        ? readStoredDoc(amendment.proposedText, 'amendment.proposedText')
        : readLiveText(liveDocumentName.amendment(amendment.id), amendmentSeed(amendment)),
    competitors(db(), amendment),
    amendmentTimeline(amendment),
    amendment.mergedIntoId
      ? db().amendment.findUnique({ where: { id: amendment.mergedIntoId }, select: { id: true, title: true } })
      : null,
    supportSummary(actor, amendment),
    amendment.roundId
      ? db().votingRound.findUnique({
          where: { id: amendment.roundId },
          select: { id: true, number: true, title: true, status: true },
        })
      : null,
  ]);
  const related = { competitors: competing, timeline, mergedInto, supports, round };
  return {
    amendment: {
      id: amendment.id,
      kind: amendment.kind,
      status: amendment.status,
      title: amendment.title,
      justification: amendment.justification,
      newTitle: amendment.newTitle,
      createdAt: amendment.createdAt,
      submittedAt: amendment.submittedAt,
      documentName: liveDocumentName.amendment(amendment.id),
      needsUpdate: amendment.needsUpdate,
      collisionGroup: amendment.collisionGroup,
    },
    section,
    authors: amendment.authors.map((a) => ({ id: a.memberId, name: a.member.displayName })),
    // Whom the authors invited is not shown, even to them: an address that matched no member would show
    // nothing, so the list would tell who is a member. Names appear once the invited member accepts.
    invitedMe: facts.actorIsInvited,
    base,
    proposed,
    diff: diffWords(docToDiffText(base), docToDiffText(proposed)),
    competitors: related.competitors,
    timeline: related.timeline,
    mergedInto: related.mergedInto,
    update: amendment.needsUpdate
      ? {
          current: readStoredDoc(amendment.rebaseTo, 'amendment.rebaseTo'),
          documentName: liveDocumentName.amendmentUpdate(amendment.id, amendment.revision + 1),
          currentDiff: diffWords(
            docToDiffText(base),
            docToDiffText(readStoredDoc(amendment.rebaseTo, 'amendment.rebaseTo')),
          ),
        }
      : null,
    supports: related.supports,
    round: related.round,
    abilities: amendmentAbilities(
      actor,
      amendment.program,
      {
        ...facts,
        supportDeadline: amendment.supportDeadline,
        needsUpdate: amendment.needsUpdate,
        authors: amendment.authors.length,
      },
      new Date(),
    ),
  };
}
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

/**
 * An amendment's status timeline, oldest first: each step of its life, when, and by whom when a person acted;
 * then its vote (when its round opened), the decision (when it closed, with the counts) and its application (when
 * it was written into the live text, and the first published version that includes it). Those last steps are read
 * from the round and the application themselves, which no audit event per amendment records.
 */
async function amendmentTimeline(amendment: { id: string; programId: string; roundId: string | null; status: string }) {
  const [events, later] = await Promise.all([
    db().auditEvent.findMany({
      where: { targetType: 'Amendment', targetId: amendment.id, action: { in: [...TIMELINE_ACTIONS] } },
      orderBy: { id: 'asc' },
      select: { id: true, action: true, createdAt: true, actorId: true, reason: true },
    }),
    voteAndApplication(amendment),
  ]);
  const names = new Map(
    (
      await db().member.findMany({
        where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => x !== null) } },
        select: { id: true, displayName: true },
      })
    ).map((m) => [m.id, m.displayName]),
  );
  const steps: TimelineEntry[] = events.map((e) => ({
    id: String(e.id),
    step: e.action.slice('amendment.'.length) as TimelineStep,
    at: e.createdAt,
    by: e.actorId ? (names.get(e.actorId) ?? null) : null,
    reason: e.reason,
  }));
  return [...steps, ...later];
}

/** The steps after admissibility: in the vote, adopted or rejected (with the counts), applied (and published in). */
async function voteAndApplication(amendment: {
  id: string;
  programId: string;
  roundId: string | null;
  status: string;
}): Promise<TimelineEntry[]> {
  if (!amendment.roundId) return [];
  const [round, application] = await Promise.all([
    db().votingRound.findUnique({
      where: { id: amendment.roundId },
      select: {
        id: true,
        number: true,
        title: true,
        method: true,
        openedAt: true,
        closedAt: true,
        results: true,
        questions: { select: { id: true, kind: true, amendmentId: true, alternatives: true } },
      },
    }),
    db().amendmentApplication.findUnique({
      where: { amendmentId: amendment.id },
      select: { status: true, seq: true, appliedAt: true },
    }),
  ]);
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
    const version = await db().programVersion.findFirst({
      where: { programId: amendment.programId, throughSeq: { gte: application.seq } },
      orderBy: { number: 'asc' },
      select: { number: true },
    });
    steps.push({
      id: `applied-${amendment.id}`,
      step: 'applied',
      at: application.appliedAt,
      by: null,
      reason: null,
      version: version?.number ?? null,
    });
  }
  return steps;
}
