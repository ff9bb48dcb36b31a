import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unsavedText } from './unsaved.ts';

/** A document with one paragraph, and a copy of it: the server's, as it stored it. */
function documents(text: string) {
  const local = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  local.getXmlFragment('default').push([paragraph]);
  const stored = new Y.Doc();
  Y.applyUpdate(stored, Y.encodeStateAsUpdate(local));
  const textOf = (doc: Y.Doc, i = 0) => (doc.getXmlFragment('default').get(i) as Y.XmlElement).get(0) as Y.XmlText;
  return { local, stored, textOf };
}

/** Types `text` at `at`, one character at a time, as an editor sends it. */
function type(text: Y.XmlText, at: number, typed: string) {
  for (const [i, ch] of [...typed].entries()) text.insert(at + i, ch);
}

describe('unsavedText', () => {
  it('is empty when the server stored everything typed', () => {
    const { local, stored, textOf } = documents('Le seuil est abaissé.');
    type(textOf(local), 21, ' Au 1er janvier.');
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(local));
    expect(unsavedText(local, Y.encodeStateVector(stored))).toBe('');
  });

  it('gives what was typed after the server stopped storing, not what it stored', () => {
    const { local, stored, textOf } = documents('Le seuil est abaissé.');
    type(textOf(local), 21, ' Stocké.');
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(local));
    type(textOf(local), 29, ' Jamais envoyé');
    expect(unsavedText(local, Y.encodeStateVector(stored))).toBe('Jamais envoyé');
  });

  it('keeps paragraphs and jumps apart, and leaves out what was typed then deleted', () => {
    const { local, stored, textOf } = documents('Début.');
    type(textOf(local), 0, 'Avant ');
    textOf(local).delete(0, 2);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Un nouveau paragraphe')]);
    local.getXmlFragment('default').push([paragraph]);
    expect(unsavedText(local, Y.encodeStateVector(stored))).toBe('ant\nUn nouveau paragraphe');
  });
});
