import { describe, expect, it } from 'vitest';
import { decideInBulk, StaleDecisionError } from '../../app/modules/amendments/bulk-moderation.server.ts';
import { decideAdmissibility, moderationLog, moderationQueue } from '../../app/modules/amendments/moderation.server.ts';
import { changeKey } from '../../app/modules/amendments/duplicates.server.ts';
import { BulkDecisionSchema } from '../../app/modules/amendments/moderation.schema.ts';
import { QUALIFIED_PAGE } from '../../app/modules/amendments/queue-lists.server.ts';
import {
  createReasonTemplate,
  deleteReasonTemplate,
  reasonTemplates,
  updateReasonTemplate,
} from '../../app/modules/amendments/reason-templates.server.ts';
import { withdrawAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { type DomainError, ForbiddenError, NotFoundError } from '../../app/utils/domain-errors.ts';
import { qualifiedAmendment } from '../factories/amendments.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

/** A program taking amendments (one support qualifies), its moderator, and `n` qualified amendments by one author. */
async function queueOf(n: number) {
  const { id: programId, slug } = await createTestProgram({ shape: [2], phase: 'AMENDING' });
  await db().program.update({ where: { id: programId }, data: { supportRule: 'ABSOLUTE', supportValue: 1 } });
  const sections = (await getProgramOutline(null, slug)).chapters[0]!.sections.map((s) => s.id);
  const moderator = await createMember({ role: 'MODERATOR' });
  const author = await createMember();
  const supporter = await createMember();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await qualifiedAmendment(
        { slug, sectionId: sections[i % 2]!, author, supporter },
        { title: `Amendment ${i + 1}`, text: `Paragraph rewritten number ${i + 1}, with new words ${i}.` },
      ),
    );
  }
  return { slug, moderator, author, ids };
}

const picks = (ids: string[], seen = 'QUALIFIED') => ids.map((id) => `${id}:${seen}`);
const parse = (fields: Record<string, unknown>) => BulkDecisionSchema.parse(fields);

describe('the queue past its first page', () => {
  it('pages the qualified amendments in a stable order, a page staying put as others are decided', async () => {
    const { slug, moderator, ids } = await queueOf(1);
    const first = await db().amendment.findUniqueOrThrow({ where: { id: ids[0]! } });
    // A page and 4 more, written straight into the table (the module path takes a second each), qualified a minute apart.
    const at = (i: number) => new Date(first.qualifiedAt!.getTime() + (i + 1) * 60_000);
    await db().amendment.createMany({
      data: Array.from({ length: QUALIFIED_PAGE + 4 }, (_, i) => ({
        id: newId(),
        programId: first.programId,
        sectionId: first.sectionId,
        kind: first.kind,
        status: 'QUALIFIED' as const,
        title: `Paged ${i + 2}`,
        justification: 'Paging.',
        baseText: first.baseText as object,
        proposedText: first.proposedText as object,
        submittedAt: at(i),
        qualifiedAt: at(i),
        // Measured as the first one is (the same change): no section-wide measuring in this test.
        duplicateKey: changeKey(first),
      })),
    });
    const one = await moderationQueue(moderator, slug);
    expect(one.qualifiedTotal).toBe(QUALIFIED_PAGE + 5);
    expect(one.qualified).toHaveLength(QUALIFIED_PAGE);
    expect(one.qualified[0]!.title).toBe('Amendment 1');
    expect(one.page).toMatchObject({ after: null, from: 1, to: QUALIFIED_PAGE, next: expect.any(String) });
    const two = await moderationQueue(moderator, slug, { after: one.page.next });
    expect(two.qualified.map((a) => a.title)).toEqual([
      `Paged ${QUALIFIED_PAGE + 1}`,
      `Paged ${QUALIFIED_PAGE + 2}`,
      `Paged ${QUALIFIED_PAGE + 3}`,
      `Paged ${QUALIFIED_PAGE + 4}`,
      `Paged ${QUALIFIED_PAGE + 5}`,
    ]);
    expect(two.page).toMatchObject({ from: QUALIFIED_PAGE + 1, to: QUALIFIED_PAGE + 5, next: null });
    // Deciding amendments of the first page does not move the second.
    await decideInBulk({
      actor: moderator,
      slug,
      ...parse({ picked: picks(one.qualified.slice(0, 3).map((a) => a.id)), decision: 'ADMISSIBLE', reason: 'Fine' }),
    });
    const again = await moderationQueue(moderator, slug, { after: one.page.next });
    expect(again.qualified.map((a) => a.title)).toEqual(two.qualified.map((a) => a.title));
    expect(again.qualifiedTotal).toBe(QUALIFIED_PAGE + 2);
    // A cursor that means nothing starts at the top.
    expect((await moderationQueue(moderator, slug, { after: 'nonsense' })).qualified[0]!.title).toBe('Paged 4');
  });
});

