import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RichText } from '~/rich-text/render.tsx';
import { docTokens, tokensToDoc } from '~/modules/amendments/merge.ts';
import { repairDoc } from '~/rich-text/repair.ts';
import { parseDoc, type DocNode, docToPlainText, MAX_DEPTH } from '~/rich-text/document.ts';
import { docToHtml } from '~/modules/publication/html.ts';
import { docToMarkdown } from '~/modules/publication/markdown.ts';
import { attribute } from '~/modules/publication/provenance.ts';
import { documentSchema, FRAGMENT } from '~/rich-text/extensions.ts';
import { checkUpdate, UpdateRefusedError } from './schema-check.ts';
import { encodeDocAsUpdate, readYDoc, replaceYDoc } from './ydoc.ts';

/** A Y.Doc holding `text`, as the server seeds one. */
function seeded(text: DocNode): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeDocAsUpdate(text));
  return doc;
}

/** The update a client holding a copy of `doc` sends after `edit`. */
function editOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

const check = (doc: Y.Doc, update: Uint8Array) => checkUpdate(doc, Y.decodeUpdate(update));
const fragment = (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT);
const element = (doc: Y.Doc, i: number) => fragment(doc).get(i) as Y.XmlElement;
const textOf = (doc: Y.Doc, i: number) => element(doc, i).get(0) as Y.XmlText;

/** Every way Plenum reads text, as the pages, exports and amendments do: none may throw. */
function readEveryWay(doc: DocNode) {
  parseDoc(doc);
  if (doc.content.length) documentSchema.nodeFromJSON(doc).check();
  const html = renderToStaticMarkup(createElement(RichText, { doc }));
  const published = docToHtml(attribute([], doc));
  docToMarkdown(attribute([], doc));
  docToPlainText(doc);
  tokensToDoc(docTokens(doc));
  return html + published;
}

const SAMPLE: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }] }] }],
    },
  ],
};

