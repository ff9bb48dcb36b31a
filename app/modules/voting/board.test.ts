import { describe, expect, it } from 'vitest';
import { canonicalAnswers, newNonce, normalizeCode, trackingCode, validateAnswers } from './board.ts';
import { ANSWERS, ROUND } from './board.fixtures.ts';
import { KEEP_CURRENT } from './types.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const errorsOf = (input: unknown) => {
  const result = validateAnswers(ROUND, input);
  return result.ok ? [] : result.errors;
};

describe('tracking codes', () => {
  it('are 16 Crockford characters in four groups, the same for the same ballot', () => {
    const canonical = canonicalAnswers(ROUND, ANSWERS[0]!);
    const code = trackingCode('round-1', canonical, 'abc');
    expect(code).toMatch(CODE);
    expect(trackingCode('round-1', canonical, 'abc')).toBe(code);
    // Pinned (computed separately with Python's hashlib): a published code must stay recomputable.
    expect(canonical).toBe('[["q1","YES"],["q2",[["a1"],["a2"]]]]');
    expect(code).toBe('RPQP-5QQF-6Q0J-X157');
  });

  it('change with the round, the answers and the nonce', () => {
    const canonical = canonicalAnswers(ROUND, ANSWERS[0]!);
    const code = trackingCode('round-1', canonical, 'abc');
    expect(trackingCode('round-2', canonical, 'abc')).not.toBe(code);
    expect(trackingCode('round-1', canonicalAnswers(ROUND, ANSWERS[1]!), 'abc')).not.toBe(code);
    expect(trackingCode('round-1', canonical, 'abd')).not.toBe(code);
  });

  it('use fresh nonces', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('are found however a voter types them', () => {
    expect(normalizeCode('rpqp 5qqf-6qoj x157')).toBe('RPQP-5QQF-6Q0J-X157');
    expect(normalizeCode('  RPQP--5QQF 6Q0JX157 ')).toBe('RPQP-5QQF-6Q0J-X157');
    expect(normalizeCode('oOiI-lL00-1111-0000')).toBe('0011-1100-1111-0000');
  });
});

describe('canonical answers', () => {
  it('follow the round’s question order and the alternatives’ order inside a tie, without empty groups', () => {
    const a = canonicalAnswers(ROUND, { q2: [[], ['a2', KEEP_CURRENT, 'a1'], []], q1: 'NO' });
    const b = canonicalAnswers(ROUND, { q1: 'NO', q2: [['a1', 'a2', KEEP_CURRENT]] });
    expect(a).toBe(b);
    expect(a).toBe('[["q1","NO"],["q2",[["keep","a1","a2"]]]]');
    expect(canonicalAnswers(ROUND, { q1: 'YES' })).toBe('[["q1","YES"],["q2",[]]]');
  });
});

describe('answer validation', () => {
  it('accepts and normalises a full vote, and a blank preferential question', () => {
    expect(validateAnswers(ROUND, { q1: 'YES', q2: [['a2', 'a1'], [], ['keep']] })).toEqual({
      ok: true,
      answers: { q1: 'YES', q2: [['a1', 'a2'], ['keep']] },
    });
    expect(validateAnswers(ROUND, { q1: 'ABSTAIN' })).toEqual({ ok: true, answers: { q1: 'ABSTAIN', q2: [] } });
  });

  it('names each problem with its message key', () => {
    expect(errorsOf({ q1: 'YES', q3: 'YES' })).toEqual([{ questionId: null, key: 'vote.errors.unknownQuestion' }]);
    expect(errorsOf({ q2: [['a1']] })).toEqual([{ questionId: 'q1', key: 'vote.errors.missingAnswer' }]);
    expect(errorsOf({ q1: 'MAYBE' })).toEqual([{ questionId: 'q1', key: 'vote.errors.badAnswer' }]);
    expect(errorsOf({ q1: [['a1']] })).toEqual([{ questionId: 'q1', key: 'vote.errors.badAnswer' }]);
    expect(errorsOf({ q1: 'YES', q2: 'YES' })).toEqual([{ questionId: 'q2', key: 'vote.errors.badAnswer' }]);
    expect(errorsOf({ q1: 'YES', q2: [['a1', 'am9']] })).toEqual([
      { questionId: 'q2', key: 'vote.errors.unknownAlternative' },
    ]);
    expect(errorsOf({ q1: 'YES', q2: [['a1'], ['keep', 'a1']] })).toEqual([
      { questionId: 'q2', key: 'vote.errors.duplicateAlternative' },
    ]);
    for (const malformed of [['a1'], [[1]], { a1: 1 }, 3, Array.from({ length: 1001 }, () => [])]) {
      expect(errorsOf({ q1: 'YES', q2: malformed })).toEqual([
        { questionId: 'q2', key: 'vote.errors.malformedRanking' },
      ]);
    }
    expect(errorsOf({ q1: 'YES', q2: [Array.from({ length: 1000 }, () => 'a1')] })).toEqual([
      { questionId: 'q2', key: 'vote.errors.malformedRanking' },
    ]);
    expect(errorsOf('YES')).toEqual([{ questionId: null, key: 'vote.errors.badAnswer' }]);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ q3: 'YES', q2: [['a1', 'a1', 'x']] })).toEqual([
      { questionId: null, key: 'vote.errors.unknownQuestion' },
      { questionId: 'q1', key: 'vote.errors.missingAnswer' },
      { questionId: 'q2', key: 'vote.errors.duplicateAlternative' },
      { questionId: 'q2', key: 'vote.errors.unknownAlternative' },
    ]);
  });
});
