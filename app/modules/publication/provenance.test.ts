import { describe, expect, it } from 'vitest';
import type { DocNode } from '~/rich-text/document.ts';
import { attribute, attributeSince, sourcesOf, type AttributedDoc } from './provenance.ts';

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

  describe('since the previous version (issue 17, item 8)', () => {
    const published = attribute(
      [{ amendmentId: 'a', before: doc('Free under 26.'), after: doc('Free under 30.') }],
      doc('Free under 30.', 'Night trains.'),
    );

    it('attributes words written outside amendments to a direct edit, and keeps the earlier sources', () => {
      const before = doc('Free under 30.', 'Night trains.');
      const adopted = doc('Free under 30.', 'Night trains to every city.');
      const current = doc('Free under 30 and for students.', 'Night trains to every city.');
      const { doc: result, edited } = attributeSince(
        published,
        [{ amendmentId: 'b', before, after: adopted }],
        current,
        'edit:s:2',
      );
      expect(edited).toBe(true);
      expect(runs(result)).toEqual([
        'Free under|[a] 30|[edit:s:2] and for students|.',
        'Night trains|[b] to every city|.',
      ]);
    });

    it('sees an edit made before an amendment was applied, and a removal that leaves no word', () => {
      const edited = doc('Free under 30.', 'Night trains, fast.');
      const adopted = doc('Free under 30.', 'Night trains, very fast.');
      const first = attributeSince(published, [{ amendmentId: 'b', before: edited, after: adopted }], adopted, 'e');
      expect(first.edited).toBe(true);
      expect(runs(first.doc)).toEqual(['Free under|[a] 30|.', 'Night trains|[e],|[b] very|[e] fast|.']);
      const removed = attributeSince(published, [], doc('Free under 30.'), 'e');
      expect(removed.edited).toBe(true);
      expect(sourcesOf(removed.doc)).toEqual(['a']);
    });

    it('finds no direct edit when only amendments changed the text', () => {
      const adopted = doc('Free under 30.', 'Night trains to every city.');
      const result = attributeSince(
        published,
        [{ amendmentId: 'b', before: doc('Free under 30.', 'Night trains.'), after: adopted }],
        adopted,
        'e',
      );
      expect(result.edited).toBe(false);
      expect(sourcesOf(result.doc)).toEqual(['a', 'b']);
    });
  });
});
