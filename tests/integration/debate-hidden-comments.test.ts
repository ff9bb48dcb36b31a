import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { DebateError, moderateComment, postComment } from '../../app/modules/debate/comments.server.ts';
import { listComments } from '../../app/modules/debate/debate.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

describe('a comment hidden by moderators', () => {
  it('offers no reply any more, and refuses one sent anyway; its replies can still be answered', async () => {
    const { slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
    const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
    const author = await createMember();
    const amendmentId = await startAmendment({
      actor: author,
      slug,
      sectionId,
      kind: 'CHANGE',
      title: 'Free night trains',
      justification: 'Because it matters to people.',
    });
    await db().collabDocument.create({
      data: {
        name: liveDocumentName.amendment(amendmentId),
        snapshot: Buffer.from(encodeDocAsUpdate(doc('A new text.'))),
      },
    });
    await submitAmendment({ actor: author, id: amendmentId });
    const [ana, ben] = [await createMember(), await createMember()];
    const moderator = await createMember({ role: 'MODERATOR' });
    const top = await postComment({ actor: ana, amendmentId, stance: 'AGAINST', body: 'Rude words.' });
    const reply = await postComment({ actor: ben, amendmentId, parentId: top, body: 'Please be civil.' });
    await moderateComment({ actor: moderator, commentId: top, reason: 'Insults', hide: true });

    const [thread] = (await listComments(ben, amendmentId)).threads;
    expect(thread!.hidden).toMatchObject({ reason: 'Insults' });
    expect(thread!.can.reply).toBe(false);
    expect(thread!.replies[0]!.can.reply).toBe(true);
    const refused = await postComment({ actor: ben, amendmentId, parentId: top, body: 'Answering anyway.' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DebateError);
    expect((refused as DebateError).key).toBe('debate.errors.hiddenParent');
    expect(await db().comment.count({ where: { amendmentId } })).toBe(2);
    await postComment({ actor: ana, amendmentId, parentId: reply, body: 'Sorry.' });
    expect(await db().comment.count({ where: { amendmentId } })).toBe(3);
  });
});
