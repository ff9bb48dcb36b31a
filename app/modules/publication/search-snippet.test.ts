import { describe, expect, it } from 'vitest';
import { snippetParts } from './search.server.ts';

describe('search snippets', () => {
  it('cuts a headline into plain and marked parts', () => {
    expect(snippetParts('Le \u0002seuil\u0003 est abaissé, le \u0002seuil\u0003.')).toEqual([
      { text: 'Le ', mark: false },
      { text: 'seuil', mark: true },
      { text: ' est abaissé, le ', mark: false },
      { text: 'seuil', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('keeps a snippet without a match whole, and a stray delimiter out of the text', () => {
    expect(snippetParts('Rien à signaler.')).toEqual([{ text: 'Rien à signaler.', mark: false }]);
    expect(snippetParts('a\u0003b')).toEqual([{ text: 'ab', mark: false }]);
  });
});