describe('the schema check of live changes (issue 15)', () => {
  it('accepts what the editor writes: a seeded text, typing, marks, a new list', () => {
    const empty = new Y.Doc();
    check(empty, encodeDocAsUpdate(SAMPLE));
    const doc = seeded(SAMPLE);
    for (const edit of [
      (d: Y.Doc) => textOf(d, 1).insert(2, 'bonjour'),
      (d: Y.Doc) => textOf(d, 1).format(0, 3, { italic: {} }),
      (d: Y.Doc) => textOf(d, 0).format(0, 3, { link: { href: 'mailto:a@example.org', target: '_blank' } }),
      (d: Y.Doc) => element(d, 0).setAttribute('level', 3 as unknown as string),
      (d: Y.Doc) => replaceYDoc(d, { ...SAMPLE, content: [...SAMPLE.content, { type: 'blockquote', content: [] }] }),
    ]) {
      const update = editOf(doc, edit);
      expect(() => check(doc, update)).not.toThrow();
      Y.applyUpdate(doc, update);
    }
  });

  it('refuses the poison of the review: a javascript: link, an unknown node, a heading of level 9', () => {
    const doc = seeded(SAMPLE);
    const poisons: [string, (d: Y.Doc) => void][] = [
      ['javascript: link', (d) => textOf(d, 0).format(0, 2, { link: { href: 'javascript:alert(1)' } })],
      ['data: link', (d) => textOf(d, 0).format(0, 2, { link: { href: 'data:text/html,x' } })],
      ['unknown node', (d) => fragment(d).push([new Y.XmlElement('iframe')])],
      ['heading of level 9', (d) => element(d, 0).setAttribute('level', 9 as unknown as string)],
      ['unknown attribute', (d) => element(d, 1).setAttribute('onclick', 'alert(1)')],
      ['unknown mark', (d) => textOf(d, 0).format(0, 2, { code: {} })],
      ['text in the document itself', (d) => fragment(d).push([new Y.XmlText('x')])],
      ['a paragraph in a paragraph', (d) => element(d, 1).push([new Y.XmlElement('paragraph')])],
      ['a NUL', (d) => textOf(d, 0).insert(0, 'a\u0000b')],
      ['another root', (d) => d.getMap('elsewhere').set('a', 1)],
      ['a map in the text', (d) => fragment(d).push([new Y.XmlHook('hook') as unknown as Y.XmlElement])],
      ['an embed', (d) => textOf(d, 0).insertEmbed(0, { image: 'x' })],
      [
        'blocks nested past the limit',
        (d) => {
          let parent: Y.XmlFragment = fragment(d);
          for (let i = 0; i <= MAX_DEPTH; i++) {
            const quote = new Y.XmlElement('blockquote');
            parent.push([quote]);
            parent = quote;
          }
        },
      ],
    ];
    for (const [what, edit] of poisons) {
      expect(() => check(doc, editOf(doc, edit)), what).toThrow(UpdateRefusedError);
    }
  });

  it('finds where an item lands through the changes queued before it (a keystroke after one being stored)', () => {
    const doc = seeded(SAMPLE);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    textOf(client, 1).insert(0, 'a');
    textOf(client, 1).insert(1, 'b');
    textOf(client, 1).format(1, 1, { link: { href: 'javascript:x' } });
    const [first, second, third] = updates.map((u) => Y.decodeUpdate(u));
    checkUpdate(doc, first!);
    checkUpdate(doc, second!, [first!]);
    expect(() => checkUpdate(doc, third!, [first!, second!])).toThrow(UpdateRefusedError);
  });

  it('reads a poisoned document (stored before this check) as the valid text closest to it', () => {
    const doc = seeded(SAMPLE);
    for (const edit of [
      (d: Y.Doc) => textOf(d, 0).format(0, 2, { link: { href: 'javascript:alert(1)' } }),
      (d: Y.Doc) => element(d, 0).setAttribute('level', 9 as unknown as string),
      (d: Y.Doc) => fragment(d).push([new Y.XmlElement('iframe')]),
      (d: Y.Doc) => fragment(d).push([new Y.XmlText('loose text')]),
    ]) {
      Y.applyUpdate(doc, editOf(doc, edit));
    }
    const { doc: text, problems, shapeOnly } = readYDoc(doc);
    expect(shapeOnly).toBe(false);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    const html = readEveryWay(text);
    expect(html).not.toContain('javascript:');
    expect(text.content[0]).toMatchObject({ type: 'heading', attrs: { level: 4 } });
    expect(docToPlainText(text)).toContain('loose text');
    expect(docToPlainText(text)).toContain('Titre');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties (fast-check).

const mark = fc.constantFrom(
  { type: 'bold' as const },
  { type: 'italic' as const },
  { type: 'link' as const, attrs: { href: 'https://example.org/a' } },
  { type: 'link' as const, attrs: { href: '/p/demo' } },
);
const textNode = fc
  .record({
    text: fc.string({ minLength: 1, maxLength: 8 }),
    marks: fc.uniqueArray(mark, { selector: (m) => m.type, maxLength: 2 }),
  })
  .map(({ text, marks }) => (marks.length ? { type: 'text' as const, text, marks } : { type: 'text' as const, text }));
const inline = fc.array(fc.oneof(textNode, textNode, fc.constant({ type: 'hardBreak' as const })), { maxLength: 4 });
const withContent = <T extends object>(node: T, content: unknown[]) => (content.length ? { ...node, content } : node);

const { doc: validDoc } = fc.letrec<{
  paragraph: unknown;
  heading: unknown;
  listItem: unknown;
  list: unknown;
  blockquote: unknown;
  block: unknown;
  doc: DocNode;
}>((tie) => ({
  paragraph: inline.map((c) => withContent({ type: 'paragraph' }, c)),
  heading: fc
    .tuple(fc.constantFrom(2, 3, 4), inline)
    .map(([level, c]) => withContent({ type: 'heading', attrs: { level } }, c)),
  listItem: fc
    .tuple(tie('paragraph'), fc.array(tie('block'), { maxLength: 2 }))
    .map(([p, rest]) => ({ type: 'listItem', content: [p, ...rest] })),
  list: fc
    .tuple(fc.boolean(), fc.array(tie('listItem'), { minLength: 1, maxLength: 3 }))
    .map(([ordered, content]) =>
      ordered ? { type: 'orderedList', attrs: { start: 2 }, content } : { type: 'bulletList', content },
    ),
  blockquote: fc
    .array(tie('block'), { minLength: 1, maxLength: 2 })
    .map((content) => ({ type: 'blockquote', content })),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('paragraph'),
    tie('heading'),
    tie('list'),
    tie('blockquote'),
  ),
  doc: fc.array(tie('block'), { maxLength: 4 }).map((content) => parseDoc({ type: 'doc', content })),
}));

const same = (a: DocNode, b: DocNode) =>
  a.content.length === 0 && b.content.length === 0
    ? true
    : documentSchema.nodeFromJSON(a).eq(documentSchema.nodeFromJSON(b));

/** Random operations on a Y.Doc, valid or not, as a forged client could send. */
const NAMES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak', 'div'];
const ATTRIBUTE_VALUES = [1, 2, 3, 4, 9, -1, 2.5, 'x', null, { a: 1 }, [1]];
const FORMATS: [string, unknown][] = [
  ['bold', {}],
  ['italic', true],
  ['link', { href: 'https://example.org' }],
  ['link', { href: 'javascript:alert(1)' }],
  ['link', { href: 5 }],
  ['link', { href: 'https://example.org', onclick: 'x' }],
  ['code', {}],
  ['link--abcdefgh', { href: 'https://example.org' }],
  ['bold', null],
];
const TEXTS = ['mot', 'a\u0000b', '\ud800', 'é'];
type Op = { kind: number; pick: number; at: number; value: number };
const op = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  pick: fc.nat(),
  at: fc.nat(),
  value: fc.nat(),
});

function applyOp(doc: Y.Doc, { kind, pick, at, value }: Op) {
  const containers: (Y.XmlFragment | Y.XmlElement)[] = [fragment(doc)];
  const texts: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement, depth: number) => {
    if (depth > MAX_DEPTH + 2) return;
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        containers.push(child);
        walk(child, depth + 1);
      } else if (child instanceof Y.XmlText) texts.push(child);
    }
  };
  walk(fragment(doc), 0);
  const container = containers[pick % containers.length]!;
  const text = texts.length ? texts[pick % texts.length]! : null;
  const index = at % (container.length + 1);
  switch (kind) {
    case 0:
      container.insert(index, [new Y.XmlElement(NAMES[value % NAMES.length]!)]);
      break;
    case 1:
      container.insert(index, [new Y.XmlText(TEXTS[value % TEXTS.length]!)]);
      break;
    case 2:
      if (container instanceof Y.XmlElement) {
        const key = ['level', 'start', 'type', 'onclick'][value % 4]!;
        container.setAttribute(key, ATTRIBUTE_VALUES[at % ATTRIBUTE_VALUES.length] as string);
      }
      break;
    case 3:
      if (text && text.length) {
        const [key, format] = FORMATS[value % FORMATS.length]!;
        const from = at % text.length;
        text.format(from, 1 + (value % (text.length - from)), { [key]: format });
      }
      break;
    case 4:
      if (container.length) {
        const from = at % container.length;
        container.delete(from, 1 + (value % (container.length - from)));
      }
      break;
    case 5:
      if (text) text.insert(at % (text.length + 1), TEXTS[value % TEXTS.length]!);
      break;
    case 6:
      if (text && text.length) text.delete(at % text.length, 1);
      break;
    case 7:
      if (container instanceof Y.XmlElement && value % 2) container.removeAttribute('level');
      else doc.getMap('other').set('x', value);
      break;
  }
}

