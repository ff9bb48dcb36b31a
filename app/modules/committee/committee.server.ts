import type { AmendmentStatus, Phase, RecommendationKind } from '~/generated/prisma/enums.ts';
import type { MessageKey } from '~/i18n/index.ts';
import { enforce, enforceRead, type Actor } from '~/policies/actor.ts';
import { canAcceptCompromise, canManageCommittee, canRecommend } from '~/policies/committee.ts';
import { canReadDraft } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { notifyAuthors } from '../notifications/notifications.server.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { startCompromise, withdrawCompromise } from './compromise.server.ts';
import { isAmong, rowsOf } from '~/modules/members/membership.server.ts';

/**
 * The drafting committee (issue 21, docs/decisions/0037-committee-and-scheduled-phases.md): members named by
 * moderators, who record a recommendation on each amendment (adopt, reject, adopt a compromise) with a public
 * reason. "Adopt modified" starts the committee's compromise (compromise.server.ts). The ballot, the results and
 * the amendment's page show the recommendation beside the question.
 */

/** A refusal the moderator or the committee can act on; `key` is the message, translated. */
export class CommitteeError extends DomainError {
  constructor(key: MessageKey, field?: string) {
    super('conflict', key, { field });
  }
}

/** Whether a member sits on a program's drafting committee. */
export async function onCommittee(tx: Tx, programId: string, memberId: string | undefined): Promise<boolean> {
  if (!memberId) return false;
  const program = await tx.program.findUnique({ where: { id: programId }, select: { committee: rowsOf(memberId) } });
  return isAmong(program?.committee ?? []);
}

async function programBySlug(tx: Tx, actor: Actor, slug: string) {
  const program = await tx.program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(tx, actor, program);
  return program;
}

/** The committee's page: its members (public, as the committee speaks in public) and what the reader may do. */
export async function committeePage(actor: Actor, slug: string) {
  const program = await programBySlug(db(), actor, slug);
  enforceRead(canReadDraft(actor, program), actor, 'program.read_draft');
  const rows = await db().committeeMember.findMany({
    where: { programId: program.id, member: { deletedAt: null } },
    select: { addedAt: true, member: { select: { id: true, displayName: true } } },
  });
  return {
    program: { slug: program.slug, title: program.title },
    members: rows
      .map((r) => ({ id: r.member.id, name: r.member.displayName, addedAt: r.addedAt }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    canManage: canManageCommittee(actor, program),
  };
}

/** Names a member, found by email address, to the committee (moderators). Naming someone twice changes nothing. */
export async function addCommitteeMember(props: { actor: Actor; slug: string; email: string }) {
  await db().$transaction(async (tx) => {
    const program = await programBySlug(tx, props.actor, props.slug);
    enforce(canManageCommittee(props.actor, program), props.actor, 'committee.manage');
    const member = await tx.member.findUnique({ where: { email: props.email.toLowerCase() } });
    if (!member || member.deletedAt) throw new CommitteeError('drafters.errors.noSuchMember', 'email');
    if (await onCommittee(tx, program.id, member.id)) return;
    await tx.committeeMember.create({ data: { programId: program.id, memberId: member.id } });
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'committee.member_added',
      targetType: 'Program',
      targetId: program.id,
      data: { memberId: member.id },
    });
  });
}

/** Removes a member from the committee (moderators). */
export async function removeCommitteeMember(props: { actor: Actor; slug: string; memberId: string }) {
  await db().$transaction(async (tx) => {
    const program = await programBySlug(tx, props.actor, props.slug);
    enforce(canManageCommittee(props.actor, program), props.actor, 'committee.manage');
    const { count } = await tx.committeeMember.deleteMany({
      where: { programId: program.id, memberId: props.memberId },
    });
    if (!count) return;
    await recordAudit(tx, {
      actorId: props.actor.id,
      action: 'committee.member_removed',
      targetType: 'Program',
      targetId: program.id,
      data: { memberId: props.memberId },
    });
  });
}

/** Input of `recommend`. */
export interface RecommendProps {
  actor: Actor;
  /** The amendment the committee takes a position on. */
  amendmentId: string;
  kind: RecommendationKind;
  /** The public reason, shown with the recommendation wherever it appears. */
  reason: string;
}

