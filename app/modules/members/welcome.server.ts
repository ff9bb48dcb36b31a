import { enforce, type Actor } from '~/policies/actor.ts';
import { listPrograms } from '~/modules/programs/programs.server.ts';
import { db } from '~/utils/db.server.ts';

/**
 * What a new member sees once their address is confirmed (issue 20): each program they can read, in its current
 * phase, with the published version to read when there is one. The page says what the phase lets a member do.
 */
export async function welcomePage(actor: Actor) {
  enforce(actor !== null, actor, 'member.welcome');
  const [member, programs] = await Promise.all([
    db().member.findUniqueOrThrow({ where: { id: actor.id }, select: { displayName: true } }),
    listPrograms(actor),
  ]);
  const latest = await db().programVersion.groupBy({
    by: ['programId'],
    where: { programId: { in: programs.map((p) => p.id) } },
    _max: { number: true },
  });
  const versionOf = new Map(latest.map((v) => [v.programId, v._max.number]));
  return {
    displayName: member.displayName,
    programs: programs.map((p) => ({
      slug: p.slug,
      title: p.title,
      language: p.language,
      phase: p.phase,
      latestVersion: versionOf.get(p.id) ?? null,
    })),
  };
}
