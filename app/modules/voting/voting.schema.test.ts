import { describe, expect, it } from 'vitest';
import {
  answersFromForm,
  CreateRoundSchema,
  rankFormValue,
  RescheduleSchema,
  YES_NO_FORM_VALUES,
} from './voting.schema.ts';

const base = {
  title: 'Round',
  explanation: 'Why we vote.',
  opensAt: '2026-12-01T10:00',
  closesAt: '2026-12-08T18:00',
  quorumPercent: '10',
  majority: '1/2',
  method: 'SCHULZE',
  censusJoinedBefore: '2026-11-30',
  amendmentIds: ['abcdefghijklmnop'],
};

const parse = (input: Record<string, unknown>) => CreateRoundSchema.safeParse(input);
const messages = (input: Record<string, unknown>) => {
  const result = parse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the round form', () => {
  it('reads each time with the offset the browser had for that very moment', () => {
    // Paris: UTC+1 in December (offset -60), UTC+2 in October (-120).
    const result = parse({ ...base, opensAtOffset: '-120', closesAt: '2026-12-08T18:00', closesAtOffset: '-60' });
    expect(result.success && result.data.opensAt.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(result.success && result.data.closesAt.toISOString()).toBe('2026-12-08T17:00:00.000Z');
    // Without JavaScript, no offset: UTC, as the form says.
    const utc = parse(base);
    expect(utc.success && utc.data.opensAt.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('refuses dates that do not exist or fall outside 2000-2999, instead of storing something else', () => {
    expect(messages({ ...base, opensAt: '2026-02-31T10:00' })).toEqual(['opensAt: errors.dateInvalid']);
    expect(messages({ ...base, opensAt: '0000-01-01T00:00' })).toEqual(['opensAt: errors.dateInvalid']);
    expect(messages({ ...base, censusJoinedBefore: '0000-01-01' })).toEqual(['censusJoinedBefore: errors.dateInvalid']);
    expect(messages({ ...base, censusJoinedBefore: '2026-13-01' })).toEqual(['censusJoinedBefore: errors.dateInvalid']);
    expect(messages({ ...base, closesAt: '2026-11-30T10:00' })).toEqual(['closesAt: vote.errors.closesBeforeOpening']);
    expect(RescheduleSchema.safeParse({ closesAt: 'soon', reason: 'Because' }).success).toBe(false);
  });

  it('keeps a majority set for one amendment, and the round’s for the others', () => {
    const result = parse({ ...base, majorityOf: { abcdefghijklmnop: '3/5', other: '', bad: '7/8' } });
    expect(result.success && result.data.questionMajorities).toEqual({
      abcdefghijklmnop: { numerator: 3, denominator: 5 },
    });
  });
});

describe('the ballot form', () => {
  const q1 = 'aaaaaaaaaaaaaaaa';
  const q2 = 'bbbbbbbbbbbbbbbb';
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };

  it('turns rank numbers into groups, best first, equal numbers tied, blanks unranked', () => {
    const answers = answersFromForm(
      form([
        [`q.${q1}`, 'YES'],
        [`rank.${q2}.keep`, '2'],
        [`rank.${q2}.cccccccccccccccc`, '1'],
        [`rank.${q2}.dddddddddddddddd`, '2'],
        [`rank.${q2}.eeeeeeeeeeeeeeee`, ''],
      ]),
    );
    expect(answers).toEqual({ [q1]: 'YES', [q2]: [['cccccccccccccccc'], ['keep', 'dddddddddddddddd']] });
  });

  it('hands a hostile rank on as a malformed ranking, and ignores fields it does not know', () => {
    const answers = answersFromForm(
      form([
        [`rank.${q2}.keep`, '1e9'],
        ['__proto__', 'x'],
        ['q.short', 'YES'],
      ]),
    );
    expect(Object.keys(answers)).toEqual([q2]);
    expect(answers[q2]).not.toEqual([]);
  });

  it('reads the one-letter answers and zero-padded ranks the form sends, so every choice is one length', () => {
    expect(Object.values(YES_NO_FORM_VALUES).map((v) => v.length)).toEqual([1, 1, 1]);
    expect([0, 1, 3].map((rank) => rankFormValue(rank, 3))).toEqual(['0', '1', '3']);
    expect([0, 1, 12].map((rank) => rankFormValue(rank, 12))).toEqual(['00', '01', '12']);
    const answers = answersFromForm(
      form([
        [`q.${q1}`, YES_NO_FORM_VALUES.ABSTAIN],
        [`rank.${q2}.keep`, '00'],
        [`rank.${q2}.cccccccccccccccc`, '02'],
        [`rank.${q2}.dddddddddddddddd`, '01'],
      ]),
    );
    expect(answers).toEqual({ [q1]: 'ABSTAIN', [q2]: [['dddddddddddddddd'], ['cccccccccccccccc']] });
    expect(answersFromForm(form([[`q.${q1}`, 'N']]))).toEqual({ [q1]: 'NO' });
    expect(answersFromForm(form([[`q.${q1}`, 'NO']]))).toEqual({ [q1]: 'NO' });
    // Anything else is handed on as it is, for validateAnswers to refuse.
    expect(answersFromForm(form([[`q.${q1}`, 'toString']]))).toEqual({ [q1]: 'toString' });
  });
});
