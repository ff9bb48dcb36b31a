import { describe, expect, it } from 'vitest';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import {
  createGroup,
  decideGroup,
  endorseAmendment,
  getGroup,
  groupSizes,
  joinGroup,
  listGroups,
} from '../../app/modules/groups/groups.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { SECTION_TEXT, votingProgram, writeLive } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

describe('local groups', () => {
  it('are created by members, validated by moderators, and show their members to their members only', async () => {
    const ctx = await votingProgram();
    const founder = await createMember({ displayName: 'Founder' });
    const neighbour = await createMember({ displayName: 'Neighbour' });
    const outsider = await createMember();
    const id = await createGroup({
      actor: founder,
      name: 'Cercle de Belleville',
      area: 'Paris 20e',
      description: 'Réunions le jeudi soir.',
    });
    // Waiting: only its members and moderators see it.
    expect((await listGroups(outsider)).map((g) => g.id)).not.toContain(id);
    await expect(decideGroup({ actor: founder, groupId: id, validate: true, reason: 'Self' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await decideGroup({ actor: ctx.moderator, groupId: id, validate: true, reason: 'Local and real' });
    expect((await listGroups(outsider, { area: 'paris' }))[0]).toMatchObject({ id, near: true, size: 1 });
    await joinGroup({ actor: neighbour, groupId: id });
    expect((await getGroup(neighbour, id)).members.map((m) => m.name)).toEqual(['Founder', 'Neighbour']);
    const seen = await getGroup(outsider, id);
    expect(seen.members).toEqual([]);
    expect(seen.group.size).toBe(2);
    expect(await groupSizes()).toMatchObject({
      validated: 1,
      distribution: expect.arrayContaining([{ label: '1-4', groups: 1 }]),
    });
  });

  it('count under the group-share threshold: endorsements by validated groups qualify an amendment', async () => {
    const ctx = await votingProgram();
    await db().group.updateMany({ data: { status: 'REJECTED' } });
    // Four validated groups; the threshold is half of them.
    const coordinators = await Promise.all([1, 2, 3, 4].map((i) => createMember({ displayName: `Coordinator ${i}` })));
    const groups: string[] = [];
    for (const [i, c] of coordinators.entries()) {
      const id = await createGroup({
        actor: c,
        name: `Groupe ${ctx.slug} ${i}`,
        area: `Ville ${i}`,
        description: 'Un groupe local actif.',
      });
      await decideGroup({ actor: ctx.moderator, groupId: id, validate: true, reason: 'Validated' });
      groups.push(id);
    }
    await db().program.update({ where: { id: ctx.programId }, data: { supportRule: 'GROUP_SHARE', supportValue: 50 } });
    const author = await createMember();
    const amendmentId = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[0]!,
      kind: 'CHANGE',
      title: 'Groups want it',
      justification: 'Asked by the local groups.',
    });
    await writeLive(liveDocumentName.amendment(amendmentId), SECTION_TEXT.replace('26', '30'));
    await submitAmendment({ actor: author, id: amendmentId });
    const submitted = await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } });
    expect(submitted).toMatchObject({ supportRule: 'GROUP_SHARE', supportDenominator: 4, supportsNeeded: 2 });
    // Members' supports do not count under this rule; a group's member who is not a coordinator cannot endorse.
    await supportAmendment({ actor: await createMember(), id: amendmentId });
    const member = await createMember();
    await joinGroup({ actor: member, groupId: groups[0]! });
    await expect(endorseAmendment({ actor: member, groupId: groups[0]!, amendmentId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await endorseAmendment({ actor: coordinators[0]!, groupId: groups[0]!, amendmentId });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe('SUBMITTED');
    await endorseAmendment({ actor: coordinators[1]!, groupId: groups[1]!, amendmentId });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe('QUALIFIED');
  });

  it('show the public the endorsements of amendments it may read, not those of a draft closed to it', async () => {
    const ctx = await votingProgram();
    const coordinator = await createMember();
    const groupId = await createGroup({
      actor: coordinator,
      name: `Groupe ouvert ${ctx.slug}`,
      area: 'Lyon',
      description: 'Un groupe local.',
    });
    await decideGroup({ actor: ctx.moderator, groupId, validate: true, reason: 'Validated' });
    const author = await createMember();
    const amendmentId = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[0]!,
      kind: 'CHANGE',
      title: 'Endorsed in a closed draft',
      justification: 'Asked by the group.',
    });
    await writeLive(liveDocumentName.amendment(amendmentId), SECTION_TEXT.replace('26', '28'));
    await submitAmendment({ actor: author, id: amendmentId });
    await endorseAmendment({ actor: coordinator, groupId, amendmentId });
    expect((await getGroup(null, groupId)).endorsements.map((e) => e.id)).toEqual([amendmentId]);

    // The program closes its draft to the public: its amendments' titles and its address are members' only.
    await db().program.update({ where: { id: ctx.programId }, data: { draftIsPublic: false } });
    const seen = await getGroup(null, groupId);
    expect(seen.endorsements).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('Endorsed in a closed draft');
    expect(JSON.stringify(seen)).not.toContain(`"slug":"${ctx.slug}"`);
    expect((await getGroup(await createMember(), groupId)).endorsements.map((e) => e.id)).toEqual([amendmentId]);
  });

  it('refuse an endorsement of an amendment by one of its authors, even as their group’s coordinator', async () => {
    const ctx = await votingProgram();
    await db().group.updateMany({ data: { status: 'REJECTED' } });
    const author = await createMember({ displayName: 'Author and coordinator' });
    const groupId = await createGroup({
      actor: author,
      name: `Cercle de l’auteur ${ctx.slug}`,
      area: 'Lyon',
      description: 'Le groupe que coordonne l’auteur.',
    });
    await decideGroup({ actor: ctx.moderator, groupId, validate: true, reason: 'Validated' });
    // One validated group: its endorsement alone would qualify the amendment.
    await db().program.update({
      where: { id: ctx.programId },
      data: { supportRule: 'GROUP_SHARE', supportValue: 100 },
    });
    const amendmentId = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sections[0]!,
      kind: 'CHANGE',
      title: 'My own amendment',
      justification: 'Endorsed by my own group?',
    });
    await writeLive(liveDocumentName.amendment(amendmentId), SECTION_TEXT.replace('26', '30'));
    await submitAmendment({ actor: author, id: amendmentId });

    await expect(endorseAmendment({ actor: author, groupId, amendmentId })).rejects.toMatchObject({
      key: 'groups.errors.ownAmendment',
    });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe('SUBMITTED');
    expect(await db().groupEndorsement.count({ where: { amendmentId } })).toBe(0);
    // Another coordinator of the same group may endorse it: the group, not its author, decides.
    const other = await createMember();
    await joinGroup({ actor: other, groupId });
    await db().groupMembership.update({
      where: { groupId_memberId: { groupId, memberId: other.id } },
      data: { coordinator: true },
    });
    await endorseAmendment({ actor: other, groupId, amendmentId });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).status).toBe('QUALIFIED');
  });
});
