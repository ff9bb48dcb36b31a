import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import {
  amendmentAccess,
  listAmendments,
  listSectionAmendments,
} from '../../app/modules/amendments/amendments.server.ts';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import {
  startAmendment,
  submitAmendment,
  withdrawAmendment,
} from '../../app/modules/amendments/amendment-commands.server.ts';
import { answerInvitation, inviteCoauthor, leaveAmendment } from '../../app/modules/amendments/coauthors.server.ts';
import { amendmentPage } from '../../app/modules/amendments/amendment-page.server.ts';
import { IllegalTransitionError } from '../../app/modules/amendments/lifecycle.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { createProgram } from '../../app/modules/programs/program-commands.server.ts';
import type { DocNode } from '../../app/rich-text/document.ts';
import { newId } from '../../app/utils/ids.ts';
import { removeSection } from '../../app/modules/programs/structure.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { ForbiddenError, NotFoundError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

/** Writes `text` as an amendment's live draft, as the sync server stores an editor's change. */
async function draftText(amendmentId: string, text: string) {
  const name = liveDocumentName.amendment(amendmentId);
  await db().collabDocument.deleteMany({ where: { name } });
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc(text))) } });
}

async function amendingProgram() {
  const { id, slug } = await createTestProgram({ shape: [2], phase: 'AMENDING' });
  const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
  return { id, slug, sectionId };
}

const change = { kind: 'CHANGE' as const, title: 'Un SMIC plus haut', justification: 'Parce que la vie est chère.' };

