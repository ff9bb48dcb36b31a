import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { getSection } from '../../app/modules/programs/program-text.server.ts';
import {
  appendOutline,
  createChapter,
  createSection,
  moveChapter,
  removeChapter,
  removeSection,
  renameChapter,
  renameSection,
  StructureError,
} from '../../app/modules/programs/structure.server.ts';
import { lockSection, unlockSection } from '../../app/modules/programs/section-locks.server.ts';
import { sectionAccess } from '../../app/modules/programs/programs.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

const titles = async (slug: string) =>
  (await getProgramOutline(null, slug)).chapters.map((c) => [
    `${c.number}. ${c.title}`,
    ...c.sections.map((s) => `${s.number} ${s.title}`),
  ]);

describe('shaping a program', () => {
  it('creates, renames and reorders chapters and sections, numbering them from their order', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [1, 1] });
    const first = await createChapter({ actor: moderator, slug, title: 'Preamble', index: 0 });
    await createChapter({ actor: moderator, slug, title: 'Annexes' });
    const added = await createSection({ actor: moderator, chapterId: first, title: 'Why this program' });
    await renameSection({ actor: moderator, sectionId: added, title: 'Why we write it' });
    await renameChapter({ actor: moderator, chapterId: first, title: 'Preface' });
    expect(await titles(slug)).toEqual([
      ['1. Preface', '1.1 Why we write it'],
      ['2. Chapter 1', '2.1 Section 1-1'],
      ['3. Chapter 2', '3.1 Section 2-1'],
      ['4. Annexes'],
    ]);
    await moveChapter({ actor: moderator, chapterId: first, index: 2 });
    const after = await getProgramOutline(null, slug);
    expect(after.chapters.map((c) => c.title)).toEqual(['Chapter 1', 'Chapter 2', 'Preface', 'Annexes']);
    expect(after.chapters[2]!.sections[0]).toMatchObject({ id: added, number: '3.1' });
    const actions = await db().auditEvent.findMany({
      where: { actorId: moderator.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'chapter.created',
      'chapter.created',
      'section.created',
      'section.renamed',
      'chapter.renamed',
      'chapter.moved',
    ]);
  });

  it('gives a new section an empty text that the editor can open', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [1] });
    const chapterId = (await getProgramOutline(null, slug)).chapters[0]!.id;
    const id = await createSection({ actor: moderator, chapterId, title: 'New measure', index: 0 });
    const row = await db().section.findUniqueOrThrow({ where: { id } });
    expect(row.content).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect((await titles(slug))[0]).toEqual(['1. Chapter 1', '1.1 New measure', '1.2 Section 1-1']);
  });

  it('refuses to remove a chapter that still has sections, and removes an empty one', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [1, 0] });
    const [full, empty] = (await getProgramOutline(null, slug)).chapters;
    await expect(removeChapter({ actor: moderator, chapterId: full!.id })).rejects.toMatchObject({
      key: 'structure.errors.chapterNotEmpty',
    });
    await expect(removeChapter({ actor: moderator, chapterId: full!.id })).rejects.toBeInstanceOf(StructureError);
    await removeChapter({ actor: moderator, chapterId: empty!.id });
    expect(await titles(slug)).toEqual([['1. Chapter 1', '1.1 Section 1-1']]);
  });

  it('removes a section with its live document, keeping its title and text in the audit trail', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [2] });
    const [gone, kept] = (await getProgramOutline(null, slug)).chapters[0]!.sections;
    const name = `section:${gone!.id}`;
    // The section has been edited live: a snapshot and one update after it.
    await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc('Edited text.'))) } });
    await db().collabUpdate.create({
      data: { docName: name, data: Buffer.from(encodeDocAsUpdate(doc('Edited text.'))) },
    });
    await removeSection({ actor: moderator, sectionId: gone!.id });
    expect(await titles(slug)).toEqual([['1. Chapter 1', `1.1 ${kept!.title}`]]);
    expect(await db().collabDocument.count({ where: { name } })).toBe(0);
    expect(await db().collabUpdate.count({ where: { docName: name } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'section.removed', targetId: gone!.id } });
    expect(event.data).toMatchObject({ title: 'Section 1-1' });
    expect(JSON.stringify(event.data)).toContain('Edited text.');
  });

  it('appends imported chapters after the existing ones, in one go', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [1] });
    await appendOutline({
      actor: moderator,
      slug,
      outline: {
        chapters: [
          { title: 'Ecology', sections: [{ title: 'Water', content: doc('Water is a common good.') }] },
          { title: 'Work', sections: [] },
        ],
      },
    });
    expect(await titles(slug)).toEqual([['1. Chapter 1', '1.1 Section 1-1'], ['2. Ecology', '2.1 Water'], ['3. Work']]);
    expect(await db().auditEvent.count({ where: { action: 'program.imported' } })).toBe(1);
  });

  it('gives a first import’s language to the program, and refuses another language once it has text', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { id, slug } = await createTestProgram({ shape: [] });
    await db().program.update({ where: { id }, data: { language: 'fr' } });
    const outline = {
      chapters: [{ title: 'Housing', sections: [{ title: 'Rents', content: doc('Rents are capped.') }] }],
    };
    await appendOutline({ actor: moderator, slug, outline, language: 'en' });
    expect((await db().program.findUniqueOrThrow({ where: { id } })).language).toBe('en');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'program.imported', targetId: id } });
    expect(event.data).toMatchObject({ language: { from: 'fr', to: 'en' } });

    // Now the program has English text: a Spanish file would be marked English; it is refused, nothing added.
    await expect(appendOutline({ actor: moderator, slug, outline, language: 'es' })).rejects.toMatchObject({
      key: 'import.errors.languageOfProgram',
    });
    expect(await titles(slug)).toEqual([['1. Housing', '1.1 Rents']]);
    // In its own language, it is added.
    await appendOutline({ actor: moderator, slug, outline, language: 'en' });
    expect((await titles(slug)).length).toBe(2);
    expect((await db().program.findUniqueOrThrow({ where: { id } })).language).toBe('en');
  });
});

