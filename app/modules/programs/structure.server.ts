import type { Locale, MessageKey } from '~/i18n/index.ts';
import { enforce, type Actor } from '~/policies/actor.ts';
import { canShapeProgram } from '~/policies/program.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { maybeLiveDocuments } from '~/utils/live-documents.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { parseDoc, type DocNode } from '~/rich-text/document.ts';
import { loadProgramFacts } from './programs.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/**
 * The shape of a program: chapters and sections created, renamed, reordered and removed. Ids never change, so
 * links, live documents and (later) amendments survive a reordering; numbers such as "3.2" follow from the order.
 * Each change takes the program's row lock, so two people reordering at once cannot interleave. (A moderator's
 * lock on a section's text: section-locks.server.ts; the structure page: structure-page.server.ts.)
 */

/** A change the structure refuses for a reason the person can act on; `key` is the message, translated. */
export class StructureError extends DomainError {
  constructor(key: MessageKey) {
    super('conflict', key);
  }
}

/** Positions are spaced out, so that most insertions rewrite no other row. */
const STEP = 1000;
const EMPTY_TEXT: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Locks the program and checks that the actor may shape it; returns its id. */
async function lockForShaping(tx: Tx, actor: Actor, where: { id: string } | { slug: string }) {
  const program = await loadProgramFacts(tx, actor, where);
  enforce(canShapeProgram(actor, program), actor, 'program.shape');
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${program.id} FOR UPDATE`;
  return program.id;
}

async function chapterOf(tx: Tx, chapterId: string) {
  const chapter = await tx.chapter.findUnique({ where: { id: chapterId } });
  if (!chapter) throw new NotFoundError(`chapter ${chapterId}`);
  return chapter;
}

/** A section with its chapter, or a 404. */
export async function sectionOf(tx: Tx, sectionId: string) {
  const section = await tx.section.findUnique({ where: { id: sectionId }, include: { chapter: true } });
  if (!section) throw new NotFoundError(`section ${sectionId}`);
  return section;
}

/** Rewrites positions of `ids` in this order (chapters or sections). */
async function renumber(tx: Tx, kind: 'chapter' | 'section', ids: string[], extra: { chapterId?: string } = {}) {
  for (const [i, id] of ids.entries()) {
    if (kind === 'chapter') await tx.chapter.update({ where: { id }, data: { position: (i + 1) * STEP } });
    else await tx.section.update({ where: { id }, data: { ...extra, position: (i + 1) * STEP } });
  }
}

function clampIndex(index: number, length: number) {
  return Math.max(0, Math.min(Number.isFinite(index) ? Math.trunc(index) : length, length));
}

/** Adds a chapter at `index` (0-based; at the end by default). Returns its id. */
export async function createChapter(props: { actor: Actor; slug: string; title: string; index?: number }) {
  return db().$transaction(async (tx) => {
    const programId = await lockForShaping(tx, props.actor, { slug: props.slug });
    const chapters = await tx.chapter.findMany({ where: { programId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
    const id = newId();
    await tx.chapter.create({ data: { id, programId, title: props.title, position: (chapters.length + 1) * STEP } });
    const index = clampIndex(props.index ?? chapters.length, chapters.length);
    if (index < chapters.length) {
      const ids = chapters.map((c) => c.id);
      ids.splice(index, 0, id);
      await renumber(tx, 'chapter', ids);
    }
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'chapter.created',
      targetType: 'Chapter',
      targetId: id,
      data: { programId, title: props.title, index },
    });
    return id;
  });
}

/** Renames a chapter. */
export async function renameChapter(props: { actor: Actor; chapterId: string; title: string }) {
  await db().$transaction(async (tx) => {
    const chapter = await chapterOf(tx, props.chapterId);
    await lockForShaping(tx, props.actor, { id: chapter.programId });
    if (chapter.title === props.title) return;
    await tx.chapter.update({ where: { id: chapter.id }, data: { title: props.title } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'chapter.renamed',
      targetType: 'Chapter',
      targetId: chapter.id,
      data: { from: chapter.title, to: props.title },
    });
  });
}

/** Moves a chapter to `index` (0-based) in its program. Its sections go with it. */
export async function moveChapter(props: { actor: Actor; chapterId: string; index: number }) {
  await db().$transaction(async (tx) => {
    const chapter = await chapterOf(tx, props.chapterId);
    await lockForShaping(tx, props.actor, { id: chapter.programId });
    const others = (
      await tx.chapter.findMany({
        where: { programId: chapter.programId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      })
    ).filter((c) => c.id !== chapter.id);
    const index = clampIndex(props.index, others.length);
    const ids = others.map((c) => c.id);
    ids.splice(index, 0, chapter.id);
    await renumber(tx, 'chapter', ids);
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'chapter.moved',
      targetType: 'Chapter',
      targetId: chapter.id,
      data: { index },
    });
  });
}

/** Removes an empty chapter. A chapter with sections is refused: move or remove them first, knowingly. */
export async function removeChapter(props: { actor: Actor; chapterId: string }) {
  await db().$transaction(async (tx) => {
    const chapter = await chapterOf(tx, props.chapterId);
    await lockForShaping(tx, props.actor, { id: chapter.programId });
    if ((await tx.section.count({ where: { chapterId: chapter.id } })) > 0) {
      throw new StructureError('structure.errors.chapterNotEmpty');
    }
    await tx.chapter.delete({ where: { id: chapter.id } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'chapter.removed',
      targetType: 'Chapter',
      targetId: chapter.id,
      data: { programId: chapter.programId, title: chapter.title },
    });
  });
}

/** Adds a section with an empty text to a chapter, at `index` (0-based; at the end by default). Returns its id. */
export async function createSection(props: { actor: Actor; chapterId: string; title: string; index?: number }) {
  return db().$transaction(async (tx) => {
    const chapter = await chapterOf(tx, props.chapterId);
    await lockForShaping(tx, props.actor, { id: chapter.programId });
    // Archived sections (removed by an adopted amendment) keep their rows but no longer take a place.
    const sections = await tx.section.findMany({
      where: { chapterId: chapter.id, archivedAt: null },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    const id = newId();
    await tx.section.create({
      data: {
        id,
        chapterId: chapter.id,
        title: props.title,
        position: (sections.length + 1) * STEP,
        content: EMPTY_TEXT,
      },
    });
    const index = clampIndex(props.index ?? sections.length, sections.length);
    if (index < sections.length) {
      const ids = sections.map((s) => s.id);
      ids.splice(index, 0, id);
      await renumber(tx, 'section', ids);
    }
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.created',
      targetType: 'Section',
      targetId: id,
      data: { chapterId: chapter.id, title: props.title, index },
    });
    return id;
  });
}

/** Renames a section (its text is the live document's business, not this). */
export async function renameSection(props: { actor: Actor; sectionId: string; title: string }) {
  await db().$transaction(async (tx) => {
    const section = await sectionOf(tx, props.sectionId);
    await lockForShaping(tx, props.actor, { id: section.chapter.programId });
    if (section.title === props.title) return;
    await tx.section.update({ where: { id: section.id }, data: { title: props.title } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.renamed',
      targetType: 'Section',
      targetId: section.id,
      data: { from: section.title, to: props.title },
    });
  });
}

/**
 * Moves a section to `index` (0-based) among the sections of `chapterId` (its own chapter or another one of
 * the same program). Its id stays; numbers follow from the new order.
 */
export async function moveSection(props: { actor: Actor; sectionId: string; chapterId: string; index: number }) {
  await db().$transaction(async (tx) => {
    const section = await sectionOf(tx, props.sectionId);
    await lockForShaping(tx, props.actor, { id: section.chapter.programId });
    const target = await tx.chapter.findUnique({ where: { id: props.chapterId } });
    if (!target || target.programId !== section.chapter.programId)
      throw new NotFoundError(`chapter ${props.chapterId}`);
    const siblings = (
      await tx.section.findMany({
        where: { chapterId: target.id, archivedAt: null },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      })
    ).filter((s) => s.id !== section.id);
    const index = clampIndex(props.index, siblings.length);
    const ids = siblings.map((s) => s.id);
    ids.splice(index, 0, section.id);
    await renumber(tx, 'section', ids, { chapterId: target.id });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.moved',
      targetType: 'Section',
      targetId: section.id,
      data: { fromChapter: section.chapterId, toChapter: target.id, index },
    });
  });
}

/**
 * Removes a section and its live document. Its title and its text at that moment are kept in the audit trail
 * (the record of what was removed, and a way back). Editors who have it open are disconnected at once in this
 * process, and within seconds in the others (their rights check finds no section).
 */
export async function removeSection(props: { actor: Actor; sectionId: string }) {
  const name = liveDocumentName.section(props.sectionId);
  const seed = await db().section.findUnique({ where: { id: props.sectionId }, select: { content: true } });
  // Read before the transaction: the embedded database has one connection, which the transaction holds.
  const text = seed ? await readLiveText(name, seed.content) : null;
  await db().$transaction(async (tx) => {
    const section = await sectionOf(tx, props.sectionId);
    await lockForShaping(tx, props.actor, { id: section.chapter.programId });
    // Amendments hang on the section: removing it would take their debate and history with it.
    if ((await tx.amendment.count({ where: { sectionId: section.id, status: { not: 'WITHDRAWN' } } })) > 0) {
      throw new StructureError('structure.errors.sectionHasAmendments');
    }
    await tx.section.delete({ where: { id: section.id } });
    await deleteLiveDocumentRows(tx, name);
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.removed',
      targetType: 'Section',
      targetId: section.id,
      data: { chapterId: section.chapterId, title: section.title, text },
    });
  });
  await maybeLiveDocuments()?.discardDocument(name);
  // Anything an editor's last keystrokes stored between the removal and the disconnection goes too.
  await db().$transaction((tx) => deleteLiveDocumentRows(tx, name));
}

async function deleteLiveDocumentRows(tx: Tx, name: string) {
  await tx.collabUpdate.deleteMany({ where: { docName: name } });
  await tx.collabDocument.deleteMany({ where: { name } });
}

/** Chapters and sections to add at once (from an imported file). */
export interface OutlineToAdd {
  chapters: { title: string; sections: { title: string; content: DocNode }[] }[];
}

/** Appends whole chapters with their sections' text (an import), in one transaction. Returns the new chapter ids. */
export async function appendOutline(props: {
  actor: Actor;
  slug: string;
  outline: OutlineToAdd;
  /**
   * The language the file's text is written in (ADR 0038). A first import (into a program with no chapter yet)
   * gives it to the program; text added to a program that has some must be in the program's language.
   */
  language?: Locale;
}) {
  return db().$transaction(async (tx) => {
    const programId = await lockForShaping(tx, props.actor, { slug: props.slug });
    const last = await tx.chapter.findFirst({ where: { programId }, orderBy: { position: 'desc' } });
    const { language } = await tx.program.findUniqueOrThrow({ where: { id: programId }, select: { language: true } });
    const languageChange =
      props.language && props.language !== language ? { from: language, to: props.language } : null;
    if (languageChange && last) throw new StructureError('import.errors.languageOfProgram');
    if (languageChange) await tx.program.update({ where: { id: programId }, data: { language: languageChange.to } });
    let position = (last?.position ?? 0) + STEP;
    const ids: string[] = [];
    let sectionCount = 0;
    for (const chapter of props.outline.chapters) {
      const chapterId = newId();
      ids.push(chapterId);
      await tx.chapter.create({ data: { id: chapterId, programId, position, title: chapter.title } });
      position += STEP;
      await tx.section.createMany({
        data: chapter.sections.map((s, i) => ({
          id: newId(),
          chapterId,
          position: (i + 1) * STEP,
          title: s.title,
          content: parseDoc(s.content),
        })),
      });
      sectionCount += chapter.sections.length;
    }
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'program.imported',
      targetType: 'Program',
      targetId: programId,
      data: { chapters: ids, sections: sectionCount, ...(languageChange ? { language: languageChange } : {}) },
    });
    return ids;
  });
}
