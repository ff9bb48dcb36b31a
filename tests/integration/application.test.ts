import { describe, expect, it } from 'vitest';
import { applicationConflict, applyAdopted, resolveConflict } from '../../app/modules/amendments/application.server.ts';
import { readLiveText } from '../../app/modules/live-text/live-text.server.ts';
import { docToPlainText } from '../../app/rich-text/document.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { roundDefinition } from '../../app/modules/voting/definition.server.ts';
import { rescheduleClose } from '../../app/modules/voting/rounds.server.ts';
import { KEEP_CURRENT } from '../../app/modules/voting/types.ts';
import { db } from '../../app/utils/db.server.ts';
import { doc } from '../factories/programs.ts';
import { admissibleChange, manyMembers, SECTION_TEXT, votingProgram, writeLive, roundOn } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';

setupTestDatabase();

const liveText = async (sectionId: string) => {
  const section = await db().section.findUniqueOrThrow({ where: { id: sectionId } });
  return docToPlainText(await readLiveText(liveDocumentName.section(sectionId), section.content));
};

/** A round on these amendments, every voter answering yes (or ranking the first amendment first), then closed. */
async function adopt(ctx: Awaited<ReturnType<typeof votingProgram>>, ids: string[], beforeClose?: () => Promise<void>) {
  const voters = await manyMembers(3);
  const roundId = await roundOn(ctx, ids, { explanation: 'Adopt.' });
  const definition = await roundDefinition(db(), roundId);
  for (const voter of voters) {
    const answers = Object.fromEntries(
      definition.questions.map((q) => [q.id, q.kind === 'YES_NO' ? 'YES' : [[q.alternatives[1]!.id], [KEEP_CURRENT]]]),
    );
    await castBallot({ actor: voter, roundId, answers, definition });
  }
  await beforeClose?.();
  await rescheduleClose({ actor: ctx.moderator, roundId, closesAt: new Date(), reason: 'Counted now.' });
  return roundId;
}