describe('who shapes a program', () => {
  it('refuses members when every member writes, and lets named drafters shape only while drafting', async () => {
    const member = await createMember();
    const drafter = await createMember();
    const { id, slug } = await createTestProgram({ shape: [1] });
    const chapterId = (await getProgramOutline(null, slug)).chapters[0]!.id;
    const attempt = (actor: typeof member) => createSection({ actor, chapterId, title: 'Mine' });

    await expect(attempt(member)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createChapter({ actor: null, slug, title: 'Public' })).rejects.toBeInstanceOf(ForbiddenError);

    await db().program.update({ where: { id }, data: { draftingAccess: 'NAMED_DRAFTERS' } });
    await db().drafter.create({ data: { programId: id, memberId: drafter.id } });
    await expect(attempt(member)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(attempt(drafter)).resolves.toEqual(expect.any(String));
    expect((await getProgramOutline(drafter, slug)).abilities).toMatchObject({ shape: true, editDraft: true });
    expect((await getProgramOutline(member, slug)).abilities).toMatchObject({ shape: false, editDraft: false });

    await db().program.update({ where: { id }, data: { phase: 'AMENDING' } });
    await expect(attempt(drafter)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await titles(slug)).toEqual([['1. Chapter 1', '1.1 Section 1-1', '1.2 Mine']]);
  });
});

describe('locked sections', () => {
  it('lets moderators lock a section so that nobody writes it, with a reason, then unlock it', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const member = await createMember();
    const { slug } = await createTestProgram({ shape: [2] });
    const [locked, other] = (await getProgramOutline(null, slug)).chapters[0]!.sections;
    await expect(lockSection({ actor: member, sectionId: locked!.id, reason: 'Mine' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await lockSection({ actor: moderator, sectionId: locked!.id, reason: 'Under mediation' });
    expect(await sectionAccess(member, locked!.id)).toMatchObject({
      read: true,
      write: false,
      whyReadOnly: { reason: 'locked' },
    });
    expect(await sectionAccess(moderator, locked!.id)).toMatchObject({ read: true, write: false });
    expect(await sectionAccess(member, other!.id)).toMatchObject({ read: true, write: true });
    const { section, canWrite } = await getSection(member, slug, locked!.id);
    expect(canWrite).toBe(false);
    expect(section.lock).toMatchObject({ reason: 'Under mediation' });

    await unlockSection({ actor: moderator, sectionId: locked!.id });
    expect(await sectionAccess(member, locked!.id)).toMatchObject({ read: true, write: true });
    const events = await db().auditEvent.findMany({
      where: { targetId: locked!.id, action: { in: ['section.locked', 'section.unlocked'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['section.locked', 'Under mediation'],
      ['section.unlocked', null],
    ]);
  });
});
