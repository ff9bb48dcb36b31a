import { describe, expect, it } from 'vitest';
import { programAuditPage } from '../../app/modules/audit/program-audit.server.ts';
import { addDrafter } from '../../app/modules/programs/drafters.server.ts';
import { updateProgramSettings } from '../../app/modules/programs/program-commands.server.ts';
import { createChapter, removeChapter } from '../../app/modules/programs/structure.server.ts';
import { lockSection } from '../../app/modules/programs/section-locks.server.ts';
import { rescheduleClose } from '../../app/modules/voting/rounds.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { NotFoundError } from '../../app/utils/domain-errors.ts';
import { createMember } from '../factories/members.ts';
import { admissibleAmendment, roundOn, SECTION_TEXT, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const settings = (slug: string, over: Partial<Parameters<typeof updateProgramSettings>[0]> = {}) => ({
  slug,
  phase: 'AMENDING' as const,
  phaseEndsAt: null,
  draftIsPublic: true,
  draftingAccess: 'ALL_MEMBERS' as const,
  reason: 'Open to all',
  ...over,
});

describe('the public audit log of a program (issue 17, item 10)', () => {
  it('lists every moderator action with its reason, newest first, filterable, without private data', async () => {
    const ctx = await votingProgram();
    const { slug, moderator } = ctx;
    await updateProgramSettings({
      actor: moderator,
      ...settings(slug, { phaseEndsAt: new Date('2031-03-01T12:00:00Z') }),
      reason: 'A date for the end',
    });
    await lockSection({ actor: moderator, sectionId: ctx.sections[0]!, reason: 'Disputed wording' });
    const drafter = await createMember({ displayName: 'Dana Drafter', email: 'dana.private@example.org' });
    await addDrafter({ actor: moderator, slug, email: 'dana.private@example.org' });
    const chapterId = await createChapter({ actor: moderator, slug, title: 'Short-lived' });
    await removeChapter({ actor: moderator, chapterId: chapterId! });
    const amendment = await admissibleAmendment(slug, ctx.sections[1]!, SECTION_TEXT.replace('26', '30'), 'Thirty');
    const roundId = await roundOn(ctx, [amendment.id], { title: 'Spring vote' });
    const later = new Date(Date.now() + 7200_000);
    await rescheduleClose({ actor: moderator, roundId, closesAt: later, reason: 'More time to debate' });

    const all = await programAuditPage(null, slug, { kind: null, page: 1 });
    expect(all.events.map((e) => e.action)).toEqual([
      'round.rescheduled',
      'round.created',
      'chapter.removed',
      'chapter.created',
      'program.drafter_added',
      'section.locked',
      'program.settings_changed',
    ]);
    const [rescheduled, , removed, , named, locked, phase] = all.events;
    expect(rescheduled).toMatchObject({
      by: moderator.displayName,
      reason: 'More time to debate',
      target: { type: 'round', id: roundId, title: 'Spring vote' },
      details: { closes: { to: later.toISOString() } },
    });
    expect(removed!.target).toEqual({ type: 'chapter', title: 'Short-lived' });
    expect(locked).toMatchObject({ reason: 'Disputed wording', target: { type: 'section' } });
    expect(phase).toMatchObject({ reason: 'A date for the end', details: { changed: ['phaseEndsAt'] } });
    // The program does not publish drafters' names: the drafter is not named; no email anywhere.
    expect(named!.details).toEqual({ drafter: null });
    expect(JSON.stringify(all)).not.toContain('dana.private');
    expect(JSON.stringify(all)).not.toContain('Dana Drafter');

    const rounds = await programAuditPage(null, slug, { kind: 'rounds', page: 1 });
    expect(rounds.events.map((e) => e.action)).toEqual(['round.rescheduled', 'round.created']);

    await db().program.update({ where: { id: ctx.programId }, data: { drafterNamesPublic: true } });
    const drafters = await programAuditPage(null, slug, { kind: 'drafters', page: 1 });
    expect(drafters.events.map((e) => e.details)).toEqual([{ drafter: drafter.displayName }]);
  });

  it('is not found for the public when the program is hidden, and stays within its program', async () => {
    const ctx = await votingProgram();
    const other = await votingProgram();
    await updateProgramSettings({ actor: ctx.moderator, ...settings(ctx.slug, { draftIsPublic: false }) });
    await lockSection({ actor: other.moderator, sectionId: other.sections[0]!, reason: 'Elsewhere' });
    await expect(programAuditPage(null, ctx.slug, { kind: null, page: 1 })).rejects.toBeInstanceOf(NotFoundError);
    const member = await createMember();
    const page = await programAuditPage(member, ctx.slug, { kind: null, page: 1 });
    expect(page.events.map((e) => e.action)).toEqual(['program.settings_changed']);
  });
});
