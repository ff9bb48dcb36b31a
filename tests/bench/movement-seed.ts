/**
 * The data of bench:movement, written straight into its PostgreSQL database through the domain modules (the
 * servers are started on it afterwards): members with open sessions, a program of 60 sections taking amendments
 * (500 amendments spread over the states a program sees before its vote, comments), a program in drafting whose
 * sections are edited live, and a published program the public reads.
 */
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { postComment } from '../../app/modules/debate/comments.server.ts';
import { generateToken, hashToken } from '../../app/modules/members/tokens.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { publishVersion } from '../../app/modules/publication/publish.server.ts';
import { createRound } from '../../app/modules/voting/rounds.server.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { manyMembers, writeLive } from '../factories/voting.ts';

export interface Sizes {
  members: number;
  amendments: number;
  comments: number;
  /** Sections of the program taking amendments (the issue: 60). */
  sections: number;
  /** Sections edited live (the issue: 20). */
  liveSections: number;
}

export interface Seeded {
  members: { id: string; token: string }[];
  moderator: Actor;
  program: { slug: string; sections: string[] };
  drafting: { slug: string; sections: string[] };
  published: { slug: string; sections: string[] };
  /** Amendments collecting supports (SUBMITTED). */
  supportable: string[];
  /** Amendments with comments, debated during the load. */
  debated: string[];
  /** ADMISSIBLE amendments on distinct sections, kept for the rounds (one set per run). */
  forRounds: string[][];
  byStatus: Record<string, number>;
}

/** Runs `work` over `items`, at most `concurrency` at a time. */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, i: number) => Promise<unknown>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

async function sectionsOf(slug: string) {
  const outline = await getProgramOutline(null, slug);
  return outline.chapters.flatMap((c) => c.sections.map((s) => s.id));
}

/** The share of the amendments left in each state before the load (the rest stay SUBMITTED, collecting supports). */
const SPREAD: [string, number][] = [
  ['DRAFT', 0.1],
  ['QUALIFIED', 0.1],
  ['EXPIRED', 0.15],
  ['ADMISSIBLE', 0.15],
  ['INADMISSIBLE', 0.1],
  ['WITHDRAWN', 0.05],
];

