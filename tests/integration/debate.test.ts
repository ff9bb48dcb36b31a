import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { mergeDuplicate, ModerationError, moderationLog } from '../../app/modules/amendments/moderation.server.ts';
import {
  DebateError,
  editComment,
  moderateComment,
  postComment,
  reportComment,
} from '../../app/modules/debate/comments.server.ts';
import { DEBATE_PAGE_THREADS, debatePageRequest, listComments } from '../../app/modules/debate/debate.server.ts';
import { amendmentPage } from '../../app/modules/amendments/amendment-page.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { reportedComments } from '../../app/modules/debate/reported-comments.server.ts';
import { PostCommentSchema } from '../../app/modules/debate/comments.schema.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

async function submitted(title = 'Free night trains') {
  const { slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
  const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
  const author = await createMember();
  const id = await startAmendment({
    actor: author,
    slug,
    sectionId,
    kind: 'CHANGE',
    title,
    justification: 'Because it matters to people.',
  });
  await db().collabDocument.create({
    data: { name: liveDocumentName.amendment(id), snapshot: Buffer.from(encodeDocAsUpdate(doc('A new text.'))) },
  });
  await submitAmendment({ actor: author, id });
  return { slug, sectionId, id, author };
}

describe('the debate on an amendment', () => {
  it('threads comments for, against and questions, and keeps HTML and unsafe links out', async () => {
    const { id } = await submitted();
    const ana = await createMember({ displayName: 'Ana' });
    const ben = await createMember({ displayName: 'Ben' });
    await expect(postComment({ actor: null, amendmentId: id, stance: 'FOR', body: 'Yes!' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const top = await postComment({
      actor: ana,
      amendmentId: id,
      stance: 'AGAINST',
      body: 'Too costly. <script>alert(1)</script> See [this](javascript:alert(1)) and **that**.',
    });
    const reply = await postComment({ actor: ben, amendmentId: id, parentId: top, body: 'It pays for itself.' });
    // Replies nest four deep at most; deeper ones join the fourth level.
    let parent = reply;
    for (let i = 0; i < 4; i++)
      parent = await postComment({ actor: ana, amendmentId: id, parentId: parent, body: `r${i}` });
    await postComment({ actor: ben, amendmentId: id, stance: 'QUESTION', body: 'Who pays?' });

    const { threads, counts } = await listComments(null, id);
    expect(counts).toEqual({ FOR: 0, AGAINST: 1, QUESTION: 1 });
    expect(threads.map((t) => [t.author, t.stance])).toEqual([
      ['Ana', 'AGAINST'],
      ['Ben', 'QUESTION'],
    ]);
    const body = JSON.stringify(threads[0]!.body);
    expect(body).not.toContain('javascript:');
    expect(body).toContain('<script>'); // shown as the text it is, never as HTML
    expect(threads[0]!.replies[0]!.stance).toBeNull();
    const depth = (c: (typeof threads)[number]): number => 1 + Math.max(0, ...c.replies.map(depth));
    expect(depth(threads[0]!)).toBe(4);
    // The public reads, and may do nothing.
    expect(threads[0]!.can).toEqual({ edit: false, report: false, moderate: false, reply: false });
    await expect(
      postComment({ actor: ana, amendmentId: id, parentId: 'aaaaaaaaaaaaaaaa', body: 'Lost reply' }),
    ).rejects.toBeInstanceOf(DebateError);
  });

  it('shows a long debate a page of threads at a time, with every reply beside its thread', async () => {
    const { slug, id } = await submitted();
    const ana = await createMember({ displayName: 'Ana' });
    const ben = await createMember({ displayName: 'Ben' });
    // 65 threads, oldest first, each with a reply (the last thread's reply nested twice), written as postComment
    // would (its rate limit would take an hour of posting here).
    const start = Date.parse('2026-11-01T10:00:00Z');
    const threads = Array.from({ length: 65 }, () => newId());
    const rows = threads.flatMap((thread, i) => [
      { id: thread, parentId: null, stance: (['FOR', 'AGAINST', 'QUESTION'] as const)[i % 3], author: ana, at: 2 * i },
      { id: newId(), parentId: thread, stance: null, author: ben, at: 2 * i + 1 },
    ]);
    const nested = { id: newId(), parentId: rows.at(-1)!.id, stance: null, author: ana, at: 200 };
    for (const r of [...rows, nested]) {
      await db().comment.create({
        data: {
          id: r.id,
          amendmentId: id,
          authorId: r.author.id,
          parentId: r.parentId,
          stance: r.stance,
          body: doc(`Comment ${r.id}`),
          source: `Comment ${r.id}`,
          createdAt: new Date(start + r.at * 60_000),
        },
      });
    }
    const first = await amendmentPage(ana, slug, id);
    expect(DEBATE_PAGE_THREADS).toBe(30);
    expect(first.debate.threads.map((t) => t.id)).toEqual(threads.slice(0, 30));
    expect(first.debate.threads.every((t) => t.replies.length === 1 && t.replies[0]!.author === 'Ben')).toBe(true);
    expect(first.debate.page).toEqual({ number: 1, count: 3, firstThread: 1, lastThread: 30, threads: 65 });
    // Counts are the whole debate's, whichever page is shown.
    expect(first.debate.counts).toEqual({ FOR: 22, AGAINST: 22, QUESTION: 21 });
    expect(first.debate.total).toBe(131);

    const last = await amendmentPage(ana, slug, id, { page: 3 });
    expect(last.debate.threads.map((t) => t.id)).toEqual(threads.slice(60));
    expect(last.debate.page).toMatchObject({ number: 3, firstThread: 61, lastThread: 65 });
    expect(last.debate.threads.at(-1)!.replies[0]!.replies[0]!.id).toBe(nested.id);
    // A page past the end shows the last one; a comment's page is its thread's, replies included.
    expect((await amendmentPage(ana, slug, id, { page: 9 })).debate.page.number).toBe(3);
    expect((await amendmentPage(ana, slug, id, { comment: rows[2 * 40 + 1]!.id })).debate.page.number).toBe(2);
    expect((await amendmentPage(ana, slug, id, { comment: nested.id })).debate.page.number).toBe(3);
    expect((await amendmentPage(ana, slug, id, { comment: 'nope', page: 2 })).debate.page.number).toBe(2);
    // The address says which page: anything else is the first.
    const url = (q: string) => debatePageRequest(new URL(`http://x/p/${slug}/amendments/${id}${q}`));
    expect(url('?debate=2')).toEqual({ page: 2, comment: undefined });
    expect(url('?debate=-1&comment=%3Cscript%3E')).toEqual({ page: undefined, comment: undefined });
    expect(url(`?debate=1e309&comment=${nested.id}`)).toEqual({ page: undefined, comment: nested.id });
    // listComments (the debate as data) still gives every thread.
    expect((await listComments(ana, id)).threads).toHaveLength(65);
  });

  it('asks for a stance, lets authors edit for 15 minutes, and limits the posting rate', async () => {
    const noStance = PostCommentSchema.safeParse({ body: 'An opinion' });
    expect(noStance.error?.issues.map((i) => i.message)).toEqual(['debate.errors.stanceRequired']);
    expect(PostCommentSchema.safeParse({ body: 'A reply', parentId: 'aaaaaaaaaaaaaaaa' }).success).toBe(true);
    const { id } = await submitted();
    const ana = await createMember();
    const start = new Date();
    const cid = await postComment({ actor: ana, amendmentId: id, stance: 'FOR', body: 'First version', now: start });
    await editComment({ actor: ana, commentId: cid, body: 'Second version', now: new Date(start.getTime() + 60_000) });
    const ben = await createMember();
    await expect(editComment({ actor: ben, commentId: cid, body: 'Hijacked' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      editComment({ actor: ana, commentId: cid, body: 'Too late', now: new Date(start.getTime() + 16 * 60_000) }),
    ).rejects.toMatchObject({ key: 'debate.errors.editClosed' });
    const row = await db().comment.findUniqueOrThrow({ where: { id: cid } });
    expect(row.source).toBe('Second version');
    expect(row.editedAt).not.toBeNull();

    // Four more in the same minute are fine; the sixth is refused with the wait.
    for (let i = 0; i < 4; i++) await postComment({ actor: ana, amendmentId: id, stance: 'FOR', body: `More ${i}` });
    const refused = await postComment({ actor: ana, amendmentId: id, stance: 'FOR', body: 'Spam' }).catch((e) => e);
    expect(refused).toBeInstanceOf(DebateError);
    expect(refused).toMatchObject({ key: 'debate.errors.tooFast' });
    expect((refused as DebateError).values!.seconds).toBeGreaterThan(0);
    expect(await db().comment.count({ where: { authorId: ana.id } })).toBe(5);

    // A burst sent in parallel gets no further than the limit.
    const eve = await createMember();
    const burst = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        postComment({ actor: eve, amendmentId: id, stance: 'FOR', body: `Burst ${i}` }),
      ),
    );
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(await db().comment.count({ where: { authorId: eve.id } })).toBe(5);
  });

  it('lets members report and moderators hide with a public reason, listed in the moderation log', async () => {
    const { id, slug } = await submitted();
    const troll = await createMember({ displayName: 'Troll' });
    const ana = await createMember();
    const ben = await createMember();
    const moderator = await createMember({ role: 'MODERATOR', displayName: 'Mod' });
    const cid = await postComment({ actor: troll, amendmentId: id, stance: 'AGAINST', body: 'Insults here.' });
    await expect(reportComment({ actor: troll, commentId: cid, reason: 'Self' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await reportComment({ actor: ana, commentId: cid, reason: 'Personal attack' });
    await reportComment({ actor: ana, commentId: cid, reason: 'Again' });
    await reportComment({ actor: ben, commentId: cid, reason: 'Insulting' });
    const queue = await reportedComments(moderator, slug);
    expect(queue.map((q) => q.reports.map((r) => r.reason))).toEqual([['Personal attack', 'Insulting']]);
    await expect(reportedComments(ana, slug)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listComments(moderator, id)).threads[0]!.reports).toBe(2);
    expect((await listComments(ana, id)).threads[0]!.reports).toBe(0);

    await expect(
      moderateComment({ actor: ana, commentId: cid, hide: true, reason: 'I do not like it' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await moderateComment({ actor: moderator, commentId: cid, hide: true, reason: 'Personal attacks are not debate.' });
    const seen = (await listComments(null, id)).threads[0]!;
    expect(seen.body).toBeNull();
    expect(seen.hidden?.reason).toBe('Personal attacks are not debate.');
    expect(await reportedComments(moderator, slug)).toEqual([]);
    const log = await moderationLog(null, slug);
    expect(log[0]).toMatchObject({
      decision: 'COMMENT_HIDDEN',
      by: 'Mod',
      amendmentId: id,
      commentId: cid,
      reason: 'Personal attacks are not debate.',
    });
    // Pages of the log: one decision, so the second page is empty.
    expect(await moderationLog(null, slug, undefined, { skip: 0, take: 1 })).toHaveLength(1);
    expect(await moderationLog(null, slug, undefined, { skip: 1, take: 1 })).toEqual([]);
  });
});

describe('duplicates', () => {
  it('merges a duplicate into the amendment kept, with a public reason, and shows it on both ends', async () => {
    const first = await submitted('Night trains');
    const author = await createMember();
    const dup = await startAmendment({
      actor: author,
      slug: first.slug,
      sectionId: first.sectionId,
      kind: 'CHANGE',
      title: 'Night trains again',
      justification: 'Because it matters to people.',
    });
    await db().collabDocument.create({
      data: { name: liveDocumentName.amendment(dup), snapshot: Buffer.from(encodeDocAsUpdate(doc('Same idea.'))) },
    });
    await submitAmendment({ actor: author, id: dup });
    const moderator = await createMember({ role: 'MODERATOR' });
    await expect(
      mergeDuplicate({ actor: author, id: dup, intoId: first.id, reason: 'Same thing' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      mergeDuplicate({ actor: moderator, id: dup, intoId: dup, reason: 'Same thing' }),
    ).rejects.toBeInstanceOf(ModerationError);
    expect(await db().amendment.findUniqueOrThrow({ where: { id: dup } })).toMatchObject({ collisionGroup: first.id });
    await mergeDuplicate({ actor: moderator, id: dup, intoId: first.id, reason: 'Same proposal as the first.' });
    const page = await getAmendment(null, first.slug, dup);
    expect(page.amendment.status).toBe('MERGED');
    expect(page.mergedInto).toEqual({ id: first.id, title: 'Night trains' });
    expect(page.timeline.map((s) => s.step)).toEqual(['started', 'submitted', 'merged']);
    expect((await getAmendment(null, first.slug, first.id)).competitors).toEqual([]);
    expect((await moderationLog(null, first.slug))[0]).toMatchObject({
      decision: 'MERGED',
      into: { id: first.id, title: 'Night trains' },
      reason: 'Same proposal as the first.',
    });
  });
});
