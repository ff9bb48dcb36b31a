import { describe, expect, it } from 'vitest';
import { addDrafter, listDrafters, removeDrafter } from '../../app/modules/programs/drafters.server.ts';
import {
  getPhaseHistory,
  getProgramOutline,
  sectionAccess,
  sectionAccessOfMany,
} from '../../app/modules/programs/programs.server.ts';
import { openProgram, slugify, updateProgramSettings } from '../../app/modules/programs/program-commands.server.ts';
import { getSection } from '../../app/modules/programs/program-text.server.ts';
import { moveSection } from '../../app/modules/programs/structure.server.ts';
import { publishVersion } from '../../app/modules/publication/publish.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../../app/utils/domain-errors.ts';
import { admissibleChange, votingProgram } from '../factories/voting.ts';

setupTestDatabase();

describe('program outline', () => {
  it('numbers chapters and sections from their order', async () => {
    const { slug } = await createTestProgram({ shape: [2, 3] });
    const { chapters } = await getProgramOutline(null, slug);
    expect(chapters.map((c) => c.number)).toEqual(['1', '2']);
    expect(chapters[1]!.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '2.1 Section 2-1',
      '2.2 Section 2-2',
      '2.3 Section 2-3',
    ]);
  });

  it('keeps a section’s id when it moves, and renumbers around it', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug } = await createTestProgram({ shape: [2, 3] });
    const before = await getProgramOutline(null, slug);
    const moving = before.chapters[1]!.sections[2]!; // "2.3"
    await moveSection({ actor: moderator, sectionId: moving.id, chapterId: before.chapters[0]!.id, index: 0 });
    const after = await getProgramOutline(null, slug);
    expect(after.chapters[0]!.sections[0]).toMatchObject({ id: moving.id, number: '1.1', title: 'Section 2-3' });
    expect(after.chapters[0]!.sections.map((s) => s.number)).toEqual(['1.1', '1.2', '1.3']);
    expect(after.chapters[1]!.sections.map((s) => s.title)).toEqual(['Section 2-1', 'Section 2-2']);
    const read = await getSection(null, slug, moving.id);
    expect(read.section.number).toBe('1.1');
    expect(await db().auditEvent.count({ where: { action: 'section.moved', targetId: moving.id } })).toBe(1);
  });

  it('lets only moderators re-order the program', async () => {
    const member = await createMember();
    const { slug } = await createTestProgram();
    const { chapters } = await getProgramOutline(null, slug);
    await expect(
      moveSection({ actor: member, sectionId: chapters[0]!.sections[0]!.id, chapterId: chapters[1]!.id, index: 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('who reads a draft', () => {
  it('lets the public read a draft the program opens, and only members read a closed one', async () => {
    const member = await createMember();
    const open = await createTestProgram({ draftIsPublic: true });
    const closed = await createTestProgram({ draftIsPublic: false });
    await expect(getProgramOutline(null, open.slug)).resolves.toMatchObject({
      abilities: { readDraft: true, editDraft: false },
    });
    // Nothing published yet: the public is not told that the program exists at all (issue 15).
    await expect(getProgramOutline(null, closed.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgramOutline(member, closed.slug)).resolves.toMatchObject({ abilities: { editDraft: true } });
  });

  it('tells the public a closed program exists once it publishes a version, and still keeps its draft', async () => {
    const closed = await createTestProgram({ draftIsPublic: false });
    await publishVersion({ actor: await createMember({ role: 'MODERATOR' }), slug: closed.slug, note: 'v1' });
    await expect(getProgramOutline(null, closed.slug)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers not found for an unknown program or a section of another program', async () => {
    const a = await createTestProgram();
    const b = await createTestProgram();
    const sectionOfB = (await getProgramOutline(null, b.slug)).chapters[0]!.sections[0]!.id;
    await expect(getProgramOutline(null, 'no-such-program')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSection(null, a.slug, sectionOfB)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('program settings', () => {
  it('lets moderators change the phase and openness, with the reason audited', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const member = await createMember();
    const { id, slug } = await createTestProgram({ draftIsPublic: true });
    const endsAt = new Date('2031-03-01T12:00:00Z');
    const change = {
      slug,
      phase: 'AMENDING' as const,
      phaseEndsAt: endsAt,
      draftIsPublic: false,
      draftingAccess: 'ALL_MEMBERS' as const,
      reason: 'Members first',
    };
    const startedBefore = (await db().program.findUniqueOrThrow({ where: { id } })).phaseStartedAt;
    await expect(updateProgramSettings({ actor: member, ...change })).rejects.toBeInstanceOf(ForbiddenError);
    await updateProgramSettings({ actor: moderator, ...change });
    await expect(getProgramOutline(null, slug)).rejects.toBeInstanceOf(NotFoundError);
    const { program, abilities } = await getProgramOutline(member, slug);
    expect(program.phase).toBe('AMENDING');
    expect(program.phaseEndsAt).toEqual(endsAt);
    expect(program.phaseStartedAt.getTime()).toBeGreaterThan(startedBefore.getTime());
    expect(abilities).toMatchObject({ editDraft: false, proposeAmendment: true });
    const events = await db().auditEvent.findMany({ where: { targetId: id, action: 'program.settings_changed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: moderator.id, reason: 'Members first' });
    expect(await getPhaseHistory(member, slug)).toEqual([
      {
        at: events[0]!.createdAt,
        from: 'DRAFTING',
        to: 'AMENDING',
        by: moderator.displayName,
        reason: 'Members first',
      },
    ]);

    // Changing only the planned date keeps the phase's start, and is not a move between phases.
    const started = (await db().program.findUniqueOrThrow({ where: { id } })).phaseStartedAt;
    await updateProgramSettings({ actor: moderator, ...change, phaseEndsAt: null, reason: 'No date after all' });
    const after = await db().program.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ phaseStartedAt: started, phaseEndsAt: null });
    expect(await getPhaseHistory(member, slug)).toHaveLength(1);
  });
});

describe('moving the phase backwards (issue 17)', () => {
  it('asks for a confirmation while amendments are pending, says what is pending, and records it', async () => {
    const ctx = await votingProgram();
    await admissibleChange(ctx, '26', '28', 'Older');
    const back = {
      slug: ctx.slug,
      phase: 'DRAFTING' as const,
      phaseEndsAt: null,
      draftIsPublic: true,
      draftingAccess: 'ALL_MEMBERS' as const,
      reason: 'Back to the drawing board',
    };
    const refused = await updateProgramSettings({ actor: ctx.moderator, ...back }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      kind: 'conflict',
      key: 'settings.errors.backwardsPending',
      field: 'confirmBackwards',
      values: { amendments: 1, rounds: 0 },
    });
    expect((await db().program.findUniqueOrThrow({ where: { id: ctx.programId } })).phase).toBe('AMENDING');

    await updateProgramSettings({ actor: ctx.moderator, ...back, confirmBackwards: true });
    expect((await db().program.findUniqueOrThrow({ where: { id: ctx.programId } })).phase).toBe('DRAFTING');
    const [event] = await db().auditEvent.findMany({
      where: { targetId: ctx.programId, action: 'program.settings_changed' },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(event?.data).toMatchObject({ movedBack: { amendments: 1, rounds: 0 } });
    // Forwards again needs no confirmation.
    await updateProgramSettings({ actor: ctx.moderator, ...back, phase: 'AMENDING', reason: 'Amendments again' });
  });
});

describe('named drafters', () => {
  it('lets moderators name drafters by email; only they (and moderators) write once the program says so', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const drafter = await createMember();
    const other = await createMember();
    const { slug } = await createTestProgram();
    const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
    await expect(addDrafter({ actor: other, slug, email: drafter.email })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addDrafter({ actor: moderator, slug, email: 'nobody@example.org' })).rejects.toMatchObject({
      key: 'drafters.errors.noSuchMember',
    });
    await addDrafter({ actor: moderator, slug, email: drafter.email.toUpperCase() });
    await addDrafter({ actor: moderator, slug, email: drafter.email }); // twice: no change
    expect((await listDrafters(moderator, slug)).map((d) => d.id)).toEqual([drafter.id]);

    // Every member writes until the program restricts drafting to the named drafters.
    expect(await sectionAccess(other, sectionId)).toMatchObject({ read: true, write: true });
    await updateProgramSettings({
      actor: moderator,
      slug,
      phase: 'DRAFTING',
      phaseEndsAt: null,
      draftIsPublic: true,
      draftingAccess: 'NAMED_DRAFTERS',
      reason: 'A small team writes the first draft',
    });
    expect(await sectionAccess(other, sectionId)).toMatchObject({ read: true, write: false });
    expect(await sectionAccess(drafter, sectionId)).toMatchObject({ read: true, write: true });
    expect(await sectionAccess(moderator, sectionId)).toMatchObject({ read: true, write: true });
    // Everyone's rights in one read (the collaboration server's recheck): the same as one by one.
    const everyone = [other, drafter, moderator, null];
    expect(await sectionAccessOfMany(everyone, sectionId)).toEqual(
      await Promise.all(everyone.map((actor) => sectionAccess(actor, sectionId))),
    );
    expect((await sectionAccessOfMany(everyone, sectionId)).map((a) => a?.write)).toEqual([false, true, true, false]);
    expect(await sectionAccessOfMany([other, drafter], 'nosuchsection')).toEqual([null, null]);

    await removeDrafter({ actor: moderator, slug, memberId: drafter.id });
    // Why not is told to the editor of a member who loses the right (issue 17).
    expect(await sectionAccess(drafter, sectionId)).toMatchObject({
      read: true,
      write: false,
      whyReadOnly: { reason: 'drafter' },
    });
    const actions = await db().auditEvent.findMany({
      where: { actorId: moderator.id, action: { startsWith: 'program.drafter' } },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual(['program.drafter_added', 'program.drafter_removed']);
  });
});

describe('opening a program', () => {
  it('lets moderators open an empty program at an address made from its title, and refuses a taken one', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const member = await createMember();
    const props = { title: 'Programme 2032 : écologie !', summary: 'Un nouveau départ.', draftIsPublic: false };
    await expect(openProgram({ actor: member, ...props })).rejects.toBeInstanceOf(ForbiddenError);
    const slug = await openProgram({ actor: moderator, ...props });
    expect(slug).toBe('programme-2032-ecologie');
    const { program, chapters, abilities } = await getProgramOutline(moderator, slug);
    expect(program).toMatchObject({ title: props.title, phase: 'DRAFTING', draftIsPublic: false });
    expect(chapters).toEqual([]);
    expect(abilities.shape).toBe(true);
    await expect(openProgram({ actor: moderator, ...props })).rejects.toMatchObject({
      key: 'programs.errors.slugTaken',
    });
    await expect(getProgramOutline(null, slug)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { action: 'program.created', actorId: moderator.id } })).toBe(1);
    expect(slugify('  ¿Qué?  ')).toBe('que');
    expect(slugify('!!!')).toBe('programme');
  });
});