describe('privacy of drafts', () => {
  it('keeps a draft withdrawn before submission to its authors', async () => {
    const author = await createMember();
    const other = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    await draftText(id, 'Secret words nobody submitted.');
    await withdrawAmendment({ actor: author, id });
    await expect(getAmendment(null, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAmendment(other, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await amendmentAccess(other, id)).toMatchObject({ read: false, write: false });
    expect(await amendmentAccess(null, id)).toMatchObject({ read: false, write: false });
    expect((await listAmendments(other, slug)).map((a) => a.id)).not.toContain(id);
    expect((await listSectionAmendments(null, sectionId)).map((a) => a.id)).not.toContain(id);
    expect((await getAmendment(author, slug, id)).amendment.status).toBe('WITHDRAWN');
  });

  it('measures a new section against nothing: all of its text is added', async () => {
    const author = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({
      actor: author,
      slug,
      sectionId,
      ...change,
      kind: 'ADD',
      newTitle: 'Night trains',
    });
    await draftText(id, 'A brand new measure.');
    expect((await getAmendment(author, slug, id)).diff).toEqual([{ op: 'insert', text: 'A brand new measure.' }]);
  });
});

describe('starting an amendment', () => {
  it('lets members start one only while the program takes amendments', async () => {
    const member = await createMember();
    const drafting = await createTestProgram({ shape: [1] });
    const sectionId = (await getProgramOutline(null, drafting.slug)).chapters[0]!.sections[0]!.id;
    await expect(startAmendment({ actor: member, slug: drafting.slug, sectionId, ...change })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const { slug, sectionId: s } = await amendingProgram();
    await expect(startAmendment({ actor: null, slug, sectionId: s, ...change })).rejects.toBeInstanceOf(ForbiddenError);
    const id = await startAmendment({ actor: member, slug, sectionId: s, ...change });
    const row = await db().amendment.findUniqueOrThrow({ where: { id }, include: { authors: true } });
    expect(row).toMatchObject({ status: 'DRAFT', kind: 'CHANGE', baseText: doc('Text of section 1-1.') });
    expect(row.authors.map((a) => a.memberId)).toEqual([member.id]);
  });

  it('keeps a draft to its authors: others get not found, through the page and the socket', async () => {
    const author = await createMember();
    const other = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    await expect(getAmendment(other, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAmendment(null, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await amendmentAccess(other, id)).toMatchObject({ read: false, write: false });
    expect(await amendmentAccess(author, id)).toMatchObject({ read: true, write: true });
    expect(await listSectionAmendments(other, sectionId)).toEqual([]);
    expect((await listSectionAmendments(author, sectionId)).map((a) => a.id)).toEqual([id]);
  });
});

describe('co-authors', () => {
  it('lets an invited member decline, and a co-author leave while another author remains', async () => {
    const author = await createMember();
    const invitee = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    await inviteCoauthor({ actor: author, id, email: invitee.email });
    await answerInvitation({ actor: invitee, id, accept: false });
    await expect(getAmendment(invitee, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    // The last author cannot leave; a second one can.
    await expect(leaveAmendment({ actor: author, id })).rejects.toBeInstanceOf(ForbiddenError);
    await inviteCoauthor({ actor: author, id, email: invitee.email });
    await answerInvitation({ actor: invitee, id, accept: true });
    expect((await getAmendment(author, slug, id)).authors).toHaveLength(2);
    await leaveAmendment({ actor: invitee, id });
    expect((await getAmendment(author, slug, id)).authors.map((a) => a.id)).toEqual([author.id]);
    await expect(getAmendment(invitee, slug, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('drafting and submitting', () => {
  it('adds co-authors who accept, shows the word diff of the live draft, and freezes it at submission', async () => {
    const author = await createMember();
    const coauthor = await createMember();
    const reader = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    await expect(inviteCoauthor({ actor: reader, id, email: coauthor.email })).rejects.toBeInstanceOf(NotFoundError);
    // An unknown address gets the same quiet answer as a member's: membership is nobody else's business, and
    // the inviter's page stays as it was either way (no name until the invited member accepts).
    const before = JSON.stringify(await getAmendment(author, slug, id));
    await expect(inviteCoauthor({ actor: author, id, email: 'nobody@example.org' })).resolves.toBeUndefined();
    expect(JSON.stringify(await getAmendment(author, slug, id))).toBe(before);
    await inviteCoauthor({ actor: author, id, email: coauthor.email });
    expect(JSON.stringify(await getAmendment(author, slug, id))).toBe(before);
    // Invited: may read the draft and answer, but is no author (nor named) until accepting.
    expect(await amendmentAccess(coauthor, id)).toMatchObject({ read: true, write: false });
    const invited = await getAmendment(coauthor, slug, id);
    expect(invited.invitedMe).toBe(true);
    expect(invited.authors.map((a) => a.id)).toEqual([author.id]);
    await answerInvitation({ actor: coauthor, id, accept: true });
    expect(await amendmentAccess(coauthor, id)).toMatchObject({ read: true, write: true });

    // Nothing changed yet: submitting is refused, with a reason.
    await expect(submitAmendment({ actor: coauthor, id })).rejects.toMatchObject({ key: 'amendments.errors.noChange' });
    await draftText(id, 'Text of the whole section 1-1, rewritten.');
    const draft = await getAmendment(coauthor, slug, id);
    expect(draft.diff.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'insert', text: 'the whole ' },
      { op: 'insert', text: ', rewritten' },
    ]);
    expect(draft.abilities).toEqual({
      support: false,
      edit: true,
      invite: true,
      withdraw: true,
      update: false,
      leave: true,
      decide: false,
      merge: false,
    });

    await submitAmendment({ actor: coauthor, id });
    // Frozen: later changes to the live document do not change what was submitted.
    await draftText(id, 'Something else entirely.');
    const submitted = await getAmendment(reader, slug, id);
    expect(submitted.amendment.status).toBe('SUBMITTED');
    expect(submitted.proposed).toEqual(doc('Text of the whole section 1-1, rewritten.'));
    expect(submitted.abilities).toEqual({
      support: true,
      edit: false,
      invite: false,
      withdraw: false,
      update: false,
      leave: false,
      decide: false,
      merge: false,
    });
    expect(await amendmentAccess(author, id)).toMatchObject({ read: true, write: false });
    expect(await amendmentAccess(null, id)).toMatchObject({ read: true, write: false });
    await expect(submitAmendment({ actor: author, id })).rejects.toBeInstanceOf(ForbiddenError);
    const authors = (await getAmendment(reader, slug, id)).authors.map((a) => a.id);
    expect(authors).toEqual([author.id, coauthor.id]);
  });

  it('lets authors withdraw until the vote, and refuses illegal moves with a clear error', async () => {
    const author = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    await draftText(id, 'Autre texte.');
    await submitAmendment({ actor: author, id });
    await withdrawAmendment({ actor: author, id });
    expect((await db().amendment.findUniqueOrThrow({ where: { id } })).status).toBe('WITHDRAWN');
    await expect(withdrawAmendment({ actor: author, id })).rejects.toBeInstanceOf(ForbiddenError);
    // Once its vote is open, an amendment can no longer be withdrawn.
    await db().amendment.update({ where: { id }, data: { status: 'IN_VOTE' } });
    await expect(withdrawAmendment({ actor: author, id })).rejects.toBeInstanceOf(ForbiddenError);
    const actions = await db().auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['amendment.started', 'amendment.submitted', 'amendment.withdrawn']);
    expect(new IllegalTransitionError('IN_VOTE', 'WITHDRAWN').message).toBe(
      'An amendment cannot go from IN_VOTE to WITHDRAWN',
    );
  });

  it('proposes a new section from an empty draft, and refuses to submit it empty', async () => {
    const author = await createMember();
    const { slug, sectionId } = await amendingProgram();
    const id = await startAmendment({
      actor: author,
      slug,
      sectionId,
      kind: 'ADD',
      title: 'Une mesure nouvelle',
      justification: 'Il manque une mesure.',
      newTitle: 'Le droit au logement',
    });
    const draft = await getAmendment(author, slug, id);
    expect(draft.proposed).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    await expect(submitAmendment({ actor: author, id })).rejects.toMatchObject({ key: 'amendments.errors.emptyText' });
    await draftText(id, 'Un logement digne pour chacun.');
    await submitAmendment({ actor: author, id });
    expect((await getAmendment(null, slug, id)).amendment).toMatchObject({
      status: 'SUBMITTED',
      newTitle: 'Le droit au logement',
    });
  });

  it('refuses a draft left as it was, even with the empty paragraph the editor adds after a final quote', async () => {
    const author = await createMember();
    const quoted: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Nous voulons un SMIC à 1 600 euros.' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vivre dignement.' }] }] },
      ],
    };
    const slug = `test-${newId().slice(0, 8)}`;
    await createProgram({
      actorId: null,
      slug,
      title: 'Quoted',
      summary: 'A section ending with a quote.',
      phase: 'AMENDING',
      chapters: [{ title: 'Chapter', sections: [{ title: 'Salaires', content: quoted }] }],
    });
    const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
    const id = await startAmendment({ actor: author, slug, sectionId, ...change });
    // Opening the draft in the browser: Tiptap's trailing node appends an empty paragraph, and nothing else.
    const name = liveDocumentName.amendment(id);
    const opened: DocNode = { type: 'doc', content: [...quoted.content, { type: 'paragraph' }] };
    await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(opened)) } });
    await expect(submitAmendment({ actor: author, id })).rejects.toMatchObject({ key: 'amendments.errors.noChange' });
    expect((await getAmendment(author, slug, id)).amendment.status).toBe('DRAFT');
  });
});

