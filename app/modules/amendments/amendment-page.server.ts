import type { Actor } from '~/policies/actor.ts';
import { canFollow } from '~/policies/follow.ts';
import { readerLinks } from '~/utils/links.ts';
import { debateOf, type DebatePageRequest } from '../debate/debate.server.ts';
import { groupsICoordinate } from '../groups/groups.server.ts';
import { programFrame } from '../programs/programs.server.ts';
import { docToMarkdown } from '../publication/markdown.ts';
import type { AttributedDoc } from '../publication/provenance.ts';
import { readAmendment } from './amendment-view.server.ts';
import { applicationConflict } from './application.server.ts';
import { docToPlainText } from '~/rich-text/document.ts';
import { mergeTargets } from './duplicates.server.ts';
import { committeeOnAmendment } from '../committee/committee.server.ts';
import { isAmong } from '~/modules/members/membership.server.ts';

/**
 * Everything an amendment's page shows, for one reader, in one call: the amendment (its text, diff, authors,
 * supports, timeline and what the reader may do with it, from the policies), its section's number, the
 * admissibility decision, the debate, the committee's recommendation, whether the reader follows it, and for
 * moderators the amendments it could be merged into (the most alike first) and the conflict to settle.
 *
 * Issue 19: a member's page runs at most 8 statements, the session's included. The amendment is one read
 * (amendment-view.server.ts) beside its timeline's events and the program's frame (read once per request, with
 * the layout's); the rest is computed from that read. Only what is rarely there costs more: the section's live
 * text for a standing amendment (its base may have moved), an amendment's live draft, the groups a reader
 * coordinates while it collects supports, an application's conflict.
 *
 * The debate comes a page of threads at a time (`debatePage`: a page number, or the comment to show): the
 * amendment's read brings every comment's place, and one statement beside the frame's brings the page's texts.
 *
 * Read-only texts point through /leave (readerLinks). The conflict form's Markdown keeps the addresses its
 * moderator edits, and only moderators get it.
 */
export async function amendmentPage(actor: Actor, slug: string, id: string, debatePage: DebatePageRequest = {}) {
  // The frame is read while the amendment is; the amendment's refusal, if any, is the one the reader gets.
  const framing = programFrame(actor, slug);
  framing.catch(() => {});
  const now = new Date();
  const { view, row, facts } = await readAmendment(actor, slug, id, now);
  const { abilities } = view;
  // Coordinators of validated groups endorse on their group's behalf when they could support it themselves.
  const endorsed = new Set(view.supports?.groups.map((g) => g.id) ?? []);
  const application = row.applications[0];
  const [outline, conflict, coordinated, debate] = await Promise.all([
    framing,
    row.status === 'ADOPTED' && application?.status === 'CONFLICT' ? applicationConflict(actor, row.id) : null,
    abilities.support ? groupsICoordinate(actor) : [],
    debateOf(actor, row.program, { ...facts, id: row.id }, row.comments, now, debatePage),
  ]);
  // The frame, not the outline: a visitor who may not read the draft reads an amendment a published version
  // includes; its section's number and address are then the latest version's.
  const number = outline.chapters.flatMap((c) => c.sections).find((s) => s.id === row.sectionId)?.number ?? '';
  const published = outline.abilities.readDraft ? null : outline.contents;
  const href = published?.sections.includes(row.sectionId)
    ? `/p/${slug}/v/${published.version}/sections/${row.sectionId}`
    : `/p/${slug}/sections/${row.sectionId}`;
  // The last admissibility decision, from its timeline (the moderation log's entry for it).
  const decided = view.timeline.filter((e) => e.step === 'admissible' || e.step === 'inadmissible').at(-1);
  return {
    ...readerLinks(view),
    section: { ...readerLinks(view.section), number, href },
    decision:
      row.status !== 'DRAFT' && decided
        ? {
            decision: decided.step === 'admissible' ? ('ADMISSIBLE' as const) : ('INADMISSIBLE' as const),
            at: decided.at,
            by: decided.by,
            reason: decided.reason,
          }
        : null,
    debate: readerLinks(debate),
    // The most alike first: the merge form preselects it.
    mergeTargets: abilities.merge
      ? mergeTargets(
          { ...row, texts: { base: docToPlainText(view.base), proposed: docToPlainText(view.proposed) } },
          row.program.amendments,
        )
      : [],
    conflict: conflict
      ? {
          ...readerLinks(conflict),
          proposedMarkdown: conflict.canResolve ? docToMarkdown(conflict.proposed as AttributedDoc) : '',
        }
      : null,
    endorseAs: coordinated.filter((g) => !endorsed.has(g.id)),
    /** The drafting committee's recommendation, and what the reader may do about it (ADR 0037). */
    committee: committeeOnAmendment(actor, row, row.section.amendments, {
      actorIsAuthor: facts.actorIsAuthor,
      actorOnCommittee: isAmong(row.program.committee),
    }),
    follow: actor && canFollow(actor, true) ? { target: `amendment:${row.id}`, following: isAmong(row.follows) } : null,
  };
}

export type AmendmentPage = Awaited<ReturnType<typeof amendmentPage>>;
