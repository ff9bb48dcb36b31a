import { describe, expect, it } from 'vitest';
import { canonicalAnswers, trackingCode, validateAnswers } from './board.ts';
import { tallyRound } from './tally.ts';
import { ANSWERS, ROUND } from './board.fixtures.ts';
import { describeCounting } from './board-round.ts';
import { verifyBoard as verify } from './verify-board.ts';
import { CURRENT_COUNTING, KEEP_CURRENT, type Answers, type Board, type PreferentialResult } from './types.ts';

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
    const verification = verify(board);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.recomputed).toEqual(board.results);
    expect(verification.recomputed).toMatchObject({ ballots: 5, turnout: 0.5, quorumMet: true });
    expect((verification.recomputed!.questions[1] as PreferentialResult).winner).toBe('a1');
    // Going through JSON, as the file anyone downloads does, changes nothing.
    expect(verify(JSON.parse(JSON.stringify(board))).ok).toBe(true);
  });

  it('accepts an empty board', () => {
    expect(verify(makeBoard(ROUND, [])).problems).toEqual([]);
  });

  it('catches an answer changed under its old code', () => {
    const board = makeBoard();
    const target = board.ballots.find((b) => b.answers.q1 === 'NO')!;
    target.answers.q1 = 'YES';
    const { ok, problems } = verify(board);
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
    const { ok, problems } = verify(board);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      'Published ballot count 6 but the board gives 5.',
      'Question q2: published winner "a2" but the board gives "a1".',
    ]);
  });

  it('catches reordered and duplicated ballots', () => {
    const reordered = makeBoard();
    reordered.ballots.reverse();
    const first = verify(reordered);
    expect(first.ok).toBe(false);
    expect(first.problems).toEqual([
      `The ballots are not sorted by tracking code: ${reordered.ballots[1]!.code} comes after ${reordered.ballots[0]!.code}.`,
    ]);

    const duplicated = makeBoard();
    duplicated.ballots.splice(1, 0, clone(duplicated.ballots[0]!));
    duplicated.results = tallyRound(duplicated.round, duplicated.ballots);
    expect(verify(duplicated).problems).toEqual([`Tracking code ${duplicated.ballots[0]!.code} appears 2 times.`]);
  });

  it('catches an invalid ballot, a wrong format and more ballots than the census', () => {
    const board = makeBoard({ ...ROUND, censusSize: 4 });
    (board as { format: string }).format = 'plenum-board-0';
    board.ballots[0]!.answers.q2 = [['a9']];
    const { problems } = verify(board);
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
      const verification = verify(board);
      expect(verification.ok).toBe(false);
      expect(verification.problems.length).toBeGreaterThan(0);
    }
  });

  /** A board whose round a forger changed, then published with codes and results recounted to match. */
  const forged = (change: (round: Board['round']) => void, answers: Answers[] = ANSWERS) => {
    const round = clone(ROUND);
    change(round);
    return verify(makeBoard(round, answers));
  };
  const q1 = (round: Board['round']) =>
    round.questions[0] as Extract<Board['round']['questions'][0], { kind: 'YES_NO' }>;
  const q2 = (round: Board['round']) =>
    round.questions[1] as Extract<Board['round']['questions'][0], { kind: 'PREFERENTIAL' }>;

  it('refuses majorities no vote can reach, or every vote reaches', () => {
    const majority = (numerator: number, denominator: number) =>
      forged((r) => (q1(r).majority = { kind: 'QUALIFIED', numerator, denominator }));
    expect(majority(3, 2)).toMatchObject({
      ok: false,
      problems: ['Question q1: its majority of 3/2 is above 1: no vote can reach it.'],
      recomputed: null,
    });
    expect(majority(0, 2).problems).toEqual(['Question q1: its majority of 0/2 is not above 0.']);
    expect(majority(-1, 2).problems).toEqual(['Question q1: its majority of -1/2 is not above 0.']);
    for (const [n, d] of [
      [1, 0],
      [1, -2],
      [1.5, 3],
    ]) {
      expect(majority(n!, d!).problems).toEqual([
        `Question q1 has no valid majority rule: ${n}/${d} is not a fraction of whole numbers above 0.`,
      ]);
    }
    // Unanimity (1/1) can be reached.
    expect(majority(1, 1).problems).toEqual([]);
  });

  it('refuses a quorum outside 0 to 100 %, and a census that is not a count', () => {
    expect(forged((r) => (r.quorumPercent = 150)).problems).toEqual([
      "The round's quorum of 150 % is above 100 %: no turnout can reach it.",
    ]);
    expect(forged((r) => (r.quorumPercent = -10)).problems).toEqual(["The round's quorum of -10 % is below 0 %."]);
    for (const censusSize of [-1, 7.5]) {
      expect(forged((r) => (r.censusSize = censusSize)).problems).toEqual([
        `The round's census size ${censusSize} is not a count (a whole number, 0 or more).`,
      ]);
    }
  });

  it('refuses questions a round cannot have', () => {
    expect(forged((r) => (r.questions = []), []).problems).toEqual(['The round has no questions.']);
    const alternatives = q2(ROUND).alternatives;
    expect(
      forged((r) => (q2(r).alternatives = [alternatives[1]!, alternatives[0]!, alternatives[2]!])).problems,
    ).toEqual(['Question q2: its first alternative must be "keep" (keep the current text), which wins ties.']);
    expect(
      forged(
        (r) => (q2(r).alternatives = [alternatives[0]!]),
        ANSWERS.map((a) => ({ q1: a.q1!, q2: [] })),
      ).problems,
    ).toEqual(['Question q2 has fewer than two alternatives.']);
    expect(
      forged((r) => (q2(r).alternatives = [...alternatives, { id: 'a1', label: 'Encore' }]), [{ q1: 'YES' }]).problems,
    ).toEqual(['Question q2 lists an alternative twice.']);
    // One amendment asked twice: as a yes/no question and as an alternative of another.
    expect(forged((r) => (q1(r).amendmentId = 'a1')).problems).toEqual([
      'Amendment a1 is asked twice in the round (questions q1 and q2).',
    ]);
  });

  it('refuses a round that closes before it opens', () => {
    expect(forged((r) => (r.closesAt = '2025-02-01T08:00:00.000Z')).problems).toEqual([
      'The round closes (2025-02-01T08:00:00.000Z) before it opens (2025-03-01T08:00:00.000Z).',
    ]);
    expect(forged((r) => (r.opensAt = 'yesterday')).problems).toEqual(['The round has no valid opening time.']);
  });

  it('refuses negative published counts, and ballots for options the round does not have', () => {
    const board = makeBoard();
    (board.results.questions[0] as { yes: number }).yes = -1;
    board.results.ballots = -5;
    const { problems } = verify(board);
    expect(problems).toContain('Published ballot count -5 is not a count (a whole number, 0 or more).');
    expect(problems).toContain('Question q1: published yes -1 is not a count (a whole number, 0 or more).');

    const unknown = makeBoard();
    unknown.ballots[0]!.answers = { ...unknown.ballots[0]!.answers, q9: 'YES' };
    unknown.ballots[1]!.answers.q2 = [['a7']];
    unknown.results = tallyRound(unknown.round, unknown.ballots);
    const found = verify(unknown).problems;
    expect(found).toContain(
      `Ballot ${unknown.ballots[0]!.code} is not a valid vote: it answers a question that is not in the round.`,
    );
    expect(found).toContain(
      `Ballot ${unknown.ballots[1]!.code} is not a valid vote: question q2 ranks an alternative the question does not have.`,
    );
  });

  describe('counting rules (ADR 0021)', () => {
    // The tie: keep > a1 > a2 and a1 > a2 > keep; keep and a1 are both Schulze winners.
    const TIE: Answers[] = [
      { q1: 'YES', q2: [[KEEP_CURRENT], ['a1'], ['a2']] },
      { q1: 'NO', q2: [['a1'], ['a2'], [KEEP_CURRENT]] },
    ];
    const stated = { ...ROUND, counting: CURRENT_COUNTING };

    it('recounts a board that states its rules with them: the tie keeps the current text', () => {
      const board = makeBoard(stated, TIE);
      expect(board.results.counting).toEqual(CURRENT_COUNTING);
      const verification = verify(JSON.parse(JSON.stringify(board)));
      expect(verification.problems).toEqual([]);
      expect((verification.recomputed!.questions[1] as PreferentialResult).winner).toBe(KEEP_CURRENT);
    });

    it('recounts an old board, which states none, as it was counted: the tie went to a1', () => {
      const board = makeBoard(ROUND, TIE);
      const verification = verify(board);
      expect(verification.problems).toEqual([]);
      expect((verification.recomputed!.questions[1] as PreferentialResult).winner).toBe('a1');
      expect(describeCounting(undefined)).toContain('published before ADR 0021');
    });

    it('catches results counted with other rules than the board states, and refuses unknown rules', () => {
      const board = makeBoard(ROUND, TIE);
      board.round = { ...board.round, counting: CURRENT_COUNTING };
      const problems = verify(board).problems.join('\n');
      expect(problems).toContain('Published counting rules nothing but the board gives');
      expect(problems).toContain('Question q2: published winner "a1" but the board gives "keep".');
      const unknown = makeBoard(stated, TIE) as unknown as { round: Record<string, unknown> };
      unknown.round.counting = { ties: 'coin-toss', equalRanks: 'average-of-positions' };
      expect(verify(unknown).problems).toEqual([
        'The round\'s counting rule ties "coin-toss" is not one Plenum knows.',
      ]);
    });
  });
});
