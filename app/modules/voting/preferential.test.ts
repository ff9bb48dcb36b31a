import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { borda, dowdall, lcmUpTo, pairwiseMatrix, schulze } from './preferential.ts';
import { LEGACY_COUNTING, type Ranking } from './types.ts';

const METHODS = { schulze, borda, dowdall };

/** `count` copies of a strict ranking written as letters, e.g. 'ACBED'. */
const strict = (count: number, order: string): Ranking[] =>
  Array.from({ length: count }, () => [...order].map((id) => [id]));

/** A ballot as one level per alternative (0 best; `n` or more: unranked), written out as groups. */
function fromLevels(alternatives: string[], levels: number[], noise: boolean): Ranking {
  const n = alternatives.length;
  const groups: Ranking = Array.from({ length: n }, () => []);
  levels.forEach((level, i) => {
    if (level < n) groups[level]!.push(alternatives[i]!);
  });
  // Ids unknown to the question, and ids repeated after their first occurrence, are ignored: adding them at the
  // end changes nothing.
  if (noise) groups.push(['not-an-alternative', ...alternatives.slice(0, 2)]);
  return groups;
}

/** Naive reference: the levels of each alternative on a ballot, unranked = Infinity. */
function levelsOf(alternatives: string[], ranking: Ranking): number[] {
  const levels = alternatives.map(() => Infinity);
  ranking.forEach((group, g) =>
    group.forEach((id) => {
      const i = alternatives.indexOf(id);
      if (i >= 0 && levels[i] === Infinity) levels[i] = g;
    }),
  );
  return levels;
}

const profile = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const alternatives = ['keep', ...Array.from({ length: n - 1 }, (_, i) => `a${i + 1}`)];
  const ballot = fc
    .tuple(fc.array(fc.integer({ min: 0, max: n + 1 }), { minLength: n, maxLength: n }), fc.boolean())
    .map(([levels, noise]) => fromLevels(alternatives, levels, noise));
  return fc.record({ alternatives: fc.constant(alternatives), rankings: fc.array(ballot, { maxLength: 40 }) });
});

