import { createHash } from 'node:crypto';
import { quorumNeeded, percentOf } from '~/modules/voting/thresholds.ts';
import type { RoundDefinition, RoundResults } from '~/modules/voting/types.ts';
import { describeCensus, describeCounting } from '~/modules/voting/board-round.ts';
import { verifyBoard } from '~/modules/voting/verify-board.ts';
import { InputError, UsageError, readInputFile, type Command } from '../command.ts';

/** A majority rule in words: what share of which votes it needs. */
function majorityWords(majority: RoundDefinition['questions'][number] & { kind: 'YES_NO' }): string {
  const m = majority.majority;
  return m.kind === 'SIMPLE'
    ? 'more yes than no'
    : `at least ${m.numerator}/${m.denominator} of the yes and no votes (and more yes than no)`;
}

function describeResults(round: RoundDefinition, results: RoundResults): string {
  const percent = (results.turnout * 100).toFixed(1);
  const needed = quorumNeeded(results.censusSize, results.quorumPercent);
  const lines = [
    `Round: ${typeof round.title === 'string' ? round.title : ''} (recounted from its ballot board)`,
    `Census ${results.censusSize}, ballots ${results.ballots}, turnout ${percent} %.`,
    results.quorumPercent > 0
      ? `Quorum of ${results.quorumPercent} % of the census, that is ${needed} ${needed === 1 ? 'ballot' : 'ballots'}: ${results.quorumMet ? 'met' : 'NOT met'}.`
      : 'No quorum required.',
    describeCounting(round.counting),
  ];
  for (const q of results.questions) {
    const question = round.questions.find((d) => d.id === q.id);
    const title = typeof question?.title === 'string' && question.title ? ` (${question.title})` : '';
    const name = `Question ${q.id}${title}`;
    if (q.kind === 'YES_NO') {
      const rule = question?.kind === 'YES_NO' ? `; the rule: ${majorityWords(question)}` : '';
      const share = `yes ${q.yes} of ${q.yes + q.no} yes and no votes = ${percentOf(q.yes, q.yes + q.no)} %`;
      lines.push(
        `${name}: yes ${q.yes}, no ${q.no}, abstain ${q.abstain} (${share}${rule}): ${q.adopted ? 'adopted' : 'rejected'}.`,
      );
    } else {
      lines.push(
        `${name}: ${q.method}, ${q.ranked} ranked; ranking ${q.ranking.join(' > ')}; winner ${q.winner ?? 'none'}.`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * `verify-tally <board.json>`: recounts a published ballot board: 0 when it is a valid board whose results match
 * it (and, with `--sha256`, whose SHA-256 is the published one), 1 when not. Opens no database: anyone can
 * recount a board.
 */
export const verifyTally: Command = {
  opens: 'nothing',
  needsFile: 'verify-tally needs the path of a board file.',
  async run({ file, values }) {
    const expected = values.sha256;
    if (expected !== undefined && !/^[0-9a-f]{64}$/i.test(expected)) {
      throw new UsageError('--sha256 takes the 64 hexadecimal characters of the SHA-256 the round publishes.');
    }
    const bytes = await readInputFile(file);
    // The hash of the bytes as published: a board re-serialised, even identically counted, is not that board.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    process.stdout.write(`SHA-256 of the board: ${sha256}\n`);
    const hashMatches = expected === undefined || expected.toLowerCase() === sha256;
    if (expected === undefined) {
      process.stdout.write("Compare it with the SHA-256 the round's page shows, or pass that one with --sha256.\n");
    } else if (hashMatches) process.stdout.write('It matches the published SHA-256.\n');
    else {
      process.stdout.write(
        `It does NOT match the published SHA-256 ${expected.toLowerCase()}: this file is not the published board.\n`,
      );
    }
    let board: unknown;
    try {
      board = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new InputError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { ok, problems, recomputed, roll } = verifyBoard(board);
    // A board is recounted only once its round is a valid definition.
    if (recomputed) process.stdout.write(describeResults((board as { round: RoundDefinition }).round, recomputed));
    if (roll === 'matches') process.stdout.write('The voter roll has as many members as the board has ballots.\n');
    if (roll === 'absent') {
      process.stdout.write(
        "This board does not state the voter roll's size (its round closed before boards did): whether every voter has exactly one ballot could not be checked.\n",
      );
    }
    if (recomputed) process.stdout.write(describeCensus((board as { round: unknown }).round));
    if (ok) {
      process.stdout.write('The published results match the board.\n');
      return hashMatches ? 0 : 1;
    }
    // A board whose round cannot be counted (impossible rules, broken shape) is not compared at all.
    process.stdout.write(
      recomputed ? 'The published results do NOT match the board:\n' : 'The board is NOT a valid ballot board:\n',
    );
    for (const problem of problems) process.stdout.write(`  - ${problem}\n`);
    return 1;
  },
};
