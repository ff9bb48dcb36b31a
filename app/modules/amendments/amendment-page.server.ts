import type { Actor } from '~/policies/actor.ts';
import { readerLinks } from '~/utils/links.ts';
import { listComments } from '../debate/comments.server.ts';
import { groupsICoordinate } from '../groups/groups.server.ts';
import { programFrame } from '../programs/programs.server.ts';
import { docToMarkdown } from '../publication/markdown.ts';
import type { AttributedDoc } from '../publication/provenance.ts';
import { getAmendment } from './amendment-view.server.ts';
import { applicationConflict } from './application.server.ts';
import { docToPlainText } from '~/rich-text/document.ts';
import { mergeTargets } from './duplicates.server.ts';
import { moderationLog } from './moderation.server.ts';
import { committeeOnAmendment } from '../committee/committee.server.ts';

/**
 * Everything an amendment's page shows, for one reader, in one call: the amendment (its text, diff, authors,
 * supports, timeline and what the reader may do with it, from the policies), its section's number, the
 * admissibility decision, the debate, and for moderators the amendments it could be merged into (the most alike
 * first) and the
 * conflict to settle. The amendment decides whether the reader may see anything; the rest is read beside it.
 *
 * Read-only texts point through /leave (readerLinks). The conflict form's Markdown keeps the addresses its
 * moderator edits, and only moderators get it.
 */
export async function amendmentPage(actor: Actor, slug: string, id: string) {
  // The frame is read while the amendment is (issue 19: it waited for it); the amendment's refusal, if any, is
  // the one the reader gets, as before.
  const framing = programFrame(actor, slug);
  framing.catch(() => {});
  const found = await getAmendment(actor, slug, id);
  const { amendment, abilities } = found;
  // Coordinators of validated groups endorse on their group's behalf when they could support it themselves.
  const endorsed = new Set(found.supports?.groups.map((g) => g.id) ?? []);
  // The frame, not the outline: a visitor who may not read the draft reads an amendment a published version
  // includes; its section's number and address are then the latest version's.
  const [outline, log, debate, siblings, conflict, coordinated, committee] = await Promise.all([
    framing,
    amendment.status === 'DRAFT' ? [] : moderationLog(actor, slug, amendment.id),
    listComments(actor, amendment.id),
    abilities.merge
      ? mergeTargets({
          ...amendment,
          sectionId: found.section.id,
          texts: { base: docToPlainText(found.base), proposed: docToPlainText(found.proposed) },
        })
      : [],
    amendment.status === 'ADOPTED' ? applicationConflict(actor, amendment.id) : null,
    abilities.support ? groupsICoordinate(actor) : [],
    committeeOnAmendment(
      actor,
      amendment.id,
      found.authors.some((a) => a.id === actor?.id),
    ),
  ]);
  const number = outline.chapters.flatMap((c) => c.sections).find((s) => s.id === found.section.id)?.number ?? '';
  const published = outline.abilities.readDraft ? null : outline.contents;
  const href = published?.sections.includes(found.section.id)
    ? `/p/${slug}/v/${published.version}/sections/${found.section.id}`
    : `/p/${slug}/sections/${found.section.id}`;
  return {
    ...readerLinks(found),
    section: { ...readerLinks(found.section), number, href },
    decision: log.find((e) => e.decision === 'ADMISSIBLE' || e.decision === 'INADMISSIBLE') ?? null,
    debate: readerLinks(debate),
    // The most alike first: the merge form preselects it.
    mergeTargets: siblings,
    conflict: conflict
      ? {
          ...readerLinks(conflict),
          proposedMarkdown: conflict.canResolve ? docToMarkdown(conflict.proposed as AttributedDoc) : '',
        }
      : null,
    endorseAs: coordinated.filter((g) => !endorsed.has(g.id)),
    /** The drafting committee's recommendation, and what the reader may do about it (ADR 0037). */
    committee,
  };
}

export type AmendmentPage = Awaited<ReturnType<typeof amendmentPage>>;