describe('pairwise matrix', () => {
  it('counts ballots ranking one alternative strictly above another; unranked ones are equal last', () => {
    const alternatives = ['keep', 'a1', 'a2'];
    const rankings: Ranking[] = [[['a1'], ['keep']], [['a2', 'a1']], [], [['keep'], ['a2']]];
    expect(pairwiseMatrix(alternatives, rankings)).toEqual([
      // keep over a1 (ballot 4: a1 unranked), over a2 (ballots 1 and 4)
      [0, 1, 2],
      // a1 over keep (ballots 1 and 2), over a2 (ballot 1: a2 unranked)
      [2, 0, 1],
      // a2 over keep (ballot 2), over a1 (ballot 4)
      [1, 1, 0],
    ]);
  });

  it('ignores unknown ids and ids repeated after their first occurrence', () => {
    const alternatives = ['keep', 'a1'];
    expect(pairwiseMatrix(alternatives, [[['ghost'], ['a1'], ['keep', 'a1']]])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(pairwiseMatrix(alternatives, [[['a1', 'a1'], [], ['keep']]])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('matches a naive count on any profile', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        const n = alternatives.length;
        const expected = alternatives.map(() => new Array<number>(n).fill(0));
        for (const ranking of rankings) {
          const levels = levelsOf(alternatives, ranking);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (levels[i]! < levels[j]!) expected[i]![j]!++;
        }
        expect(pairwiseMatrix(alternatives, rankings)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Schulze', () => {
  it('orders the Wikipedia example E, A, C, B, D', () => {
    const rankings = [
      ...strict(5, 'ACBED'),
      ...strict(5, 'ADECB'),
      ...strict(8, 'BEDAC'),
      ...strict(3, 'CABED'),
      ...strict(7, 'CAEBD'),
      ...strict(2, 'CBADE'),
      ...strict(7, 'DCEBA'),
      ...strict(8, 'EBADC'),
    ];
    const result = schulze(['A', 'B', 'C', 'D', 'E'], rankings);
    // The pairwise table of the example.
    expect(result.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.ranking).toEqual(['E', 'A', 'C', 'B', 'D']);
    // Alternatives each one beats by strongest path.
    expect(result.scores).toEqual([3, 1, 2, 0, 4]);
  });

  it('always elects a Condorcet winner', () => {
    let seen = 0;
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        const d = pairwiseMatrix(alternatives, rankings);
        const winner = alternatives.findIndex((_, i) => alternatives.every((_, j) => i === j || d[i]![j]! > d[j]![i]!));
        if (winner < 0) return;
        seen++;
        expect(schulze(alternatives, rankings).ranking[0]).toBe(alternatives[winner]);
      }),
      { numRuns: 300 },
    );
    expect(seen).toBeGreaterThan(30);
  });

  it('ranks every alternative exactly once', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        expect([...schulze(alternatives, rankings).ranking].sort()).toEqual([...alternatives].sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('Borda', () => {
  it('legacy rules: a point per alternative ranked strictly below, ties equal, unranked nothing', () => {
    const alternatives = ['keep', 'a1', 'a2', 'a3'];
    const rankings: Ranking[] = [
      [['a1'], ['a2'], ['keep'], ['a3']], // a1 3, a2 2, keep 1, a3 0
      [['a2', 'a3'], ['a1']], //            a2 2, a3 2 (above a1 and keep), a1 1 (above keep), keep 0
      [['keep']], //                        keep 3
      [], //                                nothing
      [['a1'], ['a3', 'keep']], //          a1 3, a3 1, keep 1 (both above a2), a2 0
      [['a3'], ['a2']], //                  a3 3, a2 2, keep 0, a1 0
    ];
    // keep 1+0+3+0+1+0 = 5; a1 3+1+0+0+3+0 = 7; a2 2+2+0+0+0+2 = 6; a3 0+2+0+0+1+3 = 6.
    const result = borda(alternatives, rankings, LEGACY_COUNTING);
    expect(result.scores).toEqual([5, 7, 6, 6]);
    // a2 and a3 tie at 6: a2 comes first in `alternatives`.
    expect(result.ranking).toEqual(['a1', 'a2', 'a3', 'keep']);
  });

  it('legacy rules: hands out as many points as there are strictly ordered pairs on the ballots', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        let pairs = 0;
        for (const ranking of rankings) {
          const levels = levelsOf(alternatives, ranking);
          for (const a of levels) for (const b of levels) if (a < b) pairs++;
        }
        const result = borda(alternatives, rankings, LEGACY_COUNTING);
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        expect(sum(result.scores)).toBe(pairs);
        expect(sum(result.pairwise.map(sum))).toBe(pairs);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Dowdall', () => {
  it('legacy rules: 1/p at position p (1 + alternatives strictly ahead), unranked nothing', () => {
    const alternatives = ['keep', 'a1', 'a2', 'a3'];
    const rankings: Ranking[] = [
      [['a1'], ['a2'], ['keep'], ['a3']], // a1 1, a2 1/2, keep 1/3, a3 1/4
      [['a2', 'a3'], ['a1']], //            a2 1, a3 1, a1 1/3 (two ahead), keep 0
      [['keep']], //                        keep 1
      [], //                                nothing
      [['a1'], ['a3', 'keep']], //          a1 1, a3 1/2, keep 1/2
      [['a3'], ['a2']], //                  a3 1, a2 1/2
    ];
    // keep 1/3 + 1 + 1/2 = 11/6; a1 1 + 1/3 + 1 = 7/3; a2 1/2 + 1 + 1/2 = 2; a3 1/4 + 1 + 1/2 + 1 = 11/4.
    const result = dowdall(alternatives, rankings, LEGACY_COUNTING);
    expect(result.scores).toEqual([11 / 6, 7 / 3, 2, 11 / 4]);
    expect(result.ranking).toEqual(['a3', 'a1', 'a2', 'keep']);
  });

  it('legacy rules: counts exactly, ten times 1/10 ties with 1', () => {
    // 11 alternatives; keep is 10th on ten ballots (1/10 each, 0.1 summed ten times is 0.9999999999999999 in
    // floating point), a1 is first on one ballot (1). They tie, so keep comes first.
    const others = Array.from({ length: 9 }, (_, i) => `b${i + 1}`);
    const alternatives = ['keep', 'a1', ...others];
    const rankings: Ranking[] = [...Array.from({ length: 10 }, () => [others, ['keep']]), [['a1']]];
    const result = dowdall(alternatives, rankings, LEGACY_COUNTING);
    expect(result.scores[0]).toBe(1);
    expect(result.scores[1]).toBe(1);
    expect(result.ranking).toEqual([...others, 'keep', 'a1']);
  });

  it('legacy rules: matches a floating-point reference', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        const expected = alternatives.map(() => 0);
        for (const ranking of rankings) {
          const levels = levelsOf(alternatives, ranking);
          levels.forEach((level, i) => {
            if (level !== Infinity) expected[i]! += 1 / (1 + levels.filter((l) => l < level).length);
          });
        }
        dowdall(alternatives, rankings, LEGACY_COUNTING).scores.forEach((score, i) =>
          expect(score).toBeCloseTo(expected[i]!, 9),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('knows lcm(1..20)', () => {
    expect(lcmUpTo(20)).toBe(232792560n);
    expect(lcmUpTo(1)).toBe(1n);
  });
});

describe('every method', () => {
  it('breaks ties by position in the alternatives: the current text first', () => {
    for (const method of Object.values(METHODS)) {
      expect(method(['keep', 'a1'], [[['a1']], [['keep']]]).ranking).toEqual(['keep', 'a1']);
      expect(method(['a1', 'keep'], [[['a1']], [['keep']]]).ranking).toEqual(['a1', 'keep']);
      expect(method(['keep', 'a1', 'a2'], []).ranking).toEqual(['keep', 'a1', 'a2']);
      // a1 and a2 tie above keep: the earlier amendment wins.
      expect(
        method(
          ['keep', 'a1', 'a2'],
          [
            [['a2'], ['a1']],
            [['a1'], ['a2']],
          ],
        ).ranking,
      ).toEqual(['a1', 'a2', 'keep']);
    }
  });

  it('gives the same result whatever the order of the ballots', () => {
    const shuffled = profile.chain(({ alternatives, rankings }) =>
      fc.tuple(
        fc.constant(alternatives),
        fc.constant(rankings),
        fc.shuffledSubarray(rankings, { minLength: rankings.length, maxLength: rankings.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([alternatives, rankings, reordered]) => {
        for (const method of Object.values(METHODS)) {
          expect(method(alternatives, reordered)).toEqual(method(alternatives, rankings));
        }
      }),
      { numRuns: 200 },
    );
  });
});
