import { checkReceipt as check } from '~/modules/voting/receipt-check.server.ts';
import { InputError, UsageError, type Command } from '../command.ts';

/**
 * `check-receipt <round> <code>`: for an arbiter, whether a voter's receipt is on the round's published ballot
 * board, in words: exit 0 when it is, 1 when it is not, 2 when it cannot tell.
 */
export const checkReceipt: Command = {
  opens: 'database',
  async run({ args }) {
    const [round, receipt] = args;
    if (!round || !receipt) {
      throw new UsageError('check-receipt needs a round (its id or address) and a tracking code.');
    }
    const found = await check(round, receipt);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (found.outcome === 'unknown-round') throw new InputError(`No voting round "${found.round}" in this database.`);
    if (found.outcome === 'malformed') {
      throw new InputError(`"${found.code}" is not a tracking code: a receipt's code reads like 7K2P-9QXM-4TBD-1HZA.`);
    }
    if (found.outcome === 'not-counted') {
      throw new InputError(
        `The round "${found.title}" is not counted yet: its ballot board is published at its close.`,
      );
    }
    const board = `the published ballot board of the round "${found.title}" (${found.ballots} ballots, SHA-256 ${found.sha256})`;
    if (found.outcome === 'on-board') {
      out(`The receipt ${found.code} IS on ${board}.`);
      out('The board records these answers for it; they must be those of the receipt:');
      for (const { question, answer } of found.answers) out(`  - ${question}: ${answer}`);
      return 0;
    }
    out(`The receipt ${found.code} is NOT on ${board}.`);
    out(
      'Check the code and the round. A ballot replaced by a later one of the same voter leaves the board: only the last receipt is on it. Any other receipt of this round should be there.',
    );
    return 1;
  },
};
