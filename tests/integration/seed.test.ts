import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { participationFigures } from '../../app/modules/publication/participation.server.ts';
import { getVersion, listVersions } from '../../app/modules/publication/versions.server.ts';
import { boardOf, findCode } from '../../app/modules/voting/ballot-board.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { seedDemo } from '../../server/database/seed.ts';
import { storyProgram } from '../../prisma/seed/demo-story.ts';
import { CLI_ENTRY, runToExit } from '../e2e/support/server.ts';
import { cloneTestDatabase, setupTestDatabase } from '../setup/database.ts';

const state = setupTestDatabase();
const DAY = 86_400_000;

describe('the demo', () => {
  it('is seeded once even by two processes starting together, with its program and five accounts', async () => {
    const started = performance.now();
    const results = await Promise.all([seedDemo('base'), seedDemo('base')]);
    console.log(`base demo seeded in ${Math.round(performance.now() - started)} ms (two seeds at once)`);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const { logins, receipts } = results.find((r) => r !== null)!;
    expect(logins.map((l) => l.role).sort()).toEqual(['ADMIN', 'MEMBER', 'MEMBER', 'MEMBER', 'MODERATOR']);
    expect(receipts).toEqual([]);
    expect(await db().member.count()).toBe(5);
    expect(await db().program.count()).toBe(1);
    const { chapters } = await getProgramOutline(null, 'programme-2027');
    expect(chapters).toHaveLength(4);
    expect(chapters.flatMap((c) => c.sections)).toHaveLength(12);
    expect(chapters[2]!.sections[1]!.number).toBe('3.2');
  }, 60_000);

  it('in full, shows every stage of the process, its closed vote recounted as published', async () => {
    const clone = await cloneTestDatabase();
    setDatabase(clone.database);
    try {
      const started = performance.now();
      const seeded = (await seedDemo('full'))!;
      console.log(`full demo seeded in ${Math.round(performance.now() - started)} ms`);
      // The same five logins are printed; the six members who only vote and support are not.
      expect(seeded.logins.map((l) => l.email)).toHaveLength(5);
      expect(await db().member.count()).toBe(11);
      const { chapters } = await getProgramOutline(null, 'programme-2027');
      expect(chapters.flatMap((c) => c.sections)).toHaveLength(12);
      const slug = storyProgram.slug;
      const program = await db().program.findUniqueOrThrow({ where: { slug } });
      expect(program.phase).toBe('AMENDING');
      // Thresholds the demo's own accounts reach.
      expect(program.supportValue).toBeLessThanOrEqual(5);
      expect((await db().program.findUniqueOrThrow({ where: { slug: 'programme-2027' } })).supportValue).toBe(2);

      // Amendments in every state, with debates.
      const amendments = await db().amendment.findMany({
        where: { programId: program.id },
        include: { authors: true, _count: { select: { comments: true } } },
      });
      const statuses = new Set(amendments.map((a) => a.status));
      for (const s of [
        'DRAFT',
        'SUBMITTED',
        'QUALIFIED',
        'IN_VOTE',
        'APPLIED',
        'REJECTED',
        'WITHDRAWN',
        'INADMISSIBLE',
      ]) {
        expect(statuses, s).toContain(s);
      }
      expect(amendments.find((a) => a.status === 'DRAFT')!.authors).toHaveLength(2);
      expect(amendments.filter((a) => a.needsUpdate)).toHaveLength(1);
      const inVote = amendments.filter((a) => a.status === 'IN_VOTE');
      expect(inVote.filter((a) => a.collisionGroup)).toHaveLength(2);
      expect(amendments.filter((a) => a._count.comments > 0).length).toBeGreaterThanOrEqual(4);

      // A closed round in the past, with results; an open one closing in a few days.
      const rounds = await db().votingRound.findMany({ where: { programId: program.id }, orderBy: { number: 'asc' } });
      const [closed, open] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];
      expect(closed.status).toBe('CLOSED');
      expect(closed.closedAt!.getTime()).toBeLessThan(Date.now() - 2 * DAY);
      expect(open.status).toBe('OPEN');
      expect(open.closesAt.getTime()).toBeGreaterThan(Date.now() + 3 * DAY);
      expect(await db().roundQuestion.count({ where: { roundId: open.id, kind: 'PREFERENTIAL' } })).toBe(1);

      // The board, exported as its page offers it, recounts as published; the printed receipts are on it.
      const board = (await boardOf(closed.id))!;
      expect(board.sha256).toBe(closed.boardSha256);
      const file = path.join(state.outboxDir, 'board.json');
      await writeFile(file, board.text);
      const verify = await runToExit([CLI_ENTRY, 'verify-tally', file, '--sha256', board.sha256], {});
      expect(verify.output).toMatch(/matches/i);
      expect(verify.code).toBe(0);
      expect(seeded.receipts).toHaveLength(5);
      for (const r of seeded.receipts) expect(await findCode(closed.id, r.code), r.email).not.toBeNull();

      // A published version whose changed passage names the adopted amendment and its vote.
      expect((await listVersions(null, slug)).versions).toHaveLength(1);
      const version = await getVersion(slug, 1);
      const adopted = amendments.find((a) => a.status === 'APPLIED')!;
      expect(version.changelog.map((c) => ('amendmentId' in c ? c.amendmentId : null))).toEqual([adopted.id]);
      expect(version.outline.sources[adopted.id]).toMatchObject({
        round: { number: 1 },
        result: { kind: 'YES_NO', yes: 7, no: 2, abstain: 1, adopted: true },
      });

      // Dates that tell one story (ADR 0038): the program opened weeks ago, the voted amendments were submitted
      // and debated before the vote opened, the version published after it closed; nothing is in the future.
      const opened = closed.opensAt.getTime();
      expect(program.createdAt.getTime()).toBeLessThan(Date.now() - 20 * DAY);
      expect(program.language).toBe('fr');
      const voted = amendments.filter((a) => a.status === 'APPLIED' || a.status === 'REJECTED');
      expect(voted).toHaveLength(2);
      for (const a of voted) expect(a.submittedAt!.getTime(), a.title).toBeLessThan(opened);
      const firstComments = await db().comment.findMany({ where: { amendmentId: { in: voted.map((a) => a.id) } } });
      for (const c of firstComments) expect(c.createdAt.getTime()).toBeLessThan(opened);
      expect(version.publishedAt.getTime()).toBeGreaterThan(closed.closedAt!.getTime());
      const stamps = await db().auditEvent.findMany({ select: { createdAt: true } });
      expect(Math.max(...stamps.map((e) => e.createdAt.getTime()))).toBeLessThanOrEqual(Date.now());
      expect(Math.min(...stamps.map((e) => e.createdAt.getTime()))).toBeLessThan(opened);

      // Local groups, one validated; participation figures that are not empty.
      expect((await db().group.findMany()).map((g) => g.status).sort()).toEqual(['PENDING', 'VALIDATED']);
      // Moderation at scale has something to show: a committee that recommended a position on each amendment of
      // the open round, reason templates, a chapter the moderator took, a reported comment, a chapter followed.
      const recommended = await db().recommendation.findMany({ select: { amendmentId: true, kind: true } });
      expect(recommended.map((r) => r.kind).sort()).toEqual(['ADOPT', 'ADOPT', 'REJECT']);
      expect(new Set(recommended.map((r) => r.amendmentId))).toEqual(new Set(inVote.map((a) => a.id)));
      expect(await db().committeeMember.count({ where: { program: { slug } } })).toBe(2);
      expect(await db().reasonTemplate.count({ where: { program: { slug } } })).toBe(2);
      expect(await db().chapterAssignment.count()).toBe(1);
      expect(await db().commentReport.count()).toBe(1);
      expect(await db().follow.count({ where: { target: { startsWith: 'chapter:' } } })).toBe(1);

      const figures = await participationFigures(null, slug);
      expect(figures.counts).toMatchObject({ authors: 4, supporters: expect.any(Number) as number });
      expect(figures.counts.supporters).toBeGreaterThan(5);
      expect(figures.rounds.map((r) => [r.status, r.voters])).toEqual([
        ['CLOSED', 10],
        ['OPEN', 4],
      ]);
    } finally {
      setDatabase(state.database);
      await clone.database.close();
      await clone.drop();
    }
  }, 180_000);
});
