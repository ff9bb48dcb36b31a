/**
 * The counting rules of ADR 0021, checked against a second, deliberately naive implementation written here
 * (brute-force strongest paths, exact fractions, positions read off each ballot), on random small profiles with
 * ties, equal ranks and unranked options; and the majority and quorum rules at their boundaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { borda, dowdall, schulze } from './preferential.ts';
import { tallyRound } from './tally.ts';
import { majorityReached, quorumNeeded, quorumReached } from './thresholds.ts';
import { CURRENT_COUNTING, KEEP_CURRENT, LEGACY_COUNTING, type Ranking, type RoundDefinition } from './types.ts';

// ---- The naive reference ---------------------------------------------------------------------------------------

/** Each alternative's level on a ballot (lower is better), unranked = Infinity; unknown and repeated ids ignored. */
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

/** An exact fraction [numerator, denominator > 0]. */
type Fraction = [bigint, bigint];
const plus = ([a, b]: Fraction, [c, d]: Fraction): Fraction => [a * d + c * b, b * d];
const over = ([a, b]: Fraction, k: number): Fraction => [a, b * BigInt(k)];
const compare = ([a, b]: Fraction, [c, d]: Fraction) => Math.sign(Number(a * d - c * b));
const toNumber = ([a, b]: Fraction) => Number(a) / Number(b);

/**
 * Positional scores as the rule says: on each ballot that states a preference (two levels at least), an
 * alternative whose level is shared by the alternatives at positions a+1 … b gets the average of those positions'
 * points; unranked alternatives are one more level, the last.
 */
function naivePositional(alternatives: string[], rankings: Ranking[], points: (position: number) => Fraction) {
  const scores: Fraction[] = alternatives.map(() => [0n, 1n]);
  for (const ranking of rankings) {
    const levels = levelsOf(alternatives, ranking);
    if (new Set(levels).size < 2) continue;
    levels.forEach((level, i) => {
      const first = levels.filter((l) => l < level).length + 1;
      const last = levels.filter((l) => l <= level).length;
      let sum: Fraction = [0n, 1n];
      for (let p = first; p <= last; p++) sum = plus(sum, points(p));
      scores[i] = plus(scores[i]!, over(sum, last - first + 1));
    });
  }
  // Highest score first; equal scores in listing order (the current text first, then the earliest amendment).
  const ranking = alternatives
    .map((_, i) => i)
    .sort((a, b) => compare(scores[b]!, scores[a]!) || a - b)
    .map((i) => alternatives[i]!);
  return { scores: scores.map(toNumber), ranking };
}

const naiveBorda = (alternatives: string[], rankings: Ranking[]) =>
  naivePositional(alternatives, rankings, (p) => [BigInt(alternatives.length - p), 1n]);
const naiveDowdall = (alternatives: string[], rankings: Ranking[]) =>
  naivePositional(alternatives, rankings, (p) => [1n, BigInt(p)]);

/** Strongest path strengths by trying every simple path (winning votes: a link i→j is d[i][j] if it beats d[j][i]). */
function naiveStrongestPaths(alternatives: string[], rankings: Ranking[]): number[][] {
  const n = alternatives.length;
  const d = alternatives.map(() => new Array<number>(n).fill(0));
  for (const ranking of rankings) {
    const levels = levelsOf(alternatives, ranking);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (levels[i]! < levels[j]!) d[i]![j]!++;
  }
  const link = (i: number, j: number) => (d[i]![j]! > d[j]![i]! ? d[i]![j]! : 0);
  const best = alternatives.map(() => new Array<number>(n).fill(0));
  const walk = (from: number, at: number, strength: number, visited: Set<number>) => {
    for (let next = 0; next < n; next++) {
      if (visited.has(next)) continue;
      const s = Math.min(strength, link(at, next));
      if (s > best[from]![next]!) best[from]![next] = s;
      visited.add(next);
      walk(from, next, s, visited);
      visited.delete(next);
    }
  };
  for (let i = 0; i < n; i++) walk(i, i, Infinity, new Set([i]));
  return best;
}

