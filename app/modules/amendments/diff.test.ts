import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, hasChanges, tokenize } from './diff.ts';

const before = (parts: ReturnType<typeof diffWords>) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const after = (parts: ReturnType<typeof diffWords>) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');

describe('word diff', () => {
  it('marks whole words changed, not letters', () => {
    expect(diffWords('Le SMIC à 1 400 euros net.', 'Le SMIC à 1 600 euros net, tout de suite.')).toEqual([
      { op: 'equal', text: 'Le SMIC à 1 ' },
      { op: 'delete', text: '400' },
      { op: 'insert', text: '600' },
      { op: 'equal', text: ' euros net' },
      { op: 'insert', text: ', tout de suite' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('keeps accented words and apostrophes whole', () => {
    expect(tokenize('L’école publique, gratuite')).toEqual(['L’école', ' ', 'publique', ',', ' ', 'gratuite']);
  });

  it('says when nothing changed', () => {
    expect(hasChanges(diffWords('Même texte.', 'Même texte.'))).toBe(false);
    expect(hasChanges(diffWords('', 'Nouveau'))).toBe(true);
  });

  it('always rebuilds both texts exactly, whatever they are', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffWords(a, b);
        expect(before(parts)).toBe(a);
        expect(after(parts)).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('stays within bounds on a rewrite of a long text', () => {
    const a = 'mot '.repeat(5000);
    const b = 'autre '.repeat(5000);
    const parts = diffWords(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
  });
});
