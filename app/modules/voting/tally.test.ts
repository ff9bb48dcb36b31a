import { describe, expect, it } from 'vitest';
import { quorumReached, tallyRound } from './tally.ts';
import {
  KEEP_CURRENT,
  type Answers,
  type Majority,
  type PreferentialMethod,
  type PreferentialResult,
  type RoundDefinition,
  type YesNoAnswer,
  type YesNoResult,
} from './types.ts';

const SIMPLE: Majority = { kind: 'SIMPLE' };
const THREE_FIFTHS: Majority = { kind: 'QUALIFIED', numerator: 3, denominator: 5 };

function round(
  props: { censusSize?: number; quorumPercent?: number; majority?: Majority; method?: PreferentialMethod } = {},
): RoundDefinition {
  return {
    id: 'r1',
    title: 'Congrès 2025',
    censusSize: props.censusSize ?? 1000,
    quorumPercent: props.quorumPercent ?? 0,
    questions: [
      { id: 'q1', kind: 'YES_NO', title: 'SMIC à 1 600 €', amendmentId: 'am1', majority: props.majority ?? SIMPLE },
      {
        id: 'q2',
        kind: 'PREFERENTIAL',
        title: 'Section Logement',
        method: props.method ?? 'SCHULZE',
        alternatives: [
          { id: KEEP_CURRENT, label: 'Garder le texte actuel' },
          { id: 'a1', label: 'Amendement 1' },
          { id: 'a2', label: 'Amendement 2' },
        ],
      },
    ],
  };
}
/** Ballots answering q1: `yes` YES, `no` NO, `abstain` ABSTAIN, and `blank` with no answer at all. */
function yesNo(counts: { yes?: number; no?: number; abstain?: number; blank?: number }): { answers: Answers }[] {
  const make = (count = 0, answer?: YesNoAnswer) =>
    Array.from({ length: count }, (): { answers: Answers } => ({ answers: answer ? { q1: answer } : {} }));
  return [
    ...make(counts.yes, 'YES'),
    ...make(counts.no, 'NO'),
    ...make(counts.abstain, 'ABSTAIN'),
    ...make(counts.blank),
  ];
}

const q1 = (round: RoundDefinition, ballots: { answers: Answers }[]) =>
  tallyRound(round, ballots).questions[0] as YesNoResult;
const q2 = (round: RoundDefinition, ballots: { answers: Answers }[]) =>
  tallyRound(round, ballots).questions[1] as PreferentialResult;

describe('yes/no questions', () => {
  it('adopts with more yes than no under a simple majority', () => {
    expect(q1(round(), yesNo({ yes: 51, no: 50, abstain: 200 }))).toEqual({
      id: 'q1',
      kind: 'YES_NO',
      yes: 51,
      no: 50,
      abstain: 200,
      adopted: true,
    });
    expect(q1(round(), yesNo({ yes: 50, no: 51 })).adopted).toBe(false);
  });

  it('rejects a tie', () => {
    expect(q1(round(), yesNo({ yes: 40, no: 40, abstain: 5 })).adopted).toBe(false);
    expect(q1(round(), yesNo({})).adopted).toBe(false);
  });

  it('needs yes ≥ 3/5 of yes + no under a 3/5 majority, abstentions aside', () => {
    const qualified = round({ majority: THREE_FIFTHS });
    expect(q1(qualified, yesNo({ yes: 60, no: 40 })).adopted).toBe(true);
    expect(q1(qualified, yesNo({ yes: 59, no: 41 })).adopted).toBe(false);
    expect(q1(qualified, yesNo({ yes: 3, no: 2, abstain: 50 })).adopted).toBe(true);
    expect(q1(qualified, yesNo({ yes: 0, no: 0 })).adopted).toBe(false);
  });

  it('counts a missing answer as an abstention', () => {
    const result = q1(round(), yesNo({ yes: 2, no: 1, abstain: 1, blank: 3 }));
    expect([result.yes, result.no, result.abstain]).toEqual([2, 1, 4]);
  });
});

describe('quorum', () => {
  it('compares ballots with a percentage of the census, decimals included', () => {
    expect(quorumReached(125, 1000, 12.5)).toBe(true);
    expect(quorumReached(124, 1000, 12.5)).toBe(false);
    expect(quorumReached(1, 3, 33.333)).toBe(true);
    expect(quorumReached(0, 1000, 0)).toBe(true);
    expect(quorumReached(0, 0, 10)).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: the scaled comparison still says 3 of 1000 is enough.
    expect(quorumReached(3, 1000, 0.1 + 0.2)).toBe(true);
  });

  it('adopts nothing and elects no winner when the quorum is not met', () => {
    const strict = round({ censusSize: 1000, quorumPercent: 25 });
    const ballots = Array.from({ length: 249 }, () => ({ answers: { q1: 'YES', q2: [['a1']] } as Answers }));
    const results = tallyRound(strict, ballots);
    expect(results.quorumMet).toBe(false);
    expect(results.turnout).toBeCloseTo(0.249, 12);
    expect((results.questions[0] as YesNoResult).adopted).toBe(false);
    expect((results.questions[1] as PreferentialResult).winner).toBeNull();
    // The count is still published.
    expect((results.questions[1] as PreferentialResult).ranking[0]).toBe('a1');

    const enough = tallyRound(strict, [...ballots, ...ballots.slice(0, 1)]);
    expect(enough.quorumMet).toBe(true);
    expect((enough.questions[0] as YesNoResult).adopted).toBe(true);
    expect((enough.questions[1] as PreferentialResult).winner).toBe('a1');
  });

  it('reports turnout 0 for an empty census', () => {
    expect(tallyRound(round({ censusSize: 0 }), []).turnout).toBe(0);
  });
});

describe('preferential questions', () => {
  it('runs the question’s method and counts the ballots that ranked something', () => {
    const ballots: { answers: Answers }[] = [
      { answers: { q1: 'YES', q2: [['a2'], ['a1']] } },
      { answers: { q1: 'YES', q2: [['a2']] } },
      { answers: { q1: 'NO', q2: [['a1'], [KEEP_CURRENT]] } },
      { answers: { q1: 'NO', q2: [] } },
      { answers: { q1: 'ABSTAIN' } },
    ];
    for (const method of ['SCHULZE', 'BORDA', 'DOWDALL'] as const) {
      const result = q2(round({ method }), ballots);
      expect(result).toMatchObject({ id: 'q2', kind: 'PREFERENTIAL', method, alternatives: ['keep', 'a1', 'a2'] });
      expect(result.ranked).toBe(3);
      expect(result.winner).toBe('a2');
    }
    expect(q2(round({ method: 'BORDA' }), ballots).scores).toEqual([1, 3, 4]); // keep: above a2 on ballot 3
    expect(q2(round({ method: 'DOWDALL' }), ballots).scores).toEqual([0.5, 1.5, 2]);
  });

  it('keeps the current text when nobody voted', () => {
    const result = q2(round(), []);
    expect(result.winner).toBe(KEEP_CURRENT);
    expect(result.ranked).toBe(0);
  });
});
