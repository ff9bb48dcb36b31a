import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { amendmentAccess, listAmendments } from '../../app/modules/amendments/amendments.server.ts';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import {
  startAmendment,
  submitAmendment,
  withdrawAmendment,
} from '../../app/modules/amendments/amendment-commands.server.ts';
import { decideAdmissibility, ModerationError } from '../../app/modules/amendments/moderation.server.ts';
import { carryOverSection, saveAmendmentUpdate } from '../../app/modules/amendments/rebase.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { listNotifications } from '../../app/modules/notifications/notifications.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

const TEXT = 'Public transport is free for everyone under 26. Night trains return to every region.';

/** Sets a live document's text, as the sync server stores an editor's change. */
async function writeLive(name: string, text: string) {
  await db().collabDocument.deleteMany({ where: { name } });
  await db().collabUpdate.deleteMany({ where: { docName: name } });
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc(text))) } });
}

async function setup() {
  const { id: programId, slug } = await createTestProgram({ shape: [2], phase: 'AMENDING' });
  const outline = await getProgramOutline(null, slug);
  const sectionId = outline.chapters[0]!.sections[0]!.id;
  const otherSectionId = outline.chapters[0]!.sections[1]!.id;
  await writeLive(liveDocumentName.section(sectionId), TEXT);
  return { programId, slug, sectionId, otherSectionId };
}

/** Starts and submits a change of `sectionId` whose proposed text is `text`. */
async function propose(
  ctx: { slug: string },
  sectionId: string,
  text: string | null,
  title: string,
  kind: 'CHANGE' | 'DELETE' = 'CHANGE',
) {
  const author = await createMember();
  const id = await startAmendment({
    actor: author,
    slug: ctx.slug,
    sectionId,
    kind,
    title,
    justification: 'Because it matters to people.',
  });
  if (text !== null) await writeLive(liveDocumentName.amendment(id), text);
  await submitAmendment({ actor: author, id });
  return { id, author };
}

const group = async (id: string) =>
  (await db().amendment.findUniqueOrThrow({ where: { id }, select: { collisionGroup: true } })).collisionGroup;

describe('collisions', () => {
  it('groups amendments that change the same words, and only those', async () => {
    const ctx = await setup();
    const a = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 30'), 'Up to 30');
    const b = await propose(ctx, ctx.sectionId, TEXT.replace('everyone under 26', 'everyone'), 'For everyone');
    const c = await propose(ctx, ctx.sectionId, TEXT.replace('every region', 'every city'), 'Cities');
    const elsewhere = await propose(ctx, ctx.otherSectionId, 'Something else entirely.', 'Elsewhere');

    expect(await group(a.id)).toBe(a.id);
    expect(await group(b.id)).toBe(a.id);
    expect(await group(c.id)).toBeNull();
    expect(await group(elsewhere.id)).toBeNull();

    const page = await getAmendment(null, ctx.slug, b.id);
    expect(page.competitors.map((x) => x.title)).toEqual(['Up to 30']);
    expect((await getAmendment(null, ctx.slug, c.id)).competitors).toEqual([]);
    const listed = await listAmendments(null, ctx.slug, { colliding: true });
    expect(listed.map((x) => x.title).sort()).toEqual(['For everyone', 'Up to 30']);
  });

  it('makes a deletion compete with every change of the section, transitively', async () => {
    const ctx = await setup();
    const a = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 30'), 'Up to 30');
    const c = await propose(ctx, ctx.sectionId, TEXT.replace('every region', 'every city'), 'Cities');
    const d = await propose(ctx, ctx.sectionId, null, 'Delete it', 'DELETE');
    expect(new Set([await group(a.id), await group(c.id), await group(d.id)])).toEqual(new Set([a.id]));
  });

  it('dissolves a group when a competitor leaves the running', async () => {
    const ctx = await setup();
    const a = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 30'), 'Up to 30');
    const b = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 18'), 'Up to 18');
    expect(await group(b.id)).toBe(a.id);
    await withdrawAmendment({ actor: a.author, id: a.id });
    expect(await group(a.id)).toBeNull();
    expect(await group(b.id)).toBeNull();
    expect((await getAmendment(null, ctx.slug, b.id)).competitors).toEqual([]);

    const e = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 25'), 'Up to 25');
    expect(await group(e.id)).toBe(b.id);
    const moderator = await createMember({ role: 'MODERATOR' });
    await db().amendment.update({ where: { id: e.id }, data: { status: 'QUALIFIED' } });
    await decideAdmissibility({ actor: moderator, id: e.id, admissible: false, reason: 'Out of scope.' });
    expect(await group(b.id)).toBeNull();
  });
});

