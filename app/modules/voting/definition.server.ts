import type { Prisma } from '~/generated/prisma/client.ts';
import type { PrismaClient, Tx } from '~/utils/db.server.ts';
import type { Majority, QuestionDefinition, RoundDefinition } from './types.ts';

function majorityOf(q: { majorityNumerator: number; majorityDenominator: number }): Majority {
  return q.majorityNumerator * 2 === q.majorityDenominator
    ? { kind: 'SIMPLE' }
    : { kind: 'QUALIFIED', numerator: q.majorityNumerator, denominator: q.majorityDenominator };
}

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
          ? { id: q.id, kind: 'YES_NO', title: q.title, amendmentId: q.amendmentId!, majority: majorityOf(q) }
          : {
              id: q.id,
              kind: 'PREFERENTIAL',
              title: q.title,
              method: round.method,
              alternatives: q.alternatives as { id: string; label: string }[],
            },
    ),
  };
}
