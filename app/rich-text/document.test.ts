import { describe, expect, it } from 'vitest';
import { countWords, docToDiffText, docToPlainText, parseDoc } from './document.ts';

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

describe('docToDiffText', () => {
  it('keeps bullets, numbers and nesting of lists, which docToPlainText drops', () => {
    const doc = parseDoc({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Mesures :' }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '30 heures' }] }] },
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'retraite' }] },
                {
                  type: 'orderedList',
                  attrs: { start: 3 },
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'à 60 ans' }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(docToDiffText(doc)).toBe('Mesures :\n• 30 heures\n• retraite\n   3. à 60 ans');
    expect(docToPlainText(doc)).toBe('Mesures :\n30 heures\nretraite\nà 60 ans');
  });
});