describe('carry-over when the base text moves', () => {
  it('carries over a change that does not overlap, and asks for an update of one that does', async () => {
    const ctx = await setup();
    const far = await propose(ctx, ctx.sectionId, TEXT.replace('every region', 'every city'), 'Cities');
    const near = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 18'), 'Up to 18');
    // An earlier amendment is applied: the section now reads "under 30".
    const moved = TEXT.replace('under 26', 'under 30');
    await writeLive(liveDocumentName.section(ctx.sectionId), moved);

    expect(await carryOverSection(ctx.sectionId)).toEqual({ carried: 1, needUpdate: 1, changed: true });
    const carried = await db().amendment.findUniqueOrThrow({ where: { id: far.id } });
    expect(carried).toMatchObject({
      needsUpdate: false,
      baseText: doc(moved),
      proposedText: doc(moved.replace('every region', 'every city')),
    });
    const waiting = await getAmendment(near.author, ctx.slug, near.id);
    expect(waiting.amendment.needsUpdate).toBe(true);
    expect(waiting.update?.current).toEqual(doc(moved));
    expect(waiting.abilities.update).toBe(true);
    expect((await getAmendment(null, ctx.slug, near.id)).abilities.update).toBe(false);
    // Nothing moved since: a second pass changes nothing.
    expect(await carryOverSection(ctx.sectionId)).toEqual({ carried: 0, needUpdate: 0, changed: false });

    // Its authors rewrite it in the update's own live document; nobody else may.
    const name = liveDocumentName.amendmentUpdate(near.id, 0 + 1);
    expect(await amendmentAccess(near.author, near.id, 1)).toMatchObject({ read: true, write: true });
    const stranger = await createMember();
    expect(await amendmentAccess(stranger, near.id, 1)).toMatchObject({ read: false, write: false });
    expect(await amendmentAccess(near.author, near.id, 2)).toBeNull();
    await expect(saveAmendmentUpdate({ actor: stranger, id: near.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await saveAmendmentUpdate({ actor: near.author, id: near.id })).toEqual({
      error: 'amendments.errors.noChange',
    });
    await writeLive(name, moved.replace('under 30', 'under 18'));
    expect(await saveAmendmentUpdate({ actor: near.author, id: near.id })).toEqual({ error: null });
    expect(await db().amendment.findUniqueOrThrow({ where: { id: near.id } })).toMatchObject({
      needsUpdate: false,
      revision: 1,
      baseText: doc(moved),
      proposedText: doc(moved.replace('under 30', 'under 18')),
    });
    expect(await amendmentAccess(near.author, near.id, 1)).toBeNull();
  });

  it('gives the update a new document when the text moves again, and has moderators judge the new text', async () => {
    const ctx = await setup();
    const near = await propose(ctx, ctx.sectionId, TEXT.replace('under 26', 'under 18'), 'Up to 18');
    const moderator = await createMember({ role: 'MODERATOR' });
    const supporter = await createMember();
    await supportAmendment({ actor: supporter, id: near.id });
    await db().amendment.update({ where: { id: near.id }, data: { status: 'QUALIFIED' } });
    await decideAdmissibility({ actor: moderator, id: near.id, admissible: true, reason: 'Within scope.' });
    const once = TEXT.replace('under 26', 'under 30');
    await writeLive(liveDocumentName.section(ctx.sectionId), once);
    await carryOverSection(ctx.sectionId);
    expect(await amendmentAccess(near.author, near.id, 1)).toMatchObject({ read: true, write: true });
    // A decision on a text that must be rewritten means nothing: refused.
    await expect(
      decideAdmissibility({ actor: moderator, id: near.id, admissible: false, reason: 'Changed my mind.' }),
    ).rejects.toBeInstanceOf(ModerationError);

    // The section moves again before the authors save: their update starts over from the newest text.
    const twice = once.replace('every region', 'every city');
    await writeLive(liveDocumentName.section(ctx.sectionId), twice);
    await carryOverSection(ctx.sectionId);
    expect(await amendmentAccess(near.author, near.id, 1)).toBeNull();
    expect(await amendmentAccess(near.author, near.id, 2)).toMatchObject({ read: true, write: true });
    await writeLive(liveDocumentName.amendmentUpdate(near.id, 1 + 1), twice.replace('under 30', 'under 18'));
    expect(await saveAmendmentUpdate({ actor: near.author, id: near.id })).toEqual({ error: null });
    const row = await db().amendment.findUniqueOrThrow({ where: { id: near.id } });
    // Nothing of the newer change is undone, and the admissible amendment goes back to the moderators.
    expect(row).toMatchObject({
      status: 'QUALIFIED',
      proposedText: doc(twice.replace('under 30', 'under 18')),
      baseText: doc(twice),
    });
    // Its supporter backed the old text, and is told it changed.
    expect((await listNotifications(supporter)).map((n) => n.kind)).toEqual(['SUPPORTED_UPDATED']);
  });

  it('carries a draft over at submission when the text moved while it was written', async () => {
    const ctx = await setup();
    const author = await createMember();
    const id = await startAmendment({
      actor: author,
      slug: ctx.slug,
      sectionId: ctx.sectionId,
      kind: 'CHANGE',
      title: 'Cities',
      justification: 'Because it matters to people.',
    });
    await writeLive(liveDocumentName.amendment(id), TEXT.replace('every region', 'every city'));
    const moved = TEXT.replace('under 26', 'under 30');
    await writeLive(liveDocumentName.section(ctx.sectionId), moved);
    await submitAmendment({ actor: author, id });
    expect(await db().amendment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'SUBMITTED',
      needsUpdate: false,
      baseText: doc(moved),
      proposedText: doc(moved.replace('every region', 'every city')),
    });
  });
});
