import { describe, expect, it } from 'vitest';
import type { DocNode } from '~/rich-text/document.ts';
import { attribute, sourcesOf, type AttributedDoc } from './provenance.ts';

const doc = (...paragraphs: string[]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** The text of each paragraph as runs: plain, or [source] text. */
function runs(d: AttributedDoc) {
  return d.content.map((block) =>
    'content' in block && block.type === 'paragraph'
      ? (block.content ?? [])
          .map((n) => (n.type === 'text' ? (n.src ? `[${n.src}]${n.text}` : n.text) : '\n'))
          .join('|')
      : block.type,
  );
}

describe('provenance', () => {
  it('marks the words each amendment wrote, and nothing else', () => {
    const v0 = doc('Transport is free under 26.', 'Night trains return.');
    const v1 = doc('Transport is free under 30.', 'Night trains return.');
    const v2 = doc('Transport is free under 30.', 'Night trains return to every city.');
    const result = attribute(
      [
        { amendmentId: 'a', before: v0, after: v1 },
        { amendmentId: 'b', before: v1, after: v2 },
      ],
      v2,
    );
    expect(runs(result)).toEqual(['Transport is free under|[a] 30|.', 'Night trains return|[b] to every city|.']);
    expect(sourcesOf(result)).toEqual(['a', 'b']);
  });

  it('keeps an amendment’s words when a later one rewrites around them, and forgets the ones it replaced', () => {
    const v0 = doc('Free under 26.');
    const v1 = doc('Free under 30 for students.');
    const v2 = doc('Free for everyone under 30.');
    const result = attribute(
      [
        { amendmentId: 'a', before: v0, after: v1 },
        { amendmentId: 'b', before: v1, after: v2 },
      ],
      v2,
    );
    expect(runs(result)).toEqual(['Free|[b] for everyone| under|[a] 30|.']);
  });

  it('leaves text written while drafting unmarked, including edits between two amendments', () => {
    const v0 = doc('A.');
    const v1 = doc('A. B.');
    const edited = doc('A. B. C.');
    const result = attribute([{ amendmentId: 'a', before: v0, after: v1 }], edited);
    expect(runs(result)).toEqual(['A.|[a] B.| C.']);
    expect(runs(attribute([], doc('Untouched.')))).toEqual(['Untouched.']);
  });

  it('marks the whole of a section an amendment created', () => {
    const added = doc('Rents are capped.');
    expect(runs(attribute([{ amendmentId: 'n', before: null, after: added }], added))).toEqual([
      '[n]Rents are capped.',
    ]);
  });
});
