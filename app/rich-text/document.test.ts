import { describe, expect, it } from 'vitest';
import { countWords, docToPlainText, parseDoc } from './document.ts';

describe('rich text', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Un titre' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Du texte ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'lié', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un point' }] }] },
        ],
      },
    ],
  };

  it('accepts the editor’s nodes and gives their plain text', () => {
    const parsed = parseDoc(doc);
    expect(docToPlainText(parsed)).toBe('Un titre\nDu texte lié\nun point');
    expect(countWords(parsed)).toBe(7);
  });

  it('refuses script links, unknown nodes and raw HTML', () => {
    const withLink = (href: string) => ({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] },
      ],
    });
    expect(() => parseDoc(withLink('javascript:alert(1)'))).toThrow();
    expect(() => parseDoc(withLink(' JAVASCRIPT:alert(1)'))).toThrow();
    expect(() => parseDoc({ type: 'doc', content: [{ type: 'html', html: '<script>x</script>' }] })).toThrow();
    expect(() => parseDoc('not a document')).toThrow();
  });
});
