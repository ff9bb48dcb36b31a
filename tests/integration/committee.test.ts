import { describe, expect, it } from 'vitest';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import { amendmentPage } from '../../app/modules/amendments/amendment-page.server.ts';
import {
  addCommitteeMember,
  committeePage,
  recommend,
  recommendationsFor,
  removeCommitteeMember,
} from '../../app/modules/committee/committee.server.ts';
import { acceptCompromise, submitDraft } from '../../app/modules/committee/compromise.server.ts';
import { readLiveText } from '../../app/modules/live-text/live-text.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { openRound } from '../../app/modules/voting/round-opening.server.ts';
import { getRound } from '../../app/modules/voting/round-view.server.ts';
import { docToPlainText } from '../../app/rich-text/document.ts';
import { db } from '../../app/utils/db.server.ts';
import { DomainError, ForbiddenError } from '../../app/utils/domain-errors.ts';
import { createMember } from '../factories/members.ts';
import { admissibleAmendment, roundOn, votingProgram, writeLive } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const ORIGINAL = 'Public transport is free for everyone under 30. Night trains return to every region.';
const COMPROMISE = 'Public transport is free for everyone under 28. Night trains return to every region.';

/** A program taking amendments, a committee of one, and an admissible amendment by its author. */
async function setup() {
  const ctx = await votingProgram();
  const committee = await createMember({ email: `committee.${Date.now()}.${Math.random()}@example.org` });
  const member = await db().member.findUniqueOrThrow({ where: { id: committee.id } });
  await addCommitteeMember({ actor: ctx.moderator, slug: ctx.slug, email: member.email });
  const { id, author } = await admissibleAmendment(ctx.slug, ctx.sections[0]!, ORIGINAL, 'Free transport to 30');
  return { ...ctx, committee, amendmentId: id, author };
}