describe('the queue’s other lists, a page at a time, and by chapter', () => {
  it('pages the amendments collecting supports and the collision groups, and narrows every list to a chapter', async () => {
    const { id: programId, slug } = await createTestProgram({ shape: [1, 1], phase: 'AMENDING' });
    const [one, two] = (await getProgramOutline(null, slug)).chapters;
    const moderator = await createMember({ role: 'MODERATOR' });
    const start = Date.now() - 100 * 60_000;
    const row = (i: number, sectionId: string, extra: object = {}) => ({
      id: newId(),
      programId,
      sectionId,
      kind: 'CHANGE' as const,
      status: 'SUBMITTED' as const,
      title: `Collecting ${String(i + 1).padStart(2, '0')}`,
      justification: 'Paging.',
      baseText: { type: 'doc', content: [] },
      submittedAt: new Date(start + i * 60_000),
      supportsNeeded: 5,
      ...extra,
    });
    // 55 collecting supports in the first chapter, 2 in the second; 25 groups of two in the first chapter.
    const firsts = Array.from({ length: 55 }, (_, i) => row(i, one!.sections[0]!.id));
    await db().amendment.createMany({
      data: [
        ...firsts.map((a, i) => ({ ...a, collisionGroup: i < 50 ? firsts[i - (i % 2)]!.id : null })),
        row(55, two!.sections[0]!.id),
        row(56, two!.sections[0]!.id),
      ],
    });
    await db().amendmentSupport.create({ data: { amendmentId: firsts[0]!.id, memberId: moderator.id } });

    const all = await moderationQueue(moderator, slug);
    expect(all.collecting.map((a) => a.title)).toEqual(firsts.slice(0, 50).map((a) => a.title));
    expect(all.collecting[0]).toMatchObject({ supports: 1, supportsNeeded: 5 });
    expect(all.pages.collecting).toMatchObject({ total: 57, after: null, next: expect.any(String) });
    expect(all.groups).toHaveLength(20);
    expect(all.groups[0]!.map((a) => a.title)).toEqual(['Collecting 01', 'Collecting 02']);
    expect(all.pages.groups).toMatchObject({ total: 25, next: expect.any(String) });
    // The next pages, each list on its own.
    const next = await moderationQueue(moderator, slug, {
      collecting: all.pages.collecting.next,
      groups: all.pages.groups.next,
    });
    expect(next.collecting.map((a) => a.title)).toEqual([51, 52, 53, 54, 55, 56, 57].map((n) => `Collecting ${n}`));
    expect(next.pages.collecting.next).toBeNull();
    expect(next.groups.map((g) => g[0]!.title)).toEqual([41, 43, 45, 47, 49].map((n) => `Collecting ${n}`));
    expect(next.pages.groups.next).toBeNull();

    // The second chapter: its two amendments, no group; a chapter of another program narrows nothing.
    const second = await moderationQueue(moderator, slug, { chapter: two!.id });
    expect(second.chapter).toBe(two!.id);
    expect(second.collecting.map((a) => a.title)).toEqual(['Collecting 56', 'Collecting 57']);
    expect(second.pages.collecting).toMatchObject({ total: 2, next: null });
    expect(second.groups).toEqual([]);
    const elsewhere = await createTestProgram({ shape: [1] });
    const stranger = (await getProgramOutline(null, elsewhere.slug)).chapters[0]!.id;
    const unknown = await moderationQueue(moderator, slug, { chapter: stranger });
    expect(unknown.chapter).toBeNull();
    expect(unknown.pages.collecting.total).toBe(57);
  });
});