/**
 * Records the committee's recommendation on a standing amendment (its members only); a new one replaces the last,
 * and each is audited. "Adopt modified" starts the committee's compromise (a live draft of its own, the original's
 * text to start from), or keeps the one already started; another recommendation withdraws a compromise the
 * committee no longer proposes. The authors are notified. Returns the compromise's id, for "adopt modified".
 */
export async function recommend(props: RecommendProps): Promise<{ compromiseId: string | null }> {
  const { actor } = props;
  const amendment = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Amendment" WHERE id = ${props.amendmentId} FOR UPDATE`;
    const amendment = await tx.amendment.findUnique({
      where: { id: props.amendmentId },
      include: { program: true },
    });
    if (!amendment || !amendment.submittedAt) throw new NotFoundError(`amendment ${props.amendmentId}`);
    await hideUnknownProgram(tx, actor, amendment.program);
    const facts = {
      phase: amendment.program.phase,
      actorOnCommittee: await onCommittee(tx, amendment.programId, actor?.id),
    };
    enforce(
      canRecommend(actor, facts, { status: amendment.status, isCompromise: amendment.compromiseOfId !== null }),
      actor,
      'committee.recommend',
    );
    const previous = await tx.recommendation.findUnique({ where: { amendmentId: amendment.id } });
    // The same recommendation again (a second click, a retried form) records nothing new.
    if (previous?.kind === props.kind && previous.reason === props.reason) return amendment;
    await tx.recommendation.upsert({
      where: { amendmentId: amendment.id },
      create: {
        amendmentId: amendment.id,
        programId: amendment.programId,
        kind: props.kind,
        reason: props.reason,
        recordedById: actor.id,
      },
      update: { kind: props.kind, reason: props.reason, recordedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'amendment.recommended',
      targetType: 'Amendment',
      targetId: amendment.id,
      reason: props.reason,
      data: { kind: props.kind, ...(previous ? { before: previous.kind } : {}) },
    });
    await notifyAuthors(tx, amendment.id, 'RECOMMENDED', { recommendation: props.kind, reason: props.reason });
    if (props.kind !== 'ADOPT_MODIFIED') await withdrawCompromise(tx, actor, amendment.id);
    return amendment;
  });
  if (props.kind !== 'ADOPT_MODIFIED') return { compromiseId: null };
  return { compromiseId: await startCompromise(actor, amendment) };
}

/** What a page shows of the committee's position on an amendment (null: none recorded). */
export interface RecommendationView {
  kind: RecommendationKind;
  reason: string;
  at: Date;
  /** For a compromise: the amendment it would replace (then `kind` is the one recorded on that amendment). */
  compromiseOf: { id: string; title: string } | null;
  /** For "adopt modified": the committee's compromise, once started. */
  compromise: { id: string; title: string; status: AmendmentStatus } | null;
}

/**
 * The committee's recommendations on these amendments, by amendment id: for a compromise, the recommendation of
 * the amendment it would replace. Drafts of compromises are shown to nobody but their authors, so a compromise not
 * yet submitted is left out of `compromise`. One query each, whatever the number of amendments (ballot, results).
 */
export async function recommendationsFor(tx: Tx, amendmentIds: string[]): Promise<Map<string, RecommendationView>> {
  if (!amendmentIds.length) return new Map();
  const compromises = await tx.amendment.findMany({
    where: {
      OR: [{ id: { in: amendmentIds }, compromiseOfId: { not: null } }, { compromiseOfId: { in: amendmentIds } }],
      status: { notIn: ['DRAFT', 'WITHDRAWN'] },
    },
    select: { id: true, title: true, status: true, compromiseOfId: true },
  });
  const originals = [...new Set([...amendmentIds, ...compromises.map((c) => c.compromiseOfId!)])];
  const rows = await tx.recommendation.findMany({
    where: { amendmentId: { in: originals } },
    include: { amendment: { select: { title: true } } },
  });
  const byOriginal = new Map(rows.map((r) => [r.amendmentId, r]));
  const out = new Map<string, RecommendationView>();
  for (const id of amendmentIds) {
    const asCompromise = compromises.find((c) => c.id === id);
    const original = byOriginal.get(asCompromise ? asCompromise.compromiseOfId! : id);
    if (!original) continue;
    const compromise = asCompromise ? null : (compromises.find((c) => c.compromiseOfId === id) ?? null);
    out.set(id, {
      kind: original.kind,
      reason: original.reason,
      at: original.updatedAt,
      compromiseOf: asCompromise ? { id: original.amendmentId, title: original.amendment.title } : null,
      compromise:
        original.kind === 'ADOPT_MODIFIED' && compromise
          ? { id: compromise.id, title: compromise.title, status: compromise.status }
          : null,
    });
  }
  return out;
}

