import { describe, expect, it } from 'vitest';
import { passagesOf, versionNumberOf } from '../../app/modules/publication/api.server.ts';
import type { AttributedDoc } from '../../app/modules/publication/provenance.ts';

describe('the passages an amendment wrote', () => {
  it('join its consecutive words across marks, and end at other words, line breaks and blocks', () => {
    const doc: AttributedDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Night trains return to every' },
            { type: 'text', text: ' city', src: 'a' },
            { type: 'text', text: ' and', src: 'a', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' town', src: 'b' },
            { type: 'text', text: '.' },
            { type: 'text', text: ' Free', src: 'a' },
            { type: 'hardBreak' },
            { type: 'text', text: 'for all', src: 'a' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: ' ', src: 'c' }] }] },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Under 26.', src: 'a' }] },
      ],
    };
    expect(passagesOf(doc)).toEqual([
      { text: 'city and', amendmentId: 'a' },
      { text: 'town', amendmentId: 'b' },
      { text: 'Free', amendmentId: 'a' },
      { text: 'for all', amendmentId: 'a' },
      { text: 'Under 26.', amendmentId: 'a' },
    ]);
  });
});

describe('a version number in an address', () => {
  it('is digits (else 400), of a number a version may have (else 404)', () => {
    expect(versionNumberOf('1')).toBe(1);
    expect(versionNumberOf('012')).toBe(12);
    for (const bad of ['', 'abc', '-1', '1.5', '1e3', ' 1', '0x10']) {
      expect(() => versionNumberOf(bad), bad).toThrow(expect.objectContaining({ status: 400 }) as Error);
    }
    for (const none of ['0', '2147483648', '99999999999999999999', '9'.repeat(400)]) {
      expect(() => versionNumberOf(none), none).toThrow(expect.objectContaining({ status: 404 }) as Error);
    }
  });
});
