import type { Prisma } from '~/generated/prisma/client.ts';
import { db, type PrismaClient, type Tx } from '~/utils/db.server.ts';
import { keptRead } from '~/utils/kept-reads.server.ts';
import { majorityOf } from './thresholds.ts';
import { CURRENT_COUNTING, type CountingRules, type QuestionDefinition, type RoundDefinition } from './types.ts';

/** A round as stored, with its questions in order: what its definition is built from. */
export type RoundWithQuestions = Prisma.VotingRoundGetPayload<{ include: { questions: true } }>;

/** What a round is counted from (the definition the board publishes). */
export async function roundDefinition(tx: Tx | PrismaClient, roundId: string): Promise<RoundDefinition> {
  const round = await tx.votingRound.findUniqueOrThrow({
    where: { id: roundId },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  return definitionOf(round);
}

/**
 * What a ballot is checked and sealed against: the round's definition, and whether it is binding. Read once for
 * every ballot cast while the round and its questions are not written (ADR 0048): a voting rush writes neither.
 */
export function castingRules(roundId: string): Promise<{ definition: RoundDefinition; binding: boolean }> {
  return keptRead(`castingRules:${roundId}`, ['VotingRound', 'RoundQuestion'], async () => {
    const round = await db().votingRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    return { definition: definitionOf(round), binding: round.binding };
  });
}

/**
 * The rules a round is (or was) counted with: a counted round's are the ones its results state (none for rounds
 * counted before ADR 0021, whose boards must stay byte for byte as published); a round not counted yet will be
 * counted with the current ones.
 */
function countingOf(round: RoundWithQuestions): CountingRules | undefined {
  if (!round.results) return CURRENT_COUNTING;
  return (round.results as { counting?: CountingRules }).counting;
}

/** The definition of a round already read with its questions (ordered by position). */
export function definitionOf(round: RoundWithQuestions): RoundDefinition {
  return {
    id: round.id,
    title: round.title,
    censusSize: round.censusSize ?? 0,
    quorumPercent: round.quorumPercent,
    questions: round.questions.map(
      (q): QuestionDefinition =>
        q.kind === 'YES_NO'
          ? {
              id: q.id,
              kind: 'YES_NO',
              title: q.title,
              amendmentId: q.amendmentId!,
              majority: majorityOf(q.majorityNumerator, q.majorityDenominator),
            }
          : {
              id: q.id,
              kind: 'PREFERENTIAL',
              title: q.title,
              method: round.method,
              alternatives: q.alternatives as { id: string; label: string }[],
            },
    ),
    counting: countingOf(round),
  };
}