describe('the drafting committee', () => {
  it('is named by moderators only, and shown to every reader', async () => {
    const ctx = await setup();
    const outsider = await createMember();
    const someone = await createMember();
    const email = (await db().member.findUniqueOrThrow({ where: { id: someone.id } })).email;
    await expect(addCommitteeMember({ actor: outsider, slug: ctx.slug, email })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addCommitteeMember({ actor: ctx.moderator, slug: ctx.slug, email: 'nobody@example.org' }),
    ).rejects.toMatchObject({
      key: 'drafters.errors.noSuchMember',
    });
    // Naming twice changes nothing.
    await addCommitteeMember({ actor: ctx.moderator, slug: ctx.slug, email });
    await addCommitteeMember({ actor: ctx.moderator, slug: ctx.slug, email });
    const page = await committeePage(null, ctx.slug);
    expect(page.members).toHaveLength(2);
    expect(page.canManage).toBe(false);
    await removeCommitteeMember({ actor: ctx.moderator, slug: ctx.slug, memberId: someone.id });
    expect((await committeePage(ctx.moderator, ctx.slug)).members.map((m) => m.id)).toEqual([ctx.committee.id]);
    const events = await db().auditEvent.findMany({ where: { action: { startsWith: 'committee.member_' } } });
    expect(events.map((e) => e.action).sort()).toEqual([
      'committee.member_added',
      'committee.member_added',
      'committee.member_removed',
    ]);
  });

  it('alone recommends: neither a member, an author nor a moderator outside it may', async () => {
    const ctx = await setup();
    const member = await createMember();
    for (const actor of [member, ctx.author, ctx.moderator, null]) {
      await expect(
        recommend({ actor, amendmentId: ctx.amendmentId, kind: 'REJECT', reason: 'Too costly for now.' }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(await db().recommendation.count()).toBe(0);
    expect((await amendmentPage(ctx.moderator, ctx.slug, ctx.amendmentId)).committee.canRecommend).toBe(false);
    expect((await amendmentPage(ctx.committee, ctx.slug, ctx.amendmentId)).committee.canRecommend).toBe(true);
  });

  it('records a recommendation with its public reason, once, and tells the authors', async () => {
    const ctx = await setup();
    const props = { actor: ctx.committee, amendmentId: ctx.amendmentId, kind: 'ADOPT' as const, reason: 'Costed.' };
    expect(await recommend(props)).toEqual({ compromiseId: null });
    // The same recommendation again (a second click) records nothing new.
    await recommend(props);
    const audited = await db().auditEvent.findMany({ where: { action: 'amendment.recommended' } });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.reason).toBe('Costed.');
    const notices = await db().notification.findMany({ where: { memberId: ctx.author.id, kind: 'RECOMMENDED' } });
    expect(notices).toHaveLength(1);
    // The public sees it on the amendment's page.
    const page = await amendmentPage(null, ctx.slug, ctx.amendmentId);
    expect(page.committee.recommendation).toMatchObject({ kind: 'ADOPT', reason: 'Costed.', compromise: null });
    expect(page.timeline.map((s) => s.step)).toContain('recommended');
    // A later one replaces it.
    await recommend({ ...props, kind: 'REJECT', reason: 'On reflection, too costly.' });
    const views = await recommendationsFor(db(), [ctx.amendmentId]);
    expect(views.get(ctx.amendmentId)).toMatchObject({ kind: 'REJECT', reason: 'On reflection, too costly.' });
  });

  it('drafts a compromise live that joins the group and replaces the original in its round once its author agrees', async () => {
    const ctx = await setup();
    const roundId = await roundOn(ctx, [ctx.amendmentId], {
      opensAt: new Date(Date.now() + 3600_000),
      closesAt: new Date(Date.now() + 7200_000),
    });
    const { compromiseId } = await recommend({
      actor: ctx.committee,
      amendmentId: ctx.amendmentId,
      kind: 'ADOPT_MODIFIED',
      reason: 'Under 28 fits the budget.',
    });
    expect(compromiseId).toBeTruthy();
    // Asking again keeps the same compromise.
    await recommend({
      actor: ctx.committee,
      amendmentId: ctx.amendmentId,
      kind: 'ADOPT_MODIFIED',
      reason: 'Under 28 fits the budget.',
    });
    expect(await db().amendment.count({ where: { compromiseOfId: ctx.amendmentId } })).toBe(1);
    // Its live draft starts from the original's text; the committee writes it; nobody else sees it yet.
    const live = await readLiveText(liveDocumentName.amendment(compromiseId!), null);
    expect(docToPlainText(live).trim()).toBe(ORIGINAL);
    await expect(getAmendment(ctx.author, ctx.slug, compromiseId!)).rejects.toMatchObject({ kind: 'not-found' });
    await writeLive(liveDocumentName.amendment(compromiseId!), COMPROMISE);
    // Only the committee submits it.
    await expect(submitDraft({ actor: ctx.author, id: compromiseId! })).rejects.toBeInstanceOf(DomainError);
    expect((await amendmentPage(ctx.author, ctx.slug, ctx.amendmentId)).committee.canAccept).toBe(false);
    await submitDraft({ actor: ctx.committee, id: compromiseId! });
    const [original, compromise] = await Promise.all([
      db().amendment.findUniqueOrThrow({ where: { id: ctx.amendmentId } }),
      db().amendment.findUniqueOrThrow({ where: { id: compromiseId! } }),
    ]);
    expect(compromise.status).toBe('ADMISSIBLE');
    expect(compromise.collisionGroup).toBe(original.collisionGroup);
    expect(compromise.collisionGroup).not.toBeNull();
    expect(compromise.roundId).toBe(roundId);
    expect(await db().notification.count({ where: { memberId: ctx.author.id, kind: 'COMPROMISE_PROPOSED' } })).toBe(1);

    // A member who is not an author may not accept it; the author may, once.
    const member = await createMember();
    await expect(acceptCompromise({ actor: member, id: ctx.amendmentId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await amendmentPage(ctx.author, ctx.slug, ctx.amendmentId)).committee.canAccept).toBe(true);
    expect(await acceptCompromise({ actor: ctx.author, id: ctx.amendmentId })).toBe(compromiseId);
    await expect(acceptCompromise({ actor: ctx.author, id: ctx.amendmentId })).rejects.toBeInstanceOf(DomainError);
    const replaced = await db().amendment.findUniqueOrThrow({ where: { id: ctx.amendmentId } });
    expect(replaced).toMatchObject({ status: 'MERGED', mergedIntoId: compromiseId, roundId: null });
    const log = await db().auditEvent.findMany({
      where: { action: { in: ['amendment.replaced', 'amendment.compromise_accepted'] } },
    });
    expect(log.map((e) => [e.action, e.actorId])).toEqual([
      ['amendment.replaced', ctx.author.id],
      ['amendment.compromise_accepted', ctx.author.id],
    ]);

    // The round opens with the compromise alone as its question, the recommendation beside it.
    await openRound(roundId, new Date(Date.now() + 3600_000 + 1000));
    const view = await getRound(null, ctx.slug, roundId, new Date(Date.now() + 3600_000 + 2000));
    expect(view.questions.map((q) => [q.kind, q.amendmentId])).toEqual([['YES_NO', compromiseId]]);
    expect(view.recommendations[compromiseId!]).toMatchObject({
      kind: 'ADOPT_MODIFIED',
      reason: 'Under 28 fits the budget.',
      compromiseOf: { id: ctx.amendmentId, title: 'Free transport to 30' },
    });
  });

  it('withdraws its compromise when it changes its mind, and competes with the original unless its authors agree', async () => {
    const ctx = await setup();
    const { compromiseId } = await recommend({
      actor: ctx.committee,
      amendmentId: ctx.amendmentId,
      kind: 'ADOPT_MODIFIED',
      reason: 'A middle way.',
    });
    await recommend({ actor: ctx.committee, amendmentId: ctx.amendmentId, kind: 'ADOPT', reason: 'As it is.' });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: compromiseId! } })).status).toBe('WITHDRAWN');
    const again = await recommend({
      actor: ctx.committee,
      amendmentId: ctx.amendmentId,
      kind: 'ADOPT_MODIFIED',
      reason: 'A middle way after all.',
    });
    expect(again.compromiseId).not.toBe(compromiseId);
    await writeLive(liveDocumentName.amendment(again.compromiseId!), COMPROMISE);
    await submitDraft({ actor: ctx.committee, id: again.compromiseId! });
    // Without the authors' agreement both go to the vote: one preferential question.
    const roundId = await roundOn(ctx, [ctx.amendmentId]);
    const view = await getRound(null, ctx.slug, roundId);
    expect(view.questions).toHaveLength(1);
    expect(view.questions[0]!.kind).toBe('PREFERENTIAL');
    expect(view.questions[0]!.alternatives.map((a) => a.id).sort()).toEqual(
      ['keep', ctx.amendmentId, again.compromiseId!].sort(),
    );
    // Once the vote is open, neither a recommendation nor an acceptance changes anything.
    await expect(acceptCompromise({ actor: ctx.author, id: ctx.amendmentId })).rejects.toBeInstanceOf(DomainError);
    await expect(
      recommend({ actor: ctx.committee, amendmentId: ctx.amendmentId, kind: 'REJECT', reason: 'Too late.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
