import { describe, expect, it } from 'vitest';
import { publishVersion } from '../../app/modules/publication/publish.server.ts';
import { getVersion, getVersionSection, versionSections } from '../../app/modules/publication/versions.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { roundDefinition } from '../../app/modules/voting/definition.server.ts';
import { rescheduleClose } from '../../app/modules/voting/rounds.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import {
  admissibleAmendment,
  admissibleChange,
  manyMembers,
  SECTION_TEXT,
  votingProgram,
  roundOn,
  writeLive,
} from '../factories/voting.ts';
import { noteWriters } from '../../app/modules/live-text/storage.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

async function adopt(ctx: Awaited<ReturnType<typeof votingProgram>>, ids: string[]) {
  const voters = await manyMembers(3);
  const roundId = await roundOn(ctx, ids, { title: 'Spring vote', explanation: 'Adopt.' });
  const definition = await roundDefinition(db(), roundId);
  for (const [i, voter] of voters.entries()) {
    const answers = Object.fromEntries(definition.questions.map((q) => [q.id, i < 2 ? 'YES' : 'NO']));
    await castBallot({ actor: voter, roundId, answers, definition });
  }
  await rescheduleClose({ actor: ctx.moderator, roundId, closesAt: new Date(), reason: 'Counted now.' });
  return roundId;
}

describe('published versions', () => {
  it('freeze the text with the provenance of each changed passage, and list the changes since the last one', async () => {
    const ctx = await votingProgram();
    await expect(publishVersion({ actor: await createMember(), slug: ctx.slug, note: 'No' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'The first draft.' })).toBe(1);
    const cities = await admissibleChange(ctx, 'every region', 'every city', 'Cities');
    const roundId = await adopt(ctx, [cities.id]);
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'After the spring vote.' })).toBe(2);

    const v1 = await getVersionSection(ctx.slug, 1, ctx.sections[0]!);
    expect(JSON.stringify(v1.doc)).not.toContain('"src"');
    const v2 = await getVersionSection(ctx.slug, 2, ctx.sections[0]!);
    const runs = v2.doc.content.flatMap((b) => ('content' in b && b.type === 'paragraph' ? (b.content ?? []) : []));
    expect(runs.map((r) => (r.type === 'text' ? [r.text, r.src ?? null] : null))).toEqual([
      ['Public transport is free for everyone under 26. Night trains return to every', null],
      [' city', cities.id],
      ['.', null],
    ]);
    const version = await getVersion(ctx.slug, 2);
    expect(version.changelog.map((c) => ('amendmentId' in c ? [c.amendmentId, c.title, c.section.number] : c))).toEqual(
      [[cities.id, 'Cities', '1.1']],
    );
    expect(version.outline.sources[cities.id]).toMatchObject({
      title: 'Cities',
      authors: [cities.author.displayName],
      round: { id: roundId, number: 1, title: 'Spring vote' },
      result: { kind: 'YES_NO', yes: 2, no: 1, abstain: 0, adopted: true },
      turnout: { ballots: 3 },
    });
    expect((await getVersion(ctx.slug, 1)).changelog).toEqual([]);
    // A third version without new adoptions lists no change; old versions stay as they were.
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'Typos.' })).toBe(3);
    expect((await getVersion(ctx.slug, 3)).changelog).toEqual([]);
    expect((await versionSections(ctx.slug, 1)).map((s) => s.text)).toEqual([SECTION_TEXT, SECTION_TEXT]);
    // The database itself refuses to change a published version.
    await expect(
      db().programVersion.updateMany({ where: { programId: ctx.programId }, data: { note: 'rewritten' } }),
    ).rejects.toThrow();
  });

  it('attributes changes made outside amendments to a direct edit: phase, time, and writers only if named', async () => {
    const ctx = await votingProgram();
    const [first, second] = ctx.sections as [string, string];
    const drafter = await createMember({ displayName: 'Dana Drafter' });
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'The first draft.' })).toBe(1);
    const before = new Date();
    // A drafter writes into the first section between two versions; an amendment changes the second.
    await writeLive(liveDocumentName.section(first), SECTION_TEXT.replace('under 26', 'under 28'));
    await noteWriters([{ name: liveDocumentName.section(first), memberId: drafter.id }]);
    const cities = await admissibleAmendment(
      ctx.slug,
      second,
      SECTION_TEXT.replace('every region', 'every city'),
      'Cities',
    );
    await adopt(ctx, [cities.id]);
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'Second.' })).toBe(2);

    const v2 = await getVersion(ctx.slug, 2);
    const editId = `edit:${first}:2`;
    expect(v2.changelog.map((c) => ('editId' in c ? ['EDIT', c.editId, c.section.number] : [c.amendmentId]))).toEqual([
      [cities.id],
      ['EDIT', editId, '1.1'],
    ]);
    const edit = v2.outline.sources[editId]!;
    // The program does not publish drafters' names (the default): the edit is dated and phased, nobody named.
    expect(edit).toMatchObject({
      kind: 'EDIT',
      authorIds: [],
      authors: [],
      edit: { phases: ['AMENDING'], named: false },
    });
    expect(new Date(edit.edit!.from).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const runs = (await getVersionSection(ctx.slug, 2, first)).doc.content.flatMap((b) =>
      'content' in b && b.type === 'paragraph' ? (b.content ?? []) : [],
    );
    expect(runs.map((r) => (r.type === 'text' ? [r.text, r.src ?? null] : null))).toEqual([
      ['Public transport is free for everyone under', null],
      [' 28', editId],
      ['. Night trains return to every region.', null],
    ]);
    expect(v2.outline.chapters[0]!.sections[0]!.changedBy).toEqual([editId]);

    // Once the program names its drafters, the next edit names its writer; the earlier edit keeps its mark.
    await db().program.update({ where: { id: ctx.programId }, data: { drafterNamesPublic: true } });
    await writeLive(
      liveDocumentName.section(first),
      SECTION_TEXT.replace('under 26', 'under 28').replace('Night', 'Fast night'),
    );
    await noteWriters([{ name: liveDocumentName.section(first), memberId: drafter.id }]);
    expect(await publishVersion({ actor: ctx.moderator, slug: ctx.slug, note: 'Third.' })).toBe(3);
    const v3 = await getVersion(ctx.slug, 3);
    expect(v3.outline.sources[`edit:${first}:3`]).toMatchObject({
      authors: ['Dana Drafter'],
      edit: { phases: ['AMENDING'], named: true },
    });
    const runs3 = (await getVersionSection(ctx.slug, 3, first)).doc.content.flatMap((b) =>
      'content' in b && b.type === 'paragraph' ? (b.content ?? []) : [],
    );
    expect(runs3.map((r) => (r.type === 'text' ? [r.text, r.src ?? null] : null))).toEqual([
      ['Public transport is free for everyone under', null],
      [' 28', editId],
      ['.', null],
      [' Fast night', `edit:${first}:3`],
      [' trains return to every region.', null],
    ]);
    // The second section, changed by its amendment only, has no direct edit.
    expect(v3.changelog).toEqual([
      { kind: 'EDIT', editId: `edit:${first}:3`, section: expect.objectContaining({ id: first }) },
    ]);
  });
});
