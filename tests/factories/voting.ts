import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { createRound, type CreateRoundProps } from '../../app/modules/voting/rounds.server.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { createMember } from './members.ts';
import { createTestProgram, doc } from './programs.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';

/** Sets a live document's text, as the sync server stores an editor's change. */
export async function writeLive(name: string, text: string) {
  await db().collabDocument.deleteMany({ where: { name } });
  await db().collabUpdate.deleteMany({ where: { docName: name } });
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc(text))) } });
}

export const SECTION_TEXT = 'Public transport is free for everyone under 26. Night trains return to every region.';

/** A program in AMENDING whose first two sections hold SECTION_TEXT, and a moderator. */
export async function votingProgram() {
  const { id: programId, slug } = await createTestProgram({ shape: [2], phase: 'AMENDING' });
  const outline = await getProgramOutline(null, slug);
  const sections = outline.chapters[0]!.sections.map((s) => s.id);
  for (const id of sections) await writeLive(liveDocumentName.section(id), SECTION_TEXT);
  const moderator = await createMember({ role: 'MODERATOR' });
  return { programId, slug, sections, moderator };
}

/**
 * Proposes a change of a section and makes it admissible, as moderators would after it qualified (the support
 * and moderation steps have their own tests).
 */
export async function admissibleAmendment(slug: string, sectionId: string, text: string, title: string) {
  const author = await createMember();
  const id = await startAmendment({ actor: author, slug, sectionId, kind: 'CHANGE', title, justification: 'Why not.' });
  await writeLive(liveDocumentName.amendment(id), text);
  await submitAmendment({ actor: author, id });
  await db().amendment.update({ where: { id }, data: { status: 'ADMISSIBLE', qualifiedAt: new Date() } });
  return { id, author };
}

/**
 * An admissible amendment to one of a voting program's sections (the first by default) that replaces `from` with
 * `to` in SECTION_TEXT: the usual competing-amendments scenario in one line.
 */
export function admissibleChange(
  ctx: { slug: string; sections: string[] },
  from: string,
  to: string,
  title: string,
  section = 0,
) {
  return admissibleAmendment(ctx.slug, ctx.sections[section]!, SECTION_TEXT.replace(from, to), title);
}

/** Many verified members at once (no password: they never log in; ballots are cast through the module). */
export async function manyMembers(count: number, createdAt = new Date(Date.now() - 86_400_000)) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    email: `voter.${i}.${newId().slice(0, 6)}@example.org`,
    displayName: `Voter ${i}`,
    passwordHash: 'not-a-hash',
    emailVerifiedAt: createdAt,
    createdAt,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db().member.createMany({ data: rows.slice(i, i + 1000) });
  return rows.map((r) => ({ id: r.id, role: 'MEMBER' as const }));
}

/**
 * A voting round on these amendments (by the program's moderator), open now for an hour, simple majority,
 * Schulze, no quorum, census of members who joined until now: each test names only what it changes.
 */
export async function roundOn(
  ctx: { slug: string; moderator: Actor },
  amendmentIds: string[],
  overrides: Partial<Omit<CreateRoundProps, 'actor' | 'slug' | 'amendmentIds'>> = {},
) {
  return createRound({
    actor: ctx.moderator,
    slug: ctx.slug,
    title: 'Round',
    explanation: 'Vote.',
    opensAt: new Date(Date.now() - 1000),
    closesAt: new Date(Date.now() + 3600_000),
    quorumPercent: 0,
    majority: { numerator: 1, denominator: 2 },
    method: 'SCHULZE',
    censusJoinedBefore: new Date(),
    amendmentIds,
    ...overrides,
  });
}
