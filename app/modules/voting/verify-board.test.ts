import { describe, expect, it } from 'vitest';
import { canonicalAnswers, trackingCode, validateAnswers } from './board.ts';
import { verifyBoard } from './verify-board.ts';
import { tallyRound } from './tally.ts';
import { KEEP_CURRENT, type Answers, type Board, type PreferentialResult } from './types.ts';

const ROUND: Board['round'] = {
  id: 'round-1',
  title: 'Congrès 2025',
  programSlug: 'programme-2025',
  opensAt: '2025-03-01T08:00:00.000Z',
  closesAt: '2025-03-08T20:00:00.000Z',
  censusRule: 'Members verified before the opening',
  censusSize: 10,
  quorumPercent: 20,
  questions: [
    { id: 'q1', kind: 'YES_NO', title: 'SMIC à 1 600 €', amendmentId: 'am1', majority: { kind: 'SIMPLE' } },
    {
      id: 'q2',
      kind: 'PREFERENTIAL',
      title: 'Section Logement',
      method: 'SCHULZE',
      alternatives: [
        { id: KEEP_CURRENT, label: 'Garder le texte actuel' },
        { id: 'a1', label: 'Amendement 1' },
        { id: 'a2', label: 'Amendement 2' },
      ],
    },
  ],
};

const ANSWERS: Answers[] = [
  { q1: 'YES', q2: [['a1'], ['a2']] },
  { q1: 'YES', q2: [['a2', 'a1']] },
  { q1: 'NO', q2: [[KEEP_CURRENT]] },
  { q1: 'ABSTAIN', q2: [] },
  { q1: 'YES', q2: [['a1'], [KEEP_CURRENT]] },
];

/** A board as the app publishes it: validated answers, codes, ballots sorted by code, results from tallyRound. */
function makeBoard(round: Board['round'] = ROUND, answers: Answers[] = ANSWERS): Board {
  const ballots = answers.map((given, i) => {
    const checked = validateAnswers(round, given);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const nonce = `nonce-${i}`;
    return { code: trackingCode(round.id, canonicalAnswers(round, checked.answers), nonce), nonce, ...checked };
  });
  const sorted = ballots
    .map(({ code, nonce, answers }) => ({ code, nonce, answers }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { format: 'plenum-board-1', round, ballots: sorted, results: tallyRound(round, sorted) };
}

const clone = <T>(value: T): T => structuredClone(value);
describe('board verification', () => {
  it('accepts a board published as the app does', () => {
    const board = makeBoard();
    const verification = verifyBoard(board);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.recomputed).toEqual(board.results);
    expect(verification.recomputed).toMatchObject({ ballots: 5, turnout: 0.5, quorumMet: true });
    expect((verification.recomputed!.questions[1] as PreferentialResult).winner).toBe('a1');
    // Going through JSON, as the file anyone downloads does, changes nothing.
    expect(verifyBoard(JSON.parse(JSON.stringify(board))).ok).toBe(true);
  });

  it('accepts an empty board', () => {
    expect(verifyBoard(makeBoard(ROUND, [])).problems).toEqual([]);
  });

  it('catches an answer changed under its old code', () => {
    const board = makeBoard();
    const target = board.ballots.find((b) => b.answers.q1 === 'NO')!;
    target.answers.q1 = 'YES';
    const { ok, problems } = verifyBoard(board);
    expect(ok).toBe(false);
    expect(problems).toContain(`Ballot ${target.code}: the tracking code does not match its answers and nonce.`);
    // The published count no longer matches either.
    expect(problems).toContain('Question q1: published yes 3 but the board gives 4.');
  });

  it('catches a changed published count and winner', () => {
    const board = makeBoard();
    const q2 = board.results.questions[1] as PreferentialResult;
    q2.winner = 'a2';
    board.results.ballots = 6;
    const { ok, problems } = verifyBoard(board);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      'Published ballot count 6 but the board gives 5.',
      'Question q2: published winner "a2" but the board gives "a1".',
    ]);
  });

  it('catches reordered and duplicated ballots', () => {
    const reordered = makeBoard();
    reordered.ballots.reverse();
    const first = verifyBoard(reordered);
    expect(first.ok).toBe(false);
    expect(first.problems).toEqual([
      `The ballots are not sorted by tracking code: ${reordered.ballots[1]!.code} comes after ${reordered.ballots[0]!.code}.`,
    ]);

    const duplicated = makeBoard();
    duplicated.ballots.splice(1, 0, clone(duplicated.ballots[0]!));
    duplicated.results = tallyRound(duplicated.round, duplicated.ballots);
    expect(verifyBoard(duplicated).problems).toEqual([`Tracking code ${duplicated.ballots[0]!.code} appears 2 times.`]);
  });

  it('catches an invalid ballot, a wrong format and more ballots than the census', () => {
    const board = makeBoard({ ...ROUND, censusSize: 4 });
    (board as { format: string }).format = 'plenum-board-0';
    board.ballots[0]!.answers.q2 = [['a9']];
    const { problems } = verifyBoard(board);
    expect(problems).toContain('The board\'s format is "plenum-board-0", not "plenum-board-1".');
    expect(problems).toContain(
      `Ballot ${board.ballots[0]!.code} is not a valid vote: question q2 ranks an alternative the question does not have.`,
    );
    expect(problems).toContain('The board holds 5 ballots for a census of 4.');
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [
      null,
      42,
      'board',
      [],
      {},
      { format: 'plenum-board-1' },
      { ...makeBoard(), round: { ...ROUND, questions: [{ id: 'q', kind: 'PREFERENTIAL', alternatives: 'x' }] } },
      { ...makeBoard(), ballots: [null, { code: 5 }, { answers: [] }] },
      { ...makeBoard(), results: { questions: [null, { id: 'q9' }] } },
      { ...makeBoard(), results: null },
    ];
    for (const board of junk) {
      const verification = verifyBoard(board);
      expect(verification.ok).toBe(false);
      expect(verification.problems.length).toBeGreaterThan(0);
    }
  });
});
