import { describe, expect, it } from 'vitest';
import type { DocNode } from '~/rich-text/document.ts';
import { carryOver, changesCollide, docTokens, hunks, tokensToDoc } from './merge.ts';

const doc = (...paragraphs: string[]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const change = (base: DocNode, other: DocNode) => hunks(docTokens(base), docTokens(other));

describe('rich text as tokens', () => {
  it('reads back every kind of block, mark and line break unchanged', () => {
    const rich: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Housing' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Rents ' },
            { type: 'text', text: 'capped', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'see law', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted.' }] }] },
      ],
    };
    expect(tokensToDoc(docTokens(rich))).toEqual(rich);
  });

  it('gives the same tokens for a list written with or without its default start', () => {
    const list = (attrs?: { start: number }): DocNode => ({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          ...(attrs ? { attrs } : {}),
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }],
        },
      ],
    });
    expect(docTokens(list({ start: 1 }))).toEqual(docTokens(list()));
    expect(docTokens(list({ start: 2 }))).not.toEqual(docTokens(list()));
  });

  it('gives the same tokens however a run of text is split', () => {
    const split: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hel' },
            { type: 'text', text: 'lo world' },
          ],
        },
      ],
    };
    expect(docTokens(split)).toEqual(docTokens(doc('Hello world')));
  });

  it('refuses tokens that do not make a valid document', () => {
    expect(tokensToDoc(['oparagraph'])).toBeNull();
    expect(tokensToDoc(['c'])).toBeNull();
    // A list item outside a list is not in the editor's schema.
    expect(tokensToDoc(['olistItem', 'oparagraph', 'c', 'c'])).toBeNull();
  });
});

describe('collisions', () => {
  const base = doc('Public transport is free for everyone under 26.', 'Night trains return to every region.');

  it('detects two changes of the same words, and not changes of different sentences', () => {
    const a = change(base, doc('Public transport is free for everyone.', 'Night trains return to every region.'));
    const b = change(
      base,
      doc('Public transport is free for everyone under 30.', 'Night trains return to every region.'),
    );
    const c = change(
      base,
      doc('Public transport is free for everyone under 26.', 'Night trains return to every city.'),
    );
    expect(changesCollide(a, b)).toBe(true);
    expect(changesCollide(a, c)).toBe(false);
    expect(changesCollide(b, c)).toBe(false);
  });

  it('counts two insertions at the same place as a collision, and an identical change as none', () => {
    const a = change(
      base,
      doc('Public transport is free for everyone under 26.', 'New.', 'Night trains return to every region.'),
    );
    const b = change(
      base,
      doc('Public transport is free for everyone under 26.', 'Other.', 'Night trains return to every region.'),
    );
    expect(changesCollide(a, b)).toBe(true);
    expect(
      changesCollide(
        a,
        change(
          base,
          doc('Public transport is free for everyone under 26.', 'New.', 'Night trains return to every region.'),
        ),
      ),
    ).toBe(false);
  });
});

describe('carrying an amendment over a moved base', () => {
  const base = doc('Public transport is free for everyone under 26.', 'Night trains return to every region.');
  const current = doc('Public transport is free for everyone under 30.', 'Night trains return to every region.');

  it('applies a change that does not overlap to the new text', () => {
    const proposed = doc('Public transport is free for everyone under 26.', 'Night trains return to every city.');
    expect(carryOver(base, current, proposed)).toEqual(
      doc('Public transport is free for everyone under 30.', 'Night trains return to every city.'),
    );
  });

  it('keeps both changes made in the same paragraph at different places', () => {
    const proposed = doc(
      'Public transport is completely free for everyone under 26.',
      'Night trains return to every region.',
    );
    expect(carryOver(base, current, proposed)).toEqual(
      doc('Public transport is completely free for everyone under 30.', 'Night trains return to every region.'),
    );
  });

  it('refuses a change that overlaps', () => {
    const proposed = doc('Public transport is free for everyone under 18.', 'Night trains return to every region.');
    expect(carryOver(base, current, proposed)).toBeNull();
  });

  it('carries over a new paragraph added after text that changed', () => {
    const proposed = doc(
      'Public transport is free for everyone under 26.',
      'Night trains return to every region.',
      'Bikes too.',
    );
    expect(carryOver(base, current, proposed)).toEqual(
      doc('Public transport is free for everyone under 30.', 'Night trains return to every region.', 'Bikes too.'),
    );
  });
});
