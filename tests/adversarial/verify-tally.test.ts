import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyRound } from '../../app/modules/voting/tally.ts';
import type { Board } from '../../app/modules/voting/types.ts';
import { CLI_ENTRY, runToExit } from '../e2e/support/server.ts';
import { prepareVotedRound } from '../e2e/support/scenarios.ts';
import { startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 15, item 16: `plenum verify-tally` is what a member or a journalist runs to trust a vote's result. A
 * board someone forged (a mirror, a "corrected" copy, a file passed around) must not pass: not a file other than
 * the one whose SHA-256 the round published, nor a round whose rules no real round can have, even when the
 * forger recounted the results to match those rules.
 */

let target: Target;
let dir: string;
let published: { text: string; sha256: string };

beforeAll(async () => {
  target = await startTarget();
  const voted = await prepareVotedRound(target);
  await voted.close();
  const res = await fetch(`${target.url}/api/v1/rounds/${voted.roundId}/board`);
  expect(res.status).toBe(200);
  published = { text: await res.text(), sha256: res.headers.get('x-board-sha256')! };
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-forged-boards-'));
});
afterAll(async () => {
  await target?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Runs the command as a reader would, on `text` written to a file. */
async function verifyTally(name: string, text: string, ...options: string[]) {
  const file = path.join(dir, `${name}.json`);
  await fs.writeFile(file, text);
  return runToExit([CLI_ENTRY, 'verify-tally', file, ...options], {});
}

/** The published board with its round changed, and its results recounted under the changed round. */
function forge(change: (round: Board['round']) => void): string {
  const board = JSON.parse(published.text) as Board;
  change(board.round);
  board.results = tallyRound(board.round, board.ballots);
  return JSON.stringify(board);
}

describe('verify-tally on boards an attacker hands out', () => {
  it('accepts the published board with its published hash, and nothing else under that hash', async () => {
    await underAttack(target, async () => {
      const genuine = await verifyTally('genuine', published.text, '--sha256', published.sha256);
      expect(genuine.output).toContain(`SHA-256 of the board: ${published.sha256}`);
      expect(genuine.output).toContain('It matches the published SHA-256.');
      expect(genuine.output).toContain('The published results match the board.');
      // The recount says which rules it counted with: the ones the board states (ADR 0021).
      expect(genuine.output).toContain(
        'Counting rules stated by the board (ADR 0021): ties: a tie among the winners keeps the current text',
      );
      expect(genuine.code).toBe(0);

      // The same ballots and counts, laid out differently: a recount agrees, the hash does not.
      const reformatted = JSON.stringify(JSON.parse(published.text), null, 2);
      const relaid = await verifyTally('reformatted', reformatted, '--sha256', published.sha256);
      expect(relaid.output).toContain('The published results match the board.');
      expect(relaid.output).toContain(`It does NOT match the published SHA-256 ${published.sha256}`);
      expect(relaid.code).toBe(1);

      const other = randomBytes(32).toString('hex');
      const wrong = await verifyTally('wrong-hash', published.text, '--sha256', other);
      expect(wrong.output).toContain(`It does NOT match the published SHA-256 ${other}`);
      expect(wrong.code).toBe(1);

      const malformed = await verifyTally('malformed-hash', published.text, '--sha256', 'not-a-hash');
      expect(malformed.output).toContain('--sha256 takes the 64 hexadecimal characters');
      expect(malformed.code).toBe(2);
    });
  });

  it('refuses rounds no real round can be, recounted or not, each with a clear message', async () => {
    const question = (round: Board['round']) =>
      round.questions[0] as Extract<Board['round']['questions'][0], { kind: 'YES_NO' }>;
    const original = (JSON.parse(published.text) as Board).round;
    const id = question(original).id;
    const amendmentId = question(original).amendmentId;
    const cases: [string, string, string][] = [
      [
        'majority-above-1',
        forge((r) => (question(r).majority = { kind: 'QUALIFIED', numerator: 3, denominator: 2 })),
        `Question ${id}: its majority of 3/2 is above 1: no vote can reach it.`,
      ],
      [
        'majority-zero',
        forge((r) => (question(r).majority = { kind: 'QUALIFIED', numerator: 0, denominator: 3 })),
        `Question ${id}: its majority of 0/3 is not above 0.`,
      ],
      [
        'quorum-above-100',
        forge((r) => (r.quorumPercent = 150)),
        "The round's quorum of 150 % is above 100 %: no turnout can reach it.",
      ],
      ['quorum-negative', forge((r) => (r.quorumPercent = -5)), "The round's quorum of -5 % is below 0 %."],
      [
        'census-negative',
        forge((r) => (r.censusSize = -3)),
        "The round's census size -3 is not a count (a whole number, 0 or more).",
      ],
      [
        'amendment-twice',
        forge((r) => r.questions.push({ ...question(r), id: 'aaaaaaaaaaaaaaaa' })),
        `Amendment ${amendmentId} is asked twice in the round (questions ${id} and aaaaaaaaaaaaaaaa).`,
      ],
    ];

    const results = await underAttack(target, async () => {
      const out: Awaited<ReturnType<typeof verifyTally>>[] = [];
      for (const [name, text] of cases) out.push(await verifyTally(name, text));
      return out;
    });
    cases.forEach(([name, , message], i) => {
      expect(results[i]!.output, name).toContain('The board is NOT a valid ballot board:');
      expect(results[i]!.output, name).toContain(message);
      expect(results[i]!.output, name).not.toContain('The published results match the board.');
      expect(results[i]!.code, name).toBe(1);
    });

    // A ballot for an option the round does not have, counted by the forger: refused too.
    const board = JSON.parse(published.text) as Board;
    board.ballots[0]!.answers[id] = 'MAYBE' as never;
    board.results = tallyRound(board.round, board.ballots);
    const unknown = await verifyTally('unknown-option', JSON.stringify(board));
    expect(unknown.output).toContain(`Ballot ${board.ballots[0]!.code} is not a valid vote: question ${id}`);
    expect(unknown.code).toBe(1);
  });
});
