import { describe, expect, it } from 'vitest';
import { searchAmendments } from '../../app/modules/amendments/search.server.ts';
import { decideAdmissibility } from '../../app/modules/amendments/moderation.server.ts';
import { moderateComment, postComment } from '../../app/modules/debate/comments.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { qualifiedAmendment } from '../factories/amendments.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

async function program() {
  const { id: programId, slug } = await createTestProgram({ shape: [1, 1], phase: 'AMENDING' });
  await db().program.update({ where: { id: programId }, data: { supportRule: 'ABSOLUTE', supportValue: 1 } });
  const outline = await getProgramOutline(null, slug);
  const [first, second] = outline.chapters.map((c) => ({ chapterId: c.id, sectionId: c.sections[0]!.id }));
  const moderator = await createMember({ role: 'MODERATOR' });
  const author = await createMember();
  const supporter = await createMember();
  const amend = (at: { sectionId: string }, title: string, text: string) =>
    qualifiedAmendment({ slug, sectionId: at.sectionId, author, supporter }, { title, text });
  return { slug, first: first!, second: second!, moderator, author, supporter, amend };
}

/** What a hit says: its title, whether it is a comment, and the words marked in its snippet. */
const seen = (hits: Awaited<ReturnType<typeof searchAmendments>>) =>
  hits.map((h) => ({
    title: h.title,
    comment: h.commentId !== null,
    marked: h.snippet.filter((p) => p.mark).map((p) => p.text),
  }));

describe('search over amendments and comments', () => {
  it('finds words in French, Spanish and English by their stems, in amendments and in comments', async () => {
    const p = await program();
    const tram = await p.amend(p.first, 'Des tramways', 'Les transports publics deviennent gratuits le dimanche.');
    await p.amend(p.second, 'Viviendas', 'Las viviendas sociales se construyen cerca del centro.');
    await p.amend(p.second, 'Libraries', 'Public libraries open on Sundays.');
    await postComment({
      actor: p.supporter,
      amendmentId: tram,
      stance: 'FOR',
      body: 'Le transport gratuit aide tout le monde.',
    });

    const transport = seen(await searchAmendments(p.moderator, p.slug, 'transport'));
    expect(transport).toHaveLength(2);
    expect(transport).toEqual(
      expect.arrayContaining([
        { title: 'Des tramways', comment: false, marked: ['transports'] },
        { title: 'Des tramways', comment: true, marked: ['transport'] },
      ]),
    );
    expect(seen(await searchAmendments(p.moderator, p.slug, 'vivienda'))).toEqual([
      { title: 'Viviendas', comment: false, marked: ['Viviendas', 'viviendas'] },
    ]);
    expect(seen(await searchAmendments(p.moderator, p.slug, 'library'))).toEqual([
      { title: 'Libraries', comment: false, marked: ['Libraries', 'libraries'] },
    ]);
    expect(await searchAmendments(p.moderator, p.slug, 'nothingmatcheshere')).toEqual([]);
    expect(await searchAmendments(p.moderator, p.slug, '   ')).toEqual([]);
  });

  it('applies the list’s filters (chapter, status, own, competing) and leaves hidden comments out', async () => {
    const p = await program();
    const a = await p.amend(p.first, 'Budget one', 'The participatory budget doubles.');
    const b = await p.amend(p.second, 'Budget two', 'The participatory budget is voted by every district.');
    await decideAdmissibility({ actor: p.moderator, id: b, admissible: true, reason: 'Fine' });
    const titles = async (filters: Parameters<typeof searchAmendments>[3], actor = p.moderator) =>
      (await searchAmendments(actor, p.slug, 'budget', filters)).map((h) => h.title).sort();
    expect(await titles({})).toEqual(['Budget one', 'Budget two']);
    expect(await titles({ chapterId: p.first.chapterId })).toEqual(['Budget one']);
    expect(await titles({ status: 'ADMISSIBLE' })).toEqual(['Budget two']);
    expect(await titles({ colliding: true })).toEqual([]);
    expect(await titles({ mine: true }, p.author)).toEqual(['Budget one', 'Budget two']);
    expect(await titles({ mine: true }, p.supporter)).toEqual([]);

    const comment = await postComment({
      actor: p.supporter,
      amendmentId: a,
      stance: 'AGAINST',
      body: 'A hateful remark about zucchini.',
    });
    expect(await searchAmendments(p.moderator, p.slug, 'zucchini')).toHaveLength(1);
    await moderateComment({ actor: p.moderator, commentId: comment, hide: true, reason: 'Insulting' });
    expect(await searchAmendments(p.moderator, p.slug, 'zucchini')).toEqual([]);
  });
});