/** An amendment of the section, as the committee's part of the page needs it (read with the amendment). */
interface Sibling {
  id: string;
  title: string;
  status: AmendmentStatus;
  compromiseOfId: string | null;
  recommendation: { kind: RecommendationKind; reason: string; updatedAt: Date } | null;
}

/** A compromise that anyone but its authors sees: neither a draft nor withdrawn (as recommendationsFor). */
const shown = (status: AmendmentStatus) => status !== 'DRAFT' && status !== 'WITHDRAWN';

/**
 * The committee's part of an amendment's page, from what the page read (no query of its own): its recommendation
 * (for a compromise, the one recorded on the amendment it would replace), whether it is the committee's
 * compromise, and what the reader may do (record a recommendation, as a committee member; accept the compromise,
 * as an author of the original). `siblings` are its section's amendments (a compromise keeps to its original's
 * section), itself included; `facts` what the page knows of the reader.
 */
export function committeeOnAmendment(
  actor: Actor,
  amendment: Sibling & { program: { phase: Phase } },
  siblings: Sibling[],
  facts: { actorIsAuthor: boolean; actorOnCommittee: boolean },
) {
  const isCompromise = amendment.compromiseOfId !== null;
  /** For a compromise, the amendment it would replace (its section's, like itself). */
  const replaces = isCompromise ? siblings.find((s) => s.id === amendment.compromiseOfId) : undefined;
  const asCompromise = isCompromise && shown(amendment.status);
  const original = asCompromise ? replaces : amendment;
  const recorded = original?.recommendation ?? null;
  const compromise = asCompromise
    ? null
    : (siblings.find((s) => s.compromiseOfId === amendment.id && shown(s.status)) ?? null);
  const recommendation: RecommendationView | null =
    recorded && original
      ? {
          kind: recorded.kind,
          reason: recorded.reason,
          at: recorded.updatedAt,
          compromiseOf: asCompromise ? { id: original.id, title: original.title } : null,
          compromise:
            recorded.kind === 'ADOPT_MODIFIED' && compromise
              ? { id: compromise.id, title: compromise.title, status: compromise.status }
              : null,
        }
      : null;
  // Committee members see the compromise while they draft it: the link to their draft.
  const draft =
    facts.actorOnCommittee &&
    recommendation?.kind === 'ADOPT_MODIFIED' &&
    !recommendation.compromise &&
    !amendment.compromiseOfId
      ? (siblings
          .filter((s) => s.compromiseOfId === amendment.id && s.status === 'DRAFT')
          .map((s) => ({ id: s.id, title: s.title, status: s.status }))[0] ?? null)
      : null;
  return {
    /** For a compromise: the amendment it would replace, which its page links to while it is drafted. */
    compromiseOf: replaces ? { id: replaces.id, title: replaces.title } : null,
    recommendation: recommendation ? { ...recommendation, compromise: recommendation.compromise ?? draft } : null,
    isCompromise,
    canRecommend: canRecommend(
      actor,
      { phase: amendment.program.phase, actorOnCommittee: facts.actorOnCommittee },
      { status: amendment.status, isCompromise },
    ),
    canAccept: canAcceptCompromise(
      actor,
      { status: amendment.status, actorIsAuthor: facts.actorIsAuthor },
      recommendation?.compromise ?? null,
    ),
  };
}
