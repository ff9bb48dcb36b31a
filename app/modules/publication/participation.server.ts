import type { Actor } from '~/policies/actor.ts';
import { enforceRead } from '~/policies/actor.ts';
import { canReadRounds } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { groupSizes } from '../groups/groups.server.ts';
import { hideUnknownProgram } from '../programs/programs.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

export const ACTIVE_DAYS = 30;

/**
 * The honest numbers readers of political platforms ask for: how many members there are, how many came back
 * lately, how many wrote, supported or voted, with each definition stated. Counts only, never names.
 */
export async function participationFigures(actor: Actor, slug: string, now = new Date()) {
  const program = await db().program.findUnique({
    where: { slug },
    select: { language: true, id: true, slug: true, title: true, phase: true, draftIsPublic: true },
  });
  if (!program) throw new NotFoundError(`program ${slug}`);
  await hideUnknownProgram(db(), actor, program);
  enforceRead(canReadRounds(actor, program), actor, 'program.read');
  const since = new Date(now.getTime() - ACTIVE_DAYS * 86_400_000);
  const [counts] = await db().$queryRaw<
    { members: number; active: number; authors: number; commenters: number; contributors: number; supporters: number }[]
  >`
    SELECT
      (SELECT count(*)::int FROM "Member" WHERE "emailVerifiedAt" IS NOT NULL) AS members,
      (SELECT count(*)::int FROM "Member" WHERE "emailVerifiedAt" IS NOT NULL AND "lastActiveAt" >= ${since}) AS active,
      (SELECT count(DISTINCT au."memberId")::int FROM "AmendmentAuthor" au JOIN "Amendment" a ON a.id = au."amendmentId"
        WHERE a."programId" = ${program.id} AND a."submittedAt" IS NOT NULL) AS authors,
      (SELECT count(DISTINCT c."authorId")::int FROM "Comment" c JOIN "Amendment" a ON a.id = c."amendmentId"
        WHERE a."programId" = ${program.id}) AS commenters,
      (SELECT count(*)::int FROM (
        SELECT au."memberId" FROM "AmendmentAuthor" au JOIN "Amendment" a ON a.id = au."amendmentId"
          WHERE a."programId" = ${program.id} AND a."submittedAt" IS NOT NULL
        UNION
        SELECT c."authorId" FROM "Comment" c JOIN "Amendment" a ON a.id = c."amendmentId"
          WHERE a."programId" = ${program.id} AND c."authorId" IS NOT NULL
      ) contributors) AS contributors,
      (SELECT count(DISTINCT s."memberId")::int FROM "AmendmentSupport" s JOIN "Amendment" a ON a.id = s."amendmentId"
        WHERE a."programId" = ${program.id}) AS supporters`;
  const rounds = await db().votingRound.findMany({
    where: { programId: program.id, status: { in: ['OPEN', 'CLOSED'] } },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, title: true, status: true, censusSize: true, _count: { select: { roll: true } } },
  });
  return {
    groups: await groupSizes(),
    program: { slug: program.slug, title: program.title, language: program.language },
    activeDays: ACTIVE_DAYS,
    counts: counts!,
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      census: r.censusSize ?? 0,
      voters: r._count.roll,
    })),
  };
}
