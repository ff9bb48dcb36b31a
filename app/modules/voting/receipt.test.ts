import { describe, expect, it } from 'vitest';
import {
  decodeReceiptAnswers,
  encodeReceiptAnswers,
  htmlTextBytes,
  longestRankingBytes,
  padHtmlText,
  rankingText,
} from './receipt.ts';

describe('the answers a receipt carries', () => {
  it('are one length whatever they are, and read back as they were', () => {
    const longest = '[["q1","ABSTAIN"],["q2",[["keep"],["a1"],["a2"]]]]';
    const bytes = longest.length;
    const choices = ['[["q1","NO"],["q2",[]]]', '[["q1","YES"],["q2",[["a1","a2","keep"]]]]', longest];
    const encoded = choices.map((c) => encodeReceiptAnswers(c, bytes));
    expect(new Set(encoded.map((e) => e.length)).size).toBe(1);
    expect(encoded.every((e) => /^[A-Za-z0-9_-]+$/.test(e))).toBe(true);
    expect(decodeReceiptAnswers(encoded[0]!)).toEqual({ q1: 'NO', q2: [] });
    expect(decodeReceiptAnswers(encoded[1]!)).toEqual({ q1: 'YES', q2: [['a1', 'a2', 'keep']] });
  });

  it('refuse answers longer than the round allows, rather than cut them', () => {
    expect(() => encodeReceiptAnswers('[["q1","ABSTAIN"]]', 10)).toThrow(/exceed/);
  });
});

describe('the answers in words', () => {
  it('count bytes as the page sends them, escapes and accents included', () => {
    expect(htmlTextBytes('Oui')).toBe(3);
    expect(htmlTextBytes('Santé & "logement" <2027>')).toBe('Santé &amp; &quot;logement&quot; &lt;2027&gt;'.length + 1);
    expect(htmlTextBytes("l'eau")).toBe('l&#x27;eau'.length);
  });

  it('are padded to one size with spaces', () => {
    const longest = Math.max(...['Oui', 'Non', 'Abstention'].map(htmlTextBytes));
    const padded = ['Oui', 'Non', 'Abstention'].map((w) => padHtmlText(w, longest));
    expect(padded.map(htmlTextBytes)).toEqual([10, 10, 10]);
    expect(padded.map((w) => w.trim())).toEqual(['Oui', 'Non', 'Abstention']);
  });

  it('never make a ranking longer than every alternative ranked', () => {
    const names: Record<string, string> = { keep: 'Garder le texte', a1: 'Santé & soins', a2: 'Eau' };
    const name = (id: string) => names[id]!;
    const longest = longestRankingBytes(['keep', 'a1', 'a2'], name, 'laissé en blanc');
    const rankings = [[], [['a2']], [['a1', 'a2']], [['keep'], ['a1'], ['a2']], [['a2', 'keep', 'a1']]];
    for (const ranking of rankings) {
      expect(htmlTextBytes(rankingText(ranking, name))).toBeLessThanOrEqual(longest);
    }
    // One alternative per rank is the longest: ">" is "&gt;" in HTML.
    expect(htmlTextBytes(rankingText([['a1'], ['keep'], ['a2']], name))).toBe(longest);
    expect(rankingText([['keep'], ['a1', 'a2']], name)).toBe('Garder le texte > Santé & soins = Eau');
  });
});