/** The Schulze winners: alternatives X with p[X][Y] ≥ p[Y][X] for every Y. */
function schulzeWinners(alternatives: string[], rankings: Ranking[]): string[] {
  const p = naiveStrongestPaths(alternatives, rankings);
  return alternatives.filter((_, x) => alternatives.every((_, y) => x === y || p[x]![y]! >= p[y]![x]!));
}

/** The Schulze ranking with ADR 0021's tie rule: the Schulze winners of those left, the first listed first. */
function naiveSchulzeRanking(alternatives: string[], rankings: Ranking[]): string[] {
  const p = naiveStrongestPaths(alternatives, rankings);
  const left = alternatives.map((_, i) => i);
  const ranking: string[] = [];
  while (left.length) {
    const unbeaten = left.filter((x) => left.every((y) => x === y || p[x]![y]! >= p[y]![x]!));
    const first = Math.min(...unbeaten);
    ranking.push(alternatives[first]!);
    left.splice(left.indexOf(first), 1);
  }
  return ranking;
}

// ---- Random small profiles: ties, equal ranks, unranked options ------------------------------------------------

/** A ballot as one level per alternative: 0 … n-1, or n and above for unranked; equal levels are equal ranks. */
function fromLevels(alternatives: string[], levels: number[]): Ranking {
  const groups: Ranking = alternatives.map(() => []);
  levels.forEach((level, i) => {
    if (level < alternatives.length) groups[level]!.push(alternatives[i]!);
  });
  return groups;
}

const profile = fc.integer({ min: 2, max: 5 }).chain((n) => {
  const alternatives = [KEEP_CURRENT, ...Array.from({ length: n - 1 }, (_, i) => `a${i + 1}`)];
  // Levels in a small range: many equal ranks, many unranked options, and so many ties between results.
  const ballot = fc
    .array(fc.integer({ min: 0, max: n }), { minLength: n, maxLength: n })
    .map((levels) => fromLevels(alternatives, levels));
  return fc.record({ alternatives: fc.constant(alternatives), rankings: fc.array(ballot, { maxLength: 12 }) });
});

const RUNS = { numRuns: 400 };

describe('Schulze, against a naive implementation', () => {
  it('the issue’s example: keep > a1 > a2 and a1 > a2 > keep keep the current text (the old count chose a1)', () => {
    const alternatives = [KEEP_CURRENT, 'a1', 'a2'];
    const rankings: Ranking[] = [
      [[KEEP_CURRENT], ['a1'], ['a2']],
      [['a1'], ['a2'], [KEEP_CURRENT]],
    ];
    expect(schulzeWinners(alternatives, rankings)).toEqual([KEEP_CURRENT, 'a1']);
    expect(schulze(alternatives, rankings).ranking).toEqual([KEEP_CURRENT, 'a1', 'a2']);
    // A board published before ADR 0021 is recounted as it was counted.
    expect(schulze(alternatives, rankings, LEGACY_COUNTING).ranking).toEqual(['a1', KEEP_CURRENT, 'a2']);
  });

  it('elects a Schulze winner: the current text whenever it is one, else the earliest listed of them', () => {
    let tiesWithKeep = 0;
    let tiesWithoutKeep = 0;
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        const winners = schulzeWinners(alternatives, rankings);
        const winner = schulze(alternatives, rankings).ranking[0];
        if (winners.length > 1 && winners.includes(KEEP_CURRENT)) tiesWithKeep++;
        if (winners.length > 1 && !winners.includes(KEEP_CURRENT)) tiesWithoutKeep++;
        expect(winner).toBe(winners.includes(KEEP_CURRENT) ? KEEP_CURRENT : winners[0]);
      }),
      RUNS,
    );
    // The profiles do reach both cases the rule decides.
    expect(tiesWithKeep).toBeGreaterThan(20);
    expect(tiesWithoutKeep).toBeGreaterThan(5);
  });

  it('ranks as the naive count does, all the way down', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        expect(schulze(alternatives, rankings).ranking).toEqual(naiveSchulzeRanking(alternatives, rankings));
      }),
      RUNS,
    );
  });
});

