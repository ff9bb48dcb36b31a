import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import {
  startAmendment,
  submitAmendment,
  withdrawAmendment,
} from '../../app/modules/amendments/amendment-commands.server.ts';
import { dismissDuplicate, measureUnmeasuredDuplicates } from '../../app/modules/amendments/duplicates.server.ts';
import { decideAdmissibility } from '../../app/modules/amendments/moderation.server.ts';
import { carryOverSection, saveAmendmentUpdate } from '../../app/modules/amendments/rebase.server.ts';
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
    // A third amendment making the same change is still listed against both (equally alike: in either order).
    await propose(ctx, HOURS.replace('no loss of pay', 'no loss of pay or leave'), 'Third');
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug)).sort()).toEqual([
      ['Leave and pay', 'Third'],
      ['Pay and leave', 'Third'],
    ]);
    // Measuring the section again (as after the migration) does not bring the dismissed pair back.
    await db().amendment.updateMany({ where: { sectionId: ctx.sectionId }, data: { duplicateKey: null } });
    expect(await measureUnmeasuredDuplicates()).toBeGreaterThanOrEqual(1);
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toHaveLength(2);
  });
});

/** The stored candidate pairs of a section, as [title, title, similarity], sorted. */
async function stored(sectionId: string) {
  const rows = await db().duplicateCandidate.findMany({
    where: { sectionId },
    select: { similarity: true, amendment: { select: { title: true } }, other: { select: { title: true } } },
  });
  return rows.map((r) => [...[r.amendment.title, r.other.title].sort(), r.similarity]).sort();
}

describe('stored candidates (ADR 0039)', () => {
  it('stores the pair when the second amendment is submitted, and drops it when one leaves the running', async () => {
    const ctx = await setup(HOURS);
    const first = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours');
    expect(await stored(ctx.sectionId)).toEqual([]);
    const second = await propose(ctx, HOURS.replace('39 h', '32 h'), '32 hours too');
    // Written by the submission itself: the queue only reads it.
    expect(await stored(ctx.sectionId)).toEqual([['32 hours', '32 hours too', 1]]);
    const third = await propose(ctx, HOURS.replace('39 h', '32 h'), 'Also 32');
    expect(await stored(ctx.sectionId)).toHaveLength(3);
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toHaveLength(3);

    await withdrawAmendment({ actor: second.author, id: second.id });
    expect(await stored(ctx.sectionId)).toEqual([['32 hours', 'Also 32', 1]]);
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toEqual([['32 hours', 'Also 32']]);
    // A decision that takes one out of the running (inadmissible) drops its pairs too.
    await db().amendment.update({ where: { id: third.id }, data: { status: 'QUALIFIED' } });
    await decideAdmissibility({ actor: ctx.moderator, id: third.id, admissible: false, reason: 'Out of scope.' });
    expect(await stored(ctx.sectionId)).toEqual([]);
    expect((await moderationQueue(ctx.moderator, ctx.slug)).duplicates).toEqual([]);
    expect((await db().amendment.findUniqueOrThrow({ where: { id: third.id } })).duplicateKey).toBeNull();
    expect((await db().amendment.findUniqueOrThrow({ where: { id: first.id } })).duplicateKey).not.toBeNull();
  });

  it('measures an amendment again when its authors update its text', async () => {
    const ctx = await setup(HOURS);
    await propose(ctx, HOURS.replace('39 h', '30 h'), '30 hours');
    const overtime = await propose(ctx, HOURS.replace('150%', '200%'), 'Overtime');
    expect(await stored(ctx.sectionId)).toEqual([]);
    // The text moves under the overtime amendment: its authors must update it, and write the 30 hours instead.
    const moved = HOURS.replace('150%', '175%');
    await writeLive(liveDocumentName.section(ctx.sectionId), moved);
    expect(await carryOverSection(ctx.sectionId)).toMatchObject({ carried: 1, needUpdate: 1 });
    expect(await stored(ctx.sectionId)).toEqual([]);
    await writeLive(liveDocumentName.amendmentUpdate(overtime.id, 1), moved.replace('39 h', '30 h'));
    expect(await saveAmendmentUpdate({ actor: overtime.author, id: overtime.id })).toEqual({ error: null });
    expect(await stored(ctx.sectionId)).toEqual([['30 hours', 'Overtime', 1]]);
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toEqual([['30 hours', 'Overtime']]);
  });

  it('measures at start the standing amendments written before the candidates were stored', async () => {
    const ctx = await setup(HOURS);
    await propose(ctx, HOURS.replace('39 h', '30 h'), '30 hours');
    await propose(ctx, HOURS.replace('39 h', '30 h'), '30 hours again');
    // What the migration leaves: no candidates, no amendment measured.
    await db().duplicateCandidate.deleteMany({ where: { sectionId: ctx.sectionId } });
    await db().amendment.updateMany({ where: { sectionId: ctx.sectionId }, data: { duplicateKey: null } });
    expect((await moderationQueue(ctx.moderator, ctx.slug)).duplicates).toEqual([]);
    expect(await measureUnmeasuredDuplicates()).toBe(1);
    expect(pairs(await moderationQueue(ctx.moderator, ctx.slug))).toEqual([['30 hours', '30 hours again']]);
    // Once measured, a start has nothing to do.
    expect(await measureUnmeasuredDuplicates()).toBe(0);
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