describe('bulk decisions', () => {
  it('decides several amendments at once, one audit line each with the reason, their authors told', async () => {
    const { slug, moderator, author, ids } = await queueOf(4);
    const decided = await decideInBulk({
      actor: moderator,
      slug,
      ...parse({ picked: picks(ids.slice(0, 3)), decision: 'INADMISSIBLE', reason: 'Outside the program’s scope' }),
    });
    expect(decided).toBe(3);
    const statuses = await db().amendment.findMany({ where: { id: { in: ids } }, orderBy: { title: 'asc' } });
    expect(statuses.map((a) => a.status)).toEqual(['INADMISSIBLE', 'INADMISSIBLE', 'INADMISSIBLE', 'QUALIFIED']);
    const log = await moderationLog(moderator, slug);
    expect(log.map((e) => [e.amendmentTitle, e.decision, e.reason]).sort()).toEqual([
      ['Amendment 1', 'INADMISSIBLE', 'Outside the program’s scope'],
      ['Amendment 2', 'INADMISSIBLE', 'Outside the program’s scope'],
      ['Amendment 3', 'INADMISSIBLE', 'Outside the program’s scope'],
    ]);
    const told = await db().notification.count({ where: { memberId: author.id, kind: 'DECISION' } });
    expect(told).toBe(3);
    const queue = await moderationQueue(moderator, slug);
    expect(queue.qualified.map((a) => a.title)).toEqual(['Amendment 4']);
    expect(queue.qualifiedTotal).toBe(1);
  });

  it('decides nothing when one amendment changed since the queue was shown, and names it', async () => {
    const { slug, moderator, author, ids } = await queueOf(3);
    // Another moderator decided the second one meanwhile; its author withdrew the third.
    await decideAdmissibility({ actor: moderator, id: ids[1]!, admissible: true, reason: 'Fine as it is' });
    await withdrawAmendment({ actor: author, id: ids[2]! });
    const error = await decideInBulk({
      actor: moderator,
      slug,
      ...parse({ picked: picks(ids), decision: 'INADMISSIBLE', reason: 'Not in scope' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleDecisionError);
    expect((error as StaleDecisionError).titles).toEqual(expect.arrayContaining(['Amendment 2', 'Amendment 3']));
    expect((error as StaleDecisionError).titles).toHaveLength(2);
    expect((error as DomainError).kind).toBe('conflict');
    // All or nothing: the first stays qualified, and no line was added to the log.
    expect((await db().amendment.findUnique({ where: { id: ids[0]! } }))!.status).toBe('QUALIFIED');
    expect((await moderationLog(moderator, slug)).map((e) => e.amendmentTitle)).toEqual(['Amendment 2']);
  });

  it('refuses members, and amendments of another program', async () => {
    const { slug, author, ids } = await queueOf(1);
    const fields = parse({ picked: picks(ids), decision: 'ADMISSIBLE', reason: 'Looks fine' });
    await expect(decideInBulk({ actor: author, slug, ...fields })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await queueOf(1);
    await expect(decideInBulk({ actor: other.moderator, slug: other.slug, ...fields })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await db().amendment.findUnique({ where: { id: ids[0]! } }))!.status).toBe('QUALIFIED');
  });

  it('takes the reason from a template, and keeps the words when the template changes later', async () => {
    const { slug, moderator, ids } = await queueOf(2);
    await createReasonTemplate({ actor: moderator, slug, name: 'Scope', text: 'Outside the scope of this program.' });
    const [template] = await reasonTemplates(moderator, slug);
    await decideInBulk({
      actor: moderator,
      slug,
      ...parse({ picked: picks(ids), decision: 'INADMISSIBLE', templateId: template!.id }),
    });
    await updateReasonTemplate({ actor: moderator, slug, id: template!.id, name: 'Scope', text: 'Changed words.' });
    const log = await moderationLog(moderator, slug);
    expect(log.map((e) => e.reason)).toEqual([
      'Outside the scope of this program.',
      'Outside the scope of this program.',
    ]);
  });

  it('asks for a decision, a reason or a template, and at least one amendment', () => {
    const issues = (fields: Record<string, unknown>) =>
      BulkDecisionSchema.safeParse(fields).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ picked: [], decision: 'ADMISSIBLE', reason: 'Fine' })).toEqual(['bulk.errors.nonePicked']);
    expect(issues({ picked: ['abc:QUALIFIED'], reason: 'Fine' })).toEqual(['bulk.errors.noDecision']);
    expect(issues({ picked: ['abc:QUALIFIED'], decision: 'ADMISSIBLE', reason: ' ' })).toEqual([
      'errors.reasonRequired',
    ]);
    expect(issues({ picked: ['abc:QUALIFIED'], decision: 'ADMISSIBLE', templateId: 'xyz' })).toEqual([]);
  });
});

describe('reason templates', () => {
  it('are created, renamed and deleted by moderators, names unique within a program', async () => {
    const { slug, moderator, author } = await queueOf(0);
    await createReasonTemplate({ actor: moderator, slug, name: 'Duplicate', text: 'Already in the text.' });
    await createReasonTemplate({ actor: moderator, slug, name: 'Scope', text: 'Outside the scope.' });
    await expect(createReasonTemplate({ actor: moderator, slug, name: 'Scope', text: 'Again.' })).rejects.toMatchObject(
      { key: 'templates.errors.nameTaken', field: 'name' },
    );
    const [duplicate, scope] = await reasonTemplates(moderator, slug);
    await expect(
      updateReasonTemplate({ actor: moderator, slug, id: duplicate!.id, name: 'Scope', text: 'x y z' }),
    ).rejects.toMatchObject({ key: 'templates.errors.nameTaken' });
    await updateReasonTemplate({ actor: moderator, slug, id: scope!.id, name: 'Off topic', text: 'Off topic here.' });
    await deleteReasonTemplate({ actor: moderator, slug, id: duplicate!.id });
    expect(await reasonTemplates(moderator, slug)).toEqual([
      { id: scope!.id, name: 'Off topic', text: 'Off topic here.' },
    ]);
    await expect(reasonTemplates(author, slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createReasonTemplate({ actor: author, slug, name: 'Mine', text: 'A member’s words.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // A template of another program is not found through this one.
    const other = await queueOf(0);
    await expect(
      deleteReasonTemplate({ actor: other.moderator, slug: other.slug, id: scope!.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