describe('Borda and Dowdall, against a naive implementation', () => {
  it('give the scores and ranking of the naive count (equal ranks share the average of their positions)', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        for (const [method, naive] of [
          [borda, naiveBorda],
          [dowdall, naiveDowdall],
        ] as const) {
          const counted = method(alternatives, rankings);
          const expected = naive(alternatives, rankings);
          expect(counted.ranking).toEqual(expected.ranking);
          counted.scores.forEach((score, i) => expect(score).toBeCloseTo(expected.scores[i]!, 9));
        }
      }),
      RUNS,
    );
  });

  it('works out the averages by hand', () => {
    const alternatives = [KEEP_CURRENT, 'a1', 'a2', 'a3'];
    // a1 first; a2 and a3 equal second (positions 2 and 3); keep unranked (position 4).
    const rankings: Ranking[] = [[['a1'], ['a2', 'a3']]];
    // Borda: positions are worth 3, 2, 1, 0: a2 and a3 get (2 + 1) / 2.
    expect(borda(alternatives, rankings).scores).toEqual([0, 3, 1.5, 1.5]);
    // Dowdall: 1, 1/2, 1/3, 1/4: a2 and a3 get (1/2 + 1/3) / 2 = 5/12.
    expect(dowdall(alternatives, rankings).scores).toEqual([1 / 4, 1, 5 / 12, 5 / 12]);
    // Everything equal, or nothing ranked: no preference, no points.
    expect(borda(alternatives, [[[KEEP_CURRENT, 'a1', 'a2', 'a3']], []]).scores).toEqual([0, 0, 0, 0]);
  });

  it('count options left unranked exactly as options ranked equal last, for every method', () => {
    fc.assert(
      fc.property(profile, ({ alternatives, rankings }) => {
        // The same preferences, the unranked options written out as a last group of equals.
        const explicit = rankings.map((ranking) => {
          const ranked = new Set(ranking.flat());
          const rest = alternatives.filter((a) => !ranked.has(a));
          return rest.length && ranked.size ? [...ranking.filter((g) => g.length), rest] : ranking;
        });
        for (const method of [schulze, borda, dowdall]) {
          expect(method(alternatives, explicit)).toEqual(method(alternatives, rankings));
        }
      }),
      RUNS,
    );
  });

  it('the old rules flipped a Dowdall winner between those two ways of writing one ballot', () => {
    const alternatives = [KEEP_CURRENT, 'a1', 'a2'];
    const others: Ranking[] = [
      [['a1'], [KEEP_CURRENT], ['a2']],
      [[KEEP_CURRENT], ['a1'], ['a2']],
      [[KEEP_CURRENT], ['a1'], ['a2']],
    ];
    const blank: Ranking = [['a1']];
    const equalLast: Ranking = [['a1'], [KEEP_CURRENT, 'a2']];
    expect(dowdall(alternatives, [...others, blank], LEGACY_COUNTING).ranking[0]).toBe('a1');
    expect(dowdall(alternatives, [...others, equalLast], LEGACY_COUNTING).ranking[0]).toBe(KEEP_CURRENT);
    expect(dowdall(alternatives, [...others, blank]).ranking[0]).toBe('a1');
    expect(dowdall(alternatives, [...others, equalLast]).ranking[0]).toBe('a1');
  });
});