describe('adopted amendments become the text', () => {
  it('writes each adopted change into its section, in order, and keeps the text before and after', async () => {
    const ctx = await votingProgram();
    const cities = await admissibleChange(ctx, 'every region', 'every city', 'Cities');
    const young = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    await adopt(ctx, [cities.id, young.id]);
    // Two changes of different words of the same base: both carried into the text.
    expect(await liveText(ctx.sections[0]!)).toBe(
      'Public transport is free for everyone under 30. Night trains return to every city.',
    );
    const applications = await db().amendmentApplication.findMany({
      where: { programId: ctx.programId },
      orderBy: { seq: 'asc' },
    });
    expect(applications.map((a) => [a.amendmentId, a.status])).toEqual([
      [cities.id, 'APPLIED'],
      [young.id, 'APPLIED'],
    ]);
    expect(docToPlainText(applications[1]!.before as never)).toContain('every city');
    for (const id of [cities.id, young.id]) {
      expect((await db().amendment.findUniqueOrThrow({ where: { id } })).status).toBe('APPLIED');
      expect(await db().auditEvent.count({ where: { targetId: id, action: 'amendment.applied' } })).toBe(1);
    }
    // Nothing is applied twice.
    expect(await applyAdopted()).toEqual({ applied: 0, conflicts: 0 });
  });

  it('flags a change that no longer applies cleanly, and a moderator resolves it with a reason', async () => {
    const ctx = await votingProgram();
    const a = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
    // The same words change under it before the close (as a moderator's direct fix would).
    await adopt(ctx, [a.id], () =>
      writeLive(liveDocumentName.section(ctx.sections[1]!), SECTION_TEXT.replace('every region', 'every town')),
    );
    expect(await liveText(ctx.sections[1]!)).toContain('every town');
    expect((await db().amendment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('ADOPTED');
    const conflict = await applicationConflict(ctx.moderator, a.id);
    expect(conflict && docToPlainText(conflict.current)).toContain('every town');
    expect(conflict && docToPlainText(conflict.proposed)).toContain('every city');
    expect(conflict?.canResolve).toBe(true);
    await resolveConflict({
      actor: ctx.moderator,
      amendmentId: a.id,
      text: doc(SECTION_TEXT.replace('every region', 'every town and city')),
      reason: 'Both intentions kept.',
    });
    expect(await liveText(ctx.sections[1]!)).toContain('every town and city');
    expect((await db().amendment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('APPLIED');
  });

  it('adds a new section after the one it was proposed after, and archives a removed one', async () => {
    const ctx = await votingProgram();
    const outline = async () => (await getProgramOutline(null, ctx.slug)).chapters[0]!.sections.map((s) => s.title);
    expect(await outline()).toEqual(['Section 1-1', 'Section 1-2']);
    const { startAmendment, submitAmendment } = await import(
      '../../app/modules/amendments/amendment-commands.server.ts'
    );
    const { createMember } = await import('../factories/members.ts');
    const author = await createMember();
    const add = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[0]!,
      kind: 'ADD',
      title: 'Housing',
      newTitle: 'Housing for all',
      justification: 'A new measure on housing.',
    });
    await writeLive(liveDocumentName.amendment(add), 'Rents are capped in tight markets.');
    await submitAmendment({ actor: author, id: add });
    const remove = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[1]!,
      kind: 'DELETE',
      title: 'Drop 1-2',
      justification: 'It says nothing new.',
    });
    await submitAmendment({ actor: author, id: remove });
    await db().amendment.updateMany({ where: { id: { in: [add, remove] } }, data: { status: 'ADMISSIBLE' } });
    await adopt(ctx, [add, remove]);
    expect(await outline()).toEqual(['Section 1-1', 'Housing for all']);
    const added = (await getProgramOutline(null, ctx.slug)).chapters[0]!.sections[1]!;
    expect(await liveText(added.id)).toBe('Rents are capped in tight markets.');
    // The removed section stays for its amendments' history.
    expect((await db().section.findUniqueOrThrow({ where: { id: ctx.sections[1]! } })).archivedAt).not.toBeNull();
  });

  it('never applies twice, even when two sweeps run at once', async () => {
    const ctx = await votingProgram();
    const cities = await admissibleChange(ctx, 'every region', 'every city', 'Cities');
    const young = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    // Adopted, but not yet applied: as if the process stopped right after the close.
    await db().amendment.updateMany({ where: { id: { in: [cities.id, young.id] } }, data: { status: 'ADOPTED' } });
    const [a, b] = await Promise.all([applyAdopted(), applyAdopted()]);
    expect(a.applied + b.applied).toBe(2);
    expect(await liveText(ctx.sections[0]!)).toBe(
      'Public transport is free for everyone under 30. Night trains return to every city.',
    );
  });

  it('records the text it claimed when the process stopped between writing the text and recording it', async () => {
    const ctx = await votingProgram();
    const cities = await admissibleChange(ctx, 'every region', 'every city', 'Cities');
    await db().amendment.update({ where: { id: cities.id }, data: { status: 'ADOPTED' } });
    // The claim was made, the text written, then the process died.
    await db().amendmentApplication.create({
      data: {
        id: 'claimed-then-crashed',
        amendmentId: cities.id,
        programId: ctx.programId,
        sectionId: ctx.sections[0]!,
        status: 'PENDING',
        seq: 1,
        before: doc(SECTION_TEXT),
      },
    });
    await writeLive(liveDocumentName.section(ctx.sections[0]!), SECTION_TEXT.replace('every region', 'every city'));
    expect(await applyAdopted()).toEqual({ applied: 1, conflicts: 0 });
    expect(await liveText(ctx.sections[0]!)).toBe(SECTION_TEXT.replace('every region', 'every city'));
    const application = await db().amendmentApplication.findUniqueOrThrow({ where: { amendmentId: cities.id } });
    expect(application.status).toBe('APPLIED');
    expect(docToPlainText(application.before as never)).toBe(SECTION_TEXT);
    expect(docToPlainText(application.after as never)).toContain('every city');
  });

  it('withdraws the amendments still standing on a section whose removal was adopted, and tells their authors', async () => {
    const ctx = await votingProgram();
    const { startAmendment, submitAmendment } = await import(
      '../../app/modules/amendments/amendment-commands.server.ts'
    );
    const { createMember } = await import('../factories/members.ts');
    const author = await createMember();
    const remove = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[1]!,
      kind: 'DELETE',
      title: 'Drop it',
      justification: 'It says nothing new.',
    });
    await submitAmendment({ actor: author, id: remove });
    const standing = await admissibleChange(ctx, 'region', 'city', 'Late', 1);
    await db().amendment.update({ where: { id: standing.id }, data: { status: 'QUALIFIED' } });
    await db().amendment.update({ where: { id: remove }, data: { status: 'ADOPTED' } });
    await applyAdopted();
    expect((await db().amendment.findUniqueOrThrow({ where: { id: standing.id } })).status).toBe('WITHDRAWN');
    expect(await db().notification.count({ where: { amendmentId: standing.id, kind: 'DECISION' } })).toBe(1);
    await expect(
      startAmendment({
        actor: author,
        slug: ctx.slug,
        sectionId: ctx.sections[1]!,
        kind: 'CHANGE',
        title: 'Too late',
        justification: 'On a removed section.',
      }),
    ).rejects.toThrow(/Not found/);
  });
});
