import { enforce, type Actor } from '~/policies/actor.ts';
import { canEditSection, canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { readLiveText, readLiveTextChecked } from '~/modules/live-text/live-text.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { getProgramOutline } from './programs.server.ts';

// A program's text as its readers see it: one chapter, one section (with its place and the reader's rights).

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