describe('properties of the schema check and of reading (issue 15)', () => {
  it('accepts every edit the editor makes between two valid texts, and reads back exactly the new text', () => {
    fc.assert(
      fc.property(validDoc, validDoc, (a, b) => {
        const doc = new Y.Doc();
        const seed = encodeDocAsUpdate(a);
        check(doc, seed);
        Y.applyUpdate(doc, seed);
        const update = editOf(doc, (copy) => replaceYDoc(copy, b));
        check(doc, update);
        Y.applyUpdate(doc, update);
        const read = readYDoc(doc);
        expect(read.problems).toEqual([]);
        expect(same(read.doc, b)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('random changes are refused, or leave a text whose only faults are of shape, which every reader renders', () => {
    fc.assert(
      fc.property(validDoc, fc.array(op, { minLength: 1, maxLength: 6 }), (start, ops) => {
        const doc = seeded(start);
        const update = editOf(doc, (copy) => ops.forEach((o) => applyOp(copy, o)));
        try {
          check(doc, update);
        } catch (error) {
          if (error instanceof UpdateRefusedError) return;
          throw error;
        }
        Y.applyUpdate(doc, update);
        const read = readYDoc(doc);
        expect(read.shapeOnly, read.problems.join('; ')).toBe(true);
        expect(readEveryWay(read.doc)).not.toContain('javascript:');
      }),
      { numRuns: 400 },
    );
  });

  it('mutated update bytes are refused (malformed or outside the schema), or applied and read without fault', () => {
    fc.assert(
      fc.property(
        validDoc,
        validDoc,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (a, b, flips) => {
          const doc = seeded(a);
          const update = editOf(doc, (copy) => replaceYDoc(copy, b));
          if (!update.length) return;
          const mutated = new Uint8Array(update);
          for (const [at, byte] of flips) mutated[at % mutated.length] = byte;
          let decoded;
          try {
            decoded = Y.decodeUpdate(mutated);
          } catch {
            return; // the server closes the connection as malformed
          }
          try {
            checkUpdate(doc, decoded);
          } catch (error) {
            if (error instanceof UpdateRefusedError) return;
            throw error;
          }
          // Accepted: it is stored, so it must apply, here and when the document is loaded again.
          Y.applyUpdate(doc, mutated);
          const again = new Y.Doc();
          Y.applyUpdate(again, Y.encodeStateAsUpdate(doc));
          const read = readYDoc(again);
          expect(read.shapeOnly, read.problems.join('; ')).toBe(true);
          readEveryWay(read.doc);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads any JSON as a valid document, however deep or odd, without overflowing the stack', () => {
    const deep = (levels: number) => {
      let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'fond' }] };
      for (let i = 0; i < levels; i++) node = { type: i % 2 ? 'blockquote' : 'mystery', content: [node] };
      return { type: 'doc', content: [node] };
    };
    for (const value of [deep(MAX_DEPTH + 5), deep(100_000)]) {
      expect(() => parseDoc(value)).toThrow();
      const read = repairDoc(value);
      expect(read.shapeOnly).toBe(false);
      expect(docToPlainText(read.doc)).toBe('fond');
      readEveryWay(read.doc);
    }
    const node = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          type: fc.constantFrom(
            'paragraph',
            'heading',
            'bulletList',
            'listItem',
            'blockquote',
            'text',
            'hardBreak',
            'x',
          ),
          text: fc.oneof(fc.string(), fc.constant('a\u0000\ud800')),
          attrs: fc.jsonValue({ maxDepth: 2 }),
          marks: fc.array(
            fc.record({ type: fc.constantFrom('bold', 'link', 'code'), attrs: fc.jsonValue({ maxDepth: 2 }) }),
          ),
          content: fc.array(tie('node'), { maxLength: 4 }),
        }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (content) => {
        readEveryWay(repairDoc({ type: 'doc', content }).doc);
      }),
      { numRuns: 300 },
    );
  });
});
