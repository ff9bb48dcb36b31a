import { describe, expect, it } from 'vitest';
import { moderationQueue } from '../../app/modules/amendments/moderation.server.ts';
import { REPORTS_PAGE } from '../../app/modules/amendments/queue-reports.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { admissibleChange, manyMembers, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const COUNT = 205;

/** Every page of one of the queue's report lists, following its cursor (`reports` or `rolls`) to the end. */
async function allPages(
  moderator: Awaited<ReturnType<typeof createMember>>,
  slug: string,
  param: 'reports' | 'rolls',
  query: { chapter?: string } = {},
) {
  const pages = [];
  let after: string | null = null;
  do {
    const queue = await moderationQueue(moderator, slug, { ...query, [param]: after });
    pages.push(queue);
    after = queue.pages[param].next;
  } while (after && pages.length < 10);
  return pages;
}

describe('the reported comments of the queue, past the first 200', () => {
  it('pages them most reported first, counts them all, and narrows them to a chapter', async () => {
    const { id: programId, slug } = await createTestProgram({ shape: [1, 1], phase: 'AMENDING' });
    const [one, two] = (await getProgramOutline(null, slug)).chapters;
    const moderator = await createMember({ role: 'MODERATOR' });
    const [author, ana, ben, chloe] = await manyMembers(4);
    const amendment = (sectionId: string) => ({
      id: newId(),
      programId,
      sectionId,
      kind: 'CHANGE' as const,
      status: 'SUBMITTED' as const,
      title: `Debated in ${sectionId}`,
      justification: 'Debate.',
      baseText: doc('Text.'),
      submittedAt: new Date(),
      supportsNeeded: 5,
    });
    const [first, second] = [amendment(one!.sections[0]!.id), amendment(two!.sections[0]!.id)];
    await db().amendment.createMany({ data: [first, second] });
    // 205 reported comments on the first chapter's amendment, one on the second's, one whose report was resolved.
    const comment = (i: number, amendmentId: string) => ({
      id: `c${String(i).padStart(4, '0')}${newId().slice(0, 8)}`,
      amendmentId,
      authorId: author!.id,
      stance: 'AGAINST' as const,
      body: doc(`Comment ${i + 1}`) as object,
      source: `Comment ${i + 1}`,
    });
    const comments = Array.from({ length: COUNT }, (_, i) => comment(i, first.id));
    const elsewhere = comment(COUNT, second.id);
    const settled = comment(COUNT + 1, first.id);
    await db().comment.createMany({ data: [...comments, elsewhere, settled] });
    const report = (commentId: string, memberId: string, reason: string, resolvedAt: Date | null = null) => ({
      commentId,
      memberId,
      reason,
      resolvedAt,
    });
    // The last comment is the most reported: three members reported it.
    const last = comments[COUNT - 1]!.id;
    await db().commentReport.createMany({
      data: [
        ...comments.map((c) => report(c.id, ana!.id, 'Off topic')),
        report(last, ben!.id, 'Insulting'),
        report(last, chloe!.id, 'Insulting too'),
        report(elsewhere.id, ana!.id, 'Elsewhere'),
        report(settled.id, ana!.id, 'Settled', new Date()),
      ],
    });

    const pages = await allPages(moderator, slug, 'reports');
    expect(pages.map((p) => p.reports.length)).toEqual([REPORTS_PAGE, REPORTS_PAGE, REPORTS_PAGE, REPORTS_PAGE, 6]);
    expect(pages.every((p) => p.pages.reports.total === COUNT + 1)).toBe(true);
    const listed = pages.flatMap((p) => p.reports);
    expect(listed[0]!.id).toBe(last);
    expect(listed[0]!.reports.map((r) => r.reason).sort()).toEqual(['Insulting', 'Insulting too', 'Off topic']);
    // Every reported comment once, the 201st and the rest included; the settled report is not the moderators' any more.
    expect(new Set(listed.map((c) => c.id)).size).toBe(COUNT + 1);
    expect(listed.map((c) => c.id)).toContain(comments[200]!.id);
    expect(listed.map((c) => c.id)).not.toContain(settled.id);
    expect(pages[4]!.pages.reports).toMatchObject({ after: expect.any(String), next: null });

    // Narrowed to the second chapter: its one reported comment, on one page.
    const narrowed = await moderationQueue(moderator, slug, { chapter: two!.id });
    expect(narrowed.reports.map((c) => c.id)).toEqual([elsewhere.id]);
    expect(narrowed.pages.reports).toMatchObject({ total: 1, next: null });
    // A cursor that means nothing starts at the top.
    expect((await moderationQueue(moderator, slug, { reports: 'nonsense' })).reports[0]!.id).toBe(last);
    // Nor does a key that is no whole number, or one past what the database counts in (it answered 500 then).
    for (const reports of ['1.5.x', '99999999999999999999999999999.x', '-1e400.x'])
      expect((await moderationQueue(moderator, slug, { reports })).reports[0]!.id, reports).toBe(last);
    const rollsTop = (await moderationQueue(moderator, slug, {})).rollReports;
    expect((await moderationQueue(moderator, slug, { rolls: '99999999999999999999.r.m' })).rollReports).toEqual(
      rollsTop,
    );
  });
});

describe('the roll reports of the queue, past the first 200', () => {
  it('pages them newest first and counts them all', async () => {
    const ctx = await votingProgram();
    const amendment = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
    const roundId = await roundOn(ctx, [amendment.id]);
    const members = await manyMembers(COUNT);
    const start = Date.now() - COUNT * 1000;
    // Written straight into the table: the module path needs a closed round each member voted in.
    await db().rollReport.createMany({
      data: members.map((m, i) => ({
        roundId,
        memberId: m.id,
        message: `Report ${i + 1}`,
        createdAt: new Date(start + i * 1000),
      })),
    });

    const pages = await allPages(ctx.moderator, ctx.slug, 'rolls');
    expect(pages.map((p) => p.rollReports.length)).toEqual([
      REPORTS_PAGE,
      REPORTS_PAGE,
      REPORTS_PAGE,
      REPORTS_PAGE,
      COUNT - 4 * REPORTS_PAGE,
    ]);
    expect(pages.every((p) => p.pages.rolls.total === COUNT)).toBe(true);
    const messages = pages.flatMap((p) => p.rollReports.map((r) => r.message));
    // Newest first, down to the oldest: the 201st to the 205th are on the last page.
    expect(messages).toEqual(Array.from({ length: COUNT }, (_, i) => `Report ${COUNT - i}`));
    expect(pages[4]!.rollReports[0]).toMatchObject({ member: 'Voter 4', round: { id: roundId, title: 'Round' } });
    // The other lists' pages are not moved by the roll reports' cursor.
    expect(pages[4]!.page.after).toBeNull();
  });
});
