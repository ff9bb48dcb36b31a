import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { getAmendment, startAmendment, submitAmendment } from '../../app/modules/amendments/amendments.server.ts';
import { dismissDuplicate } from '../../app/modules/amendments/duplicates.server.ts';
import { amendmentPage } from '../../app/modules/amendments/amendment-page.server.ts';
import { mergeDuplicate, moderationLog, moderationQueue } from '../../app/modules/amendments/moderation.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { DomainError, ForbiddenError } from '../../app/utils/domain-errors.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const HOURS = 'The legal working week is 39 h, with no loss of pay. Overtime is paid at 150%.';
/** A long section: sixty distinct sentences. */
const LONG = Array.from(
  { length: 60 },
  (_, i) => `Measure ${i + 1}: the city ${i % 2 ? 'guarantees' : 'funds'} public service number ${i + 1}.`,
).join(' ');

async function writeLive(name: string, text: string) {
  await db().collabDocument.deleteMany({ where: { name } });
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc(text))) } });
}

/** A program taking amendments, whose first section reads `text`; supports: 3 needed. */
async function setup(text: string) {
  const { id: programId, slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
  await db().program.update({
    where: { id: programId },
    data: { supportRule: 'ABSOLUTE', supportValue: 3, supportDays: 14 },
  });
  const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
  await db().section.update({ where: { id: sectionId }, data: { content: doc(text) } });
  await writeLive(liveDocumentName.section(sectionId), text);
  const moderator = await createMember({ role: 'MODERATOR' });
  return { slug, sectionId, moderator };
}

async function propose(ctx: { slug: string; sectionId: string }, text: string, title: string) {
  const author = await createMember();
  const id = await startAmendment({
    actor: author,
    slug: ctx.slug,
    sectionId: ctx.sectionId,
    kind: 'CHANGE',
    title,
    justification: 'Because it matters to people.',
  });
  await writeLive(liveDocumentName.amendment(id), text);
  await submitAmendment({ actor: author, id });
  return { id, author };
}

const pairs = (queue: Awaited<ReturnType<typeof moderationQueue>>) =>
  queue.duplicates.map((d) => [d.a.title, d.b.title].sort());

describe('possible duplicates', () => {
  it('lists the same change twice, not "30 h" against "35 h", which compete instead', async () => {
    const ctx = await setup(HOURS);
    const thirty = await propose(ctx, HOURS.replace('39 h', '30 h'), '30 hours');
    await propose(ctx, HOURS.replace('39 h', '35 h'), '35 hours');
    await propose(ctx, HOURS.replace('39 h', '30 h'), '30 hours again');
    const queue = await moderationQueue(ctx.moderator, ctx.slug);
    expect(pairs(queue)).toEqual([['30 hours', '30 hours again']]);
    expect(queue.duplicates[0]!.similarity).toBe(1);
    // The three change the same words: they compete in one group, duplicates or not.
    expect(queue.groups.map((g) => g.length)).toEqual([3]);
    expect((await getAmendment(ctx.moderator, ctx.slug, thirty.id)).competitors).toHaveLength(2);
  });

  it('does not match two unrelated changes of a long section', async () => {
    const ctx = await setup(LONG);
    await propose(ctx, LONG.replace('service number 3.', 'service number 3, free of charge.'), 'Free service 3');
    await propose(ctx, LONG.replace('Measure 48: the city', 'Measure 48: the region'), 'Region for 48');
    const queue = await moderationQueue(ctx.moderator, ctx.slug);
    expect(queue.duplicates).toEqual([]);
  });

  it('keeps a dismissed pair out of the list, with the moderator’s reason in the public log', async () => {
    const ctx = await setup(HOURS);
    const a = await propose(ctx, HOURS.replace('no loss of pay', 'no loss of pay or leave'), 'Pay and leave');
    const b = await propose(ctx, HOURS.replace('no loss of pay', 'no loss of pay or leave'), 'Leave and pay');
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toHaveLength(1);
    await expect(
      dismissDuplicate({ actor: a.author, id: b.id, otherId: a.id, reason: 'Not the same' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      dismissDuplicate({ actor: ctx.moderator, id: b.id, otherId: b.id, reason: 'Itself' }),
    ).rejects.toBeInstanceOf(DomainError);
    await dismissDuplicate({ actor: ctx.moderator, id: b.id, otherId: a.id, reason: 'Different intent, see debate.' });
    // Twice changes nothing (two moderators at once).
    await dismissDuplicate({ actor: ctx.moderator, id: a.id, otherId: b.id, reason: 'Again' });
    expect((await moderationQueue(ctx.moderator, ctx.slug)).duplicates).toEqual([]);
    const log = await moderationLog(null, ctx.slug);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      decision: 'NOT_DUPLICATE',
      amendmentId: b.id,
      other: { id: a.id, title: 'Pay and leave' },
      reason: 'Different intent, see debate.',
    });
    // A third amendment making the same change is still listed against both.
    await propose(ctx, HOURS.replace('no loss of pay', 'no loss of pay or leave'), 'Third');
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toEqual([
      ['Pay and leave', 'Third'],
      ['Leave and pay', 'Third'],
    ]);
  });
});

describe('merging a duplicate', () => {
  it('offers the most alike amendment first', async () => {
    const ctx = await setup(HOURS);
    await propose(ctx, HOURS.replace('150%', '200%'), 'Overtime');
    const kept = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours');
    const dup = await propose(ctx, HOURS.replace('39 h', '32 h').replace('Overtime', 'All overtime'), '32 hours too');
    const page = await amendmentPage(ctx.moderator, ctx.slug, dup.id);
    expect(page.mergeTargets.map((t) => t.id)).toEqual([kept.id, expect.any(String)]);
    expect(page.mergeTargets[0]!.similarity).toBeGreaterThan(page.mergeTargets[1]!.similarity);
  });

  it('carries the duplicate’s supports over, one per member, and qualifies the amendment kept', async () => {
    const ctx = await setup(HOURS);
    const kept = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours');
    const dup = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours too');
    const [both, onlyDup] = [await createMember(), await createMember()];
    await supportAmendment({ actor: both, id: kept.id });
    await supportAmendment({ actor: both, id: dup.id });
    await supportAmendment({ actor: onlyDup, id: dup.id });
    // The kept amendment's author supported the duplicate: an author may not support their own amendment.
    await supportAmendment({ actor: kept.author, id: dup.id });
    await mergeDuplicate({ actor: ctx.moderator, id: dup.id, intoId: kept.id, reason: 'Same change.' });
    const supporters = await db().amendmentSupport.findMany({ where: { amendmentId: kept.id } });
    expect(supporters.map((s) => s.memberId).sort()).toEqual([both.id, onlyDup.id].sort());
    const after = await db().amendment.findUniqueOrThrow({ where: { id: kept.id } });
    expect(after.status).toBe('SUBMITTED');
    // One more support reaches the threshold of 3.
    await supportAmendment({ actor: await createMember(), id: kept.id });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('QUALIFIED');
    const merged = await db().auditEvent.findFirstOrThrow({ where: { targetId: dup.id, action: 'amendment.merged' } });
    expect(merged.data).toMatchObject({ intoId: kept.id, carried: { supports: 1, endorsements: 0 } });
  });

  it('qualifies the amendment kept at once when the carried supports reach its threshold', async () => {
    const ctx = await setup(HOURS);
    const kept = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours');
    const dup = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours too');
    for (let i = 0; i < 3; i++) await supportAmendment({ actor: await createMember(), id: dup.id });
    await mergeDuplicate({ actor: ctx.moderator, id: dup.id, intoId: kept.id, reason: 'Same change.' });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('QUALIFIED');
  });
});