describe('amendments and the structure', () => {
  it('refuses to remove a section that has amendments standing', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const author = await createMember();
    const { slug, sectionId } = await amendingProgram();
    await startAmendment({ actor: author, slug, sectionId, ...change });
    await expect(removeSection({ actor: moderator, sectionId })).rejects.toMatchObject({
      key: 'structure.errors.sectionHasAmendments',
    });
    expect(await db().section.count({ where: { id: sectionId } })).toBe(1);
  });
});

describe('the list of amendments', () => {
  it('shows submitted amendments to readers and drafts to their authors, filtered by chapter, status and author', async () => {
    const { id: programId, slug } = await createTestProgram({ shape: [1, 1], phase: 'AMENDING' });
    const [c1, c2] = (await getProgramOutline(null, slug)).chapters;
    const [alice, bob] = [await createMember(), await createMember()];
    const draft = await startAmendment({ actor: alice, slug, sectionId: c1!.sections[0]!.id, ...change });
    const sent = await startAmendment({ actor: bob, slug, sectionId: c2!.sections[0]!.id, ...change });
    await draftText(sent, 'Un autre texte.');
    await submitAmendment({ actor: bob, id: sent });
    const ids = async (...args: Parameters<typeof listAmendments>) => (await listAmendments(...args)).map((a) => a.id);
    expect(await ids(null, slug)).toEqual([sent]);
    expect(await ids(alice, slug)).toEqual([sent, draft]);
    expect(await ids(alice, slug, { mine: true })).toEqual([draft]);
    expect(await ids(alice, slug, { chapterId: c2!.id })).toEqual([sent]);
    expect(await ids(alice, slug, { status: 'DRAFT' })).toEqual([draft]);
    expect(await ids(bob, slug, { status: 'DRAFT' })).toEqual([]);
    expect(await ids(null, slug, { mine: true })).toEqual([]);
    expect((await listAmendments(null, slug))[0]).toMatchObject({ supports: 0, authors: [bob.displayName] });
    // Closed to the public with nothing published: for the public, the program does not exist.
    await db().program.update({ where: { id: programId }, data: { draftIsPublic: false } });
    await expect(listAmendments(null, slug)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the amendment page', () => {
  it('gives a moderator the duplicates to merge into, and a member none of the moderator’s tools', async () => {
    const [author, other, member] = [await createMember(), await createMember(), await createMember()];
    const moderator = await createMember({ role: 'MODERATOR' });
    const { slug, sectionId } = await amendingProgram();
    const first = await startAmendment({ actor: author, slug, sectionId, ...change });
    const second = await startAmendment({ actor: other, slug, sectionId, ...change, title: 'Le même, ailleurs' });
    await draftText(first, 'One rewrite.');
    await draftText(second, 'Another rewrite.');
    await submitAmendment({ actor: author, id: first });
    await submitAmendment({ actor: other, id: second });

    const asModerator = await amendmentPage(moderator, slug, first);
    expect(asModerator.section.number).toBe('1.1');
    expect(asModerator.abilities).toMatchObject({ merge: true, decide: false, support: true });
    expect(asModerator.mergeTargets.map((a) => a.id)).toEqual([second]);
    expect(asModerator.decision).toBeNull();

    const asMember = await amendmentPage(member, slug, first);
    expect(asMember.abilities).toMatchObject({ merge: false, decide: false, support: true });
    expect(asMember.mergeTargets).toEqual([]);
    const asAuthor = await amendmentPage(author, slug, first);
    expect(asAuthor.abilities).toMatchObject({ support: false, withdraw: true });
    await expect(amendmentPage(null, slug, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
