import { db } from '~/utils/db.server.ts';
import { KEEP_CURRENT, type RoundResults } from '../voting/types.ts';
import type { Source } from './versions.server.ts';

/**
 * What a published version says of each amendment it applied (docs/decisions/0015-from-vote-to-program.md): its
 * title, authors, the round that adopted it and that round's result for it, as the version's reader sees them.
 */

/** Every applied amendment's source record, from the rounds that adopted them. */
export async function amendmentSources(ids: string[]): Promise<Record<string, Source>> {
  if (!ids.length) return {};
  const amendments = await db().amendment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      kind: true,
      authors: { select: { memberId: true }, orderBy: { addedAt: 'asc' } },
      round: {
        select: {
          id: true,
          number: true,
          title: true,
          closedAt: true,
          results: true,
          questions: { select: { id: true, amendmentId: true, alternatives: true } },
        },
      },
      applications: { select: { resolution: true } },
    },
  });
  const out: Record<string, Source> = {};
  for (const a of amendments) {
    const results = a.round?.results as RoundResults | null | undefined;
    const question = a.round?.questions.find(
      (q) =>
        q.amendmentId === a.id || ((q.alternatives as { id: string }[] | null) ?? []).some((alt) => alt.id === a.id),
    );
    const result = question ? results?.questions.find((r) => r.id === question.id) : undefined;
    out[a.id] = {
      id: a.id,
      title: a.title,
      kind: a.kind,
      authorIds: a.authors.map((x) => x.memberId),
      authors: [],
      round: a.round
        ? {
            id: a.round.id,
            number: a.round.number,
            title: a.round.title,
            closedAt: a.round.closedAt?.toISOString() ?? null,
          }
        : null,
      result: !result
        ? null
        : result.kind === 'YES_NO'
          ? { kind: 'YES_NO', yes: result.yes, no: result.no, abstain: result.abstain, adopted: result.adopted }
          : {
              kind: 'PREFERENTIAL',
              method: result.method,
              ranked: result.ranked,
              winner: result.winner === KEEP_CURRENT ? null : result.winner,
              alternatives: result.alternatives.length,
            },
      turnout: results ? { ballots: results.ballots, census: results.censusSize } : null,
      resolution: a.applications[0]?.resolution ?? null,
    };
  }
  return out;
}