/** Seeds everything; `log` says how long each part took. */
export async function seedMovement(sizes: Sizes, runs: number, log: (line: string) => void): Promise<Seeded> {
  let t = performance.now();
  const step = (what: string) => {
    log(`  seeded ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  await createMember({ role: 'ADMIN' }); // an installed movement: no setup link
  const mod = await createMember({ role: 'MODERATOR' });
  const moderator: Actor = { id: mod.id, role: 'MODERATOR' };

  const ids = await manyMembers(sizes.members);
  const members = ids.map((m) => ({ id: m.id, token: generateToken() }));
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  for (let i = 0; i < members.length; i += 2000) {
    await db().session.createMany({
      data: members.slice(i, i + 2000).map((m) => ({ id: hashToken(m.token), memberId: m.id, expiresAt })),
    });
  }
  step(`${members.length} members with a session each`);

  const perChapter = 6;
  const shape = Array.from({ length: Math.ceil(sizes.sections / perChapter) }, (_, i) =>
    Math.min(perChapter, sizes.sections - i * perChapter),
  );
  const program = await createTestProgram({ shape, phase: 'AMENDING' });
  const sections = await sectionsOf(program.slug);
  await Promise.all(sections.map((id, i) => writeLive(liveDocumentName.section(id), sectionText(i))));
  const drafting = await createTestProgram({ shape: [sizes.liveSections], phase: 'DRAFTING' });
  const published = await createTestProgram({ shape: [3, 3], phase: 'AMENDING' });
  await publishVersion({ actor: moderator, slug: published.slug, note: 'Version 1, for the benchmark.' });
  step(`programs: ${sections.length} sections taking amendments, ${sizes.liveSections} in drafting, 6 published`);

  // Amendments by distinct members, each a change of its section's text, then submitted. Those of a section
  // compete (one collision group): the rounds' amendments come first, alone on their sections, so that a round
  // holds whole groups and each is a yes/no question of its own.
  const roundSize = 3;
  const reservedCount = roundSize * runs;
  const sectionOf = (i: number) => (i < reservedCount ? i : reservedCount + (i % (sections.length - reservedCount)));
  const amendments: string[] = [];
  await runPool(Array.from({ length: sizes.amendments }), 4, async (_, i) => {
    const author: Actor = { id: members[i % members.length]!.id, role: 'MEMBER' };
    const sectionId = sections[sectionOf(i)]!;
    const id = await startAmendment({
      actor: author,
      slug: program.slug,
      sectionId,
      kind: 'CHANGE',
      title: `Amendment ${i + 1}`,
      justification: 'Because the movement asked for it.',
    });
    await writeLive(liveDocumentName.amendment(id), `${sectionText(sectionOf(i))} Amended by ${i + 1}.`);
    await submitAmendment({ actor: author, id });
    amendments[i] = id;
  });
  step(`${amendments.length} amendments submitted`);

  // The states: by SQL, as the moderators' and the sweeps' decisions would leave them (each has its own tests).
  const forRounds = Array.from({ length: runs }, (_, r) => amendments.slice(r * roundSize, (r + 1) * roundSize));
  const reserved = forRounds.flat();
  const rest = amendments.slice(reserved.length);
  const byStatus: Record<string, number> = {};
  let at = 0;
  for (const [status, share] of SPREAD) {
    const chosen = rest.slice(at, at + Math.round(share * amendments.length));
    at += chosen.length;
    await db().amendment.updateMany({
      where: { id: { in: status === 'ADMISSIBLE' ? [...chosen, ...reserved] : chosen } },
      data: { status: status as never, ...(status === 'ADMISSIBLE' ? { qualifiedAt: new Date() } : {}) },
    });
    byStatus[status] = chosen.length + (status === 'ADMISSIBLE' ? reserved.length : 0);
  }
  const supportable = rest.slice(at);
  byStatus.SUBMITTED = supportable.length;
  step(`states set: ${JSON.stringify(byStatus)}`);

  // Comments on the amendments still debated (submitted ones), through the module, by many members.
  const debated = supportable.slice(0, Math.max(1, Math.min(supportable.length, 100)));
  await runPool(Array.from({ length: sizes.comments }), 4, async (_, i) => {
    const actor: Actor = { id: members[(i * 7919) % members.length]!.id, role: 'MEMBER' };
    await postComment({
      actor,
      amendmentId: debated[i % debated.length]!,
      stance: (['FOR', 'AGAINST', 'QUESTION'] as const)[i % 3],
      body: `Comment ${i + 1}: this amendment **matters** for our town.`,
    });
  });
  step(`${sizes.comments} comments`);

  return {
    members,
    moderator,
    program: { slug: program.slug, sections },
    drafting: { slug: drafting.slug, sections: await sectionsOf(drafting.slug) },
    published: { slug: published.slug, sections: await sectionsOf(published.slug) },
    supportable,
    debated,
    forRounds,
    byStatus,
  };
}

/** A round on these amendments, open now for an hour, census: every member so far. */
export function openRound(seeded: Seeded, amendmentIds: string[], title: string) {
  return createRound({
    actor: seeded.moderator,
    slug: seeded.program.slug,
    title,
    explanation: 'The movement decides.',
    opensAt: new Date(Date.now() - 1000),
    closesAt: new Date(Date.now() + 3600_000),
    quorumPercent: 0,
    majority: { numerator: 1, denominator: 2 },
    method: 'SCHULZE',
    censusJoinedBefore: new Date(),
    amendmentIds,
  });
}

function sectionText(i: number) {
  return `Section ${i + 1}: public transport is free for everyone under 26, and night trains return to every region.`;
}
