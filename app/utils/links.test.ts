import { describe, expect, it } from 'vitest';
import { readerLinks, safeHref } from './links.ts';

describe('member-written links', () => {
  it('sends links to other sites through /leave, and leaves same-site and mail links alone', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('/leave?to=https%3A%2F%2Fexample.org%2Fa%3Fb%3Dc');
    expect(safeHref('/p/programme-2027')).toBe('/p/programme-2027');
    expect(safeHref('mailto:contact@example.org')).toBe('mailto:contact@example.org');
    expect(safeHref('#note-2')).toBe('#note-2');
  });

  it('sees another site where a browser would, however the address is spelt', () => {
    const toEvil = '/leave?to=https%3A%2F%2Fevil.example%2Fx';
    for (const odd of ['//evil.example/x', '/\\evil.example/x', '/\t/evil.example/x', ' //evil.example/x']) {
      expect(safeHref(odd), JSON.stringify(odd)).toBe(toEvil);
    }
    expect(safeHref('https:\\\\evil.example/x')).toBe(toEvil);
    expect(safeHref('https:/evil.example/x')).toBe(toEvil);
    expect(safeHref('HTTPS://evil.example/x')).toBe('/leave?to=HTTPS%3A%2F%2Fevil.example%2Fx');
  });

  it('never gives a link that runs or opens something, however it is spelt (issue 15)', () => {
    for (const unsafe of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'tel:+33100000000',
    ]) {
      expect(safeHref(unsafe), JSON.stringify(unsafe)).toBe('#');
    }
  });

  it('rewrites every link mark in a page’s data, however deep, and nothing else', () => {
    const paragraph = (href: string) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'source', marks: [{ type: 'bold' }, { type: 'link', attrs: { href } }] }],
    });
    const when = new Date('2026-11-30T00:00:00Z');
    const data = {
      title: 'See https://example.org in text',
      when,
      comments: [{ body: { type: 'doc', content: [paragraph('https://example.org/x')] } }],
      section: { content: { type: 'doc', content: [paragraph('/p/demo')] } },
    };
    const before = JSON.stringify(data);
    const out = readerLinks(data);
    expect(JSON.stringify(data)).toBe(before); // a copy: the original is untouched
    expect(out.comments[0]!.body.content[0]!.content[0]!.marks[1]).toEqual({
      type: 'link',
      attrs: { href: '/leave?to=https%3A%2F%2Fexample.org%2Fx' },
    });
    expect(out.section.content.content[0]!.content[0]!.marks[1]!.attrs).toEqual({ href: '/p/demo' });
    expect(out.title).toBe(data.title);
    expect(out.when).toBe(when);
    expect(JSON.stringify(out)).not.toMatch(/"https:\/\/example\.org\/x"/);
  });
});
