import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalAnswers, trackingCode, validateAnswers } from '~/modules/voting/board.ts';
import { tallyRound } from '~/modules/voting/tally.ts';
import { KEEP_CURRENT, type Answers, type Board, type YesNoResult } from '~/modules/voting/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let dir: string;

function makeBoard(): Board {
  const round: Board['round'] = {
    id: 'round-cli',
    title: 'Congrès de printemps',
    programSlug: 'programme',
    opensAt: '2025-03-01T08:00:00.000Z',
    closesAt: '2025-03-08T20:00:00.000Z',
    censusRule: 'Members verified before the opening',
    censusSize: 8,
    quorumPercent: 25,
    questions: [
      { id: 'q1', kind: 'YES_NO', title: 'SMIC à 1 600 €', amendmentId: 'am1', majority: { kind: 'SIMPLE' } },
      {
        id: 'q2',
        kind: 'PREFERENTIAL',
        title: 'Section Logement',
        method: 'BORDA',
        alternatives: [
          { id: KEEP_CURRENT, label: 'Garder le texte actuel' },
          { id: 'a1', label: 'Amendement 1' },
        ],
      },
    ],
  };
  const given: Answers[] = [
    { q1: 'YES', q2: [['a1']] },
    { q1: 'YES', q2: [['a1'], [KEEP_CURRENT]] },
    { q1: 'NO', q2: [[KEEP_CURRENT]] },
  ];
  const ballots = given
    .map((input, i) => {
      const checked = validateAnswers(round, input);
      if (!checked.ok) throw new Error('invalid test ballot');
      const nonce = `n${i}`;
      return {
        code: trackingCode(round.id, canonicalAnswers(round, checked.answers), nonce),
        nonce,
        answers: checked.answers,
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { format: 'plenum-board-1', round, ballots, results: tallyRound(round, ballots) };
}

/**
 * Runs the CLI as a user would (`npm run plenum -- verify-tally`, without npm: the compiled command line, built
 * first if the build is missing or stale), without any database configured. Through npx and tsx, each run cost
 * 1.7 s of CPU; compiled, 0.4 s.
 */
function verify(file: string, ...options: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/start.mjs', 'cli', 'verify-tally', file, ...options],
      // A DATA_DIR that must still not exist afterwards: the command opens no embedded database either.
      { cwd: ROOT, env: { ...env, DATA_DIR: path.join(dir, 'no-database-here') } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-verify-tally-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm run plenum -- verify-tally', () => {
  it('says a faithful board matches, and prints the results', async () => {
    const file = path.join(dir, 'board.json');
    await fs.writeFile(file, JSON.stringify(makeBoard(), null, 2));
    const { code, stdout } = await verify(file);
    expect(stdout).toContain('Congrès de printemps');
    expect(stdout).toContain('Census 8, ballots 3, turnout 37.5 %.');
    // The quorum in voters, counted in integers, and the majority's denominator in words (issue 17, items 3 and 4).
    expect(stdout).toContain('Quorum of 25 % of the census, that is 2 ballots: met.');
    expect(stdout).toContain(
      'yes 2, no 1, abstain 0 (yes 2 of 3 yes and no votes = 66.7 %; the rule: more yes than no): adopted',
    );
    // A board from before ADR 0021 states no rules: it is recounted with those it was counted with, and says so.
    expect(stdout).toContain('The board states no counting rules (published before ADR 0021)');
    expect(stdout).toContain('BORDA');
    expect(stdout).toContain('winner a1');
    expect(stdout).toContain('The published results match the board.');
    // A board from before ADR 0032 does not state its voter roll: it verifies, saying what could not be checked.
    expect(stdout).toContain("This board does not state the voter roll's size");
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'no-database-here'))).toBe(false);
  }, 60_000);

  it('checks that the voter roll has as many members as the board has ballots', async () => {
    const file = path.join(dir, 'roll.json');
    await fs.writeFile(file, JSON.stringify({ ...makeBoard(), roll: { size: 3 } }));
    const faithful = await verify(file);
    expect(faithful.stdout).toContain('The voter roll has as many members as the board has ballots.');
    expect(faithful.code).toBe(0);

    // One voter more on the roll than ballots on the board: a ballot was dropped (or a voter added).
    await fs.writeFile(file, JSON.stringify({ ...makeBoard(), roll: { size: 4 } }));
    const edited = await verify(file);
    expect(edited.stdout).toContain('The published results do NOT match the board:');
    expect(edited.stdout).toContain(
      'The voter roll holds 4 members but the board counts 3 ballots: there must be one ballot per voter.',
    );
    expect(edited.code).toBe(1);
  }, 60_000);

  it('says a tampered board does not match, and why', async () => {
    const board = makeBoard();
    (board.results.questions[0] as YesNoResult).no = 0;
    const file = path.join(dir, 'tampered.json');
    await fs.writeFile(file, JSON.stringify(board));
    const { code, stdout } = await verify(file);
    expect(stdout).toContain('The published results do NOT match the board:');
    expect(stdout).toContain('Question q1: published no 0 but the board gives 1.');
    expect(code).toBe(1);
  }, 60_000);

  it('exits with 2 when the file is missing or not JSON', async () => {
    const missing = await verify(path.join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');

    const file = path.join(dir, 'not-json.json');
    await fs.writeFile(file, '{ "format": ');
    const notJson = await verify(file);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
  }, 60_000);

  it('reports the board’s SHA-256, and checks it against the published one', async () => {
    const file = path.join(dir, 'published.json');
    const text = JSON.stringify(makeBoard());
    await fs.writeFile(file, text);
    const published = createHash('sha256').update(text, 'utf8').digest('hex');

    const unchecked = await verify(file);
    expect(unchecked.stdout).toContain(`SHA-256 of the board: ${published}`);
    expect(unchecked.code).toBe(0);

    const same = await verify(file, '--sha256', published.toUpperCase());
    expect(same.stdout).toContain('It matches the published SHA-256.');
    expect(same.code).toBe(0);

    // One byte more (a final newline): the counts still match, but it is not the board that was published.
    await fs.writeFile(file, text + '\n');
    const changed = await verify(file, '--sha256', published);
    expect(changed.stdout).toContain(`It does NOT match the published SHA-256 ${published}`);
    expect(changed.stdout).toContain('The published results match the board.');
    expect(changed.code).toBe(1);

    const malformed = await verify(file, '--sha256', 'abc');
    expect(malformed.stderr).toContain('--sha256 takes the 64 hexadecimal characters');
    expect(malformed.code).toBe(2);
  }, 60_000);

  it('refuses an impossible round, even when its results were recounted to match', async () => {
    const board = makeBoard();
    board.round.quorumPercent = 150;
    (board.round.questions[0] as { majority: unknown }).majority = { kind: 'QUALIFIED', numerator: 3, denominator: 2 };
    board.results = tallyRound(board.round, board.ballots);
    const file = path.join(dir, 'impossible.json');
    await fs.writeFile(file, JSON.stringify(board));
    const { code, stdout } = await verify(file);
    expect(stdout).toContain('The board is NOT a valid ballot board:');
    expect(stdout).toContain("The round's quorum of 150 % is above 100 %: no turnout can reach it.");
    expect(stdout).toContain('Question q1: its majority of 3/2 is above 1: no vote can reach it.');
    expect(stdout).not.toContain('match the board');
    expect(code).toBe(1);
  }, 60_000);
});