describe('a round states the rules it is counted with', () => {
  const round = (counting?: RoundDefinition['counting']): RoundDefinition => ({
    id: 'r1',
    title: 'Congrès',
    censusSize: 2,
    quorumPercent: 0,
    questions: [
      {
        id: 'q1',
        kind: 'PREFERENTIAL',
        title: 'Section Logement',
        method: 'SCHULZE',
        alternatives: [KEEP_CURRENT, 'a1', 'a2'].map((id) => ({ id, label: id })),
      },
    ],
    ...(counting ? { counting } : {}),
  });
  const ballots = [{ answers: { q1: [[KEEP_CURRENT], ['a1'], ['a2']] } }, { answers: { q1: [['a1'], ['a2']] } }];

  it('counts with the current rules when it states them, and with the legacy ones when it states none', () => {
    const current = tallyRound(round(CURRENT_COUNTING), ballots);
    expect(current.counting).toEqual(CURRENT_COUNTING);
    expect(current.questions[0]).toMatchObject({ winner: KEEP_CURRENT });
    const legacy = tallyRound(round(), ballots);
    expect(legacy.counting).toBeUndefined();
    expect(legacy.questions[0]).toMatchObject({ winner: 'a1' });
  });
});

// ---- Majorities and quorum at their boundaries -----------------------------------------------------------------

describe('majorities, at their boundaries', () => {
  const SIMPLE = { kind: 'SIMPLE' } as const;
  const q = (numerator: number, denominator: number) => ({ kind: 'QUALIFIED' as const, numerator, denominator });

  it.each([
    // [rule, yes, no, adopted]
    ['1/2', SIMPLE, 1, 0, true],
    ['1/2', SIMPLE, 0, 0, false],
    ['1/2', SIMPLE, 50, 50, false],
    ['1/2', SIMPLE, 51, 50, true],
    ['3/5', q(3, 5), 3, 2, true], //   exactly 60 %
    ['3/5', q(3, 5), 5, 3, true], //   62.5 % (the 5 of 8, 1 abstention aside)
    ['3/5', q(3, 5), 5, 4, false], //  55.6 %
    ['3/5', q(3, 5), 59, 41, false],
    ['3/5', q(3, 5), 60, 40, true],
    ['2/3', q(2, 3), 2, 1, true], //   exactly 2/3
    ['2/3', q(2, 3), 3, 2, false],
    ['2/3', q(2, 3), 66, 34, false], // 66 % < 2/3
    ['2/3', q(2, 3), 67, 33, true],
    ['2/3', q(2, 3), 0, 0, false],
  ] as const)('%s: %i yes, %i no → adopted %s', (_name, rule, yes, no, adopted) => {
    expect(majorityReached(rule, yes, no)).toBe(adopted);
  });

  it('adopts exactly when yes is more than no and at least the fraction of yes + no', () => {
    fc.assert(
      fc.property(fc.constantFrom(q(3, 5), q(2, 3), q(1, 2), q(3, 4)), fc.nat(200), fc.nat(200), (rule, yes, no) => {
        const share = compare([BigInt(yes), BigInt(yes + no)], [BigInt(rule.numerator), BigInt(rule.denominator)]);
        expect(majorityReached(rule, yes, no)).toBe(yes > no && share >= 0);
      }),
      RUNS,
    );
  });
});

describe('quorum, at its boundaries', () => {
  it.each([
    // [percent, census, ballots needed]
    [64.4, 250, 161], // 161.0 exactly: the page said 162
    [50, 3, 2],
    [50, 4, 2],
    [12.5, 8, 1],
    [12.5, 9, 2],
    [33.333, 3, 1],
    [33.334, 3, 2],
    [100, 7, 7],
    [0.001, 1, 1],
    [0, 250, 0],
    [20, 0, 0],
  ])('%d % of %i is %i ballots', (percent, census, needed) => {
    expect(quorumNeeded(census, percent)).toBe(needed);
    expect(quorumReached(needed, census, percent)).toBe(true);
    if (needed > 0) expect(quorumReached(needed - 1, census, percent)).toBe(false);
  });

  it('is the fewest ballots reaching the percentage, in whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(5000), (thousandths, census) => {
        const needed = quorumNeeded(census, thousandths / 1000);
        // needed / census ≥ thousandths / 100,000, and needed - 1 falls short.
        expect(needed * 100_000).toBeGreaterThanOrEqual(thousandths * census);
        if (needed > 0) expect((needed - 1) * 100_000).toBeLessThan(thousandths * census);
      }),
      RUNS,
    );
  });
});
