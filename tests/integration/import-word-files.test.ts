import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docToPlainText, type DocNode } from '../../app/rich-text/document.ts';
import { type ImportPreview, previewImport } from '../../app/modules/programs/import.server.ts';
import { docToHtml } from '../../app/modules/publication/html.ts';
import { docToMarkdown } from '../../app/modules/publication/markdown.ts';
import { attribute } from '../../app/modules/publication/provenance.ts';

// Real exports (tests/fixtures/docx/make.sh): the same program written by pandoc and by LibreOffice.
const fixture = (tool: string) => readFileSync(new URL(`../fixtures/docx/${tool}.docx`, import.meta.url));
const sectionText = (preview: ImportPreview, title: string) =>
  docToPlainText(preview.outline.chapters.flatMap((c) => c.sections).find((s) => s.title === title)!.content);
const blocksOf = (preview: ImportPreview, title: string) =>
  preview.outline.chapters.flatMap((c) => c.sections).find((s) => s.title === title)!.content.content;

describe.each(['pandoc', 'libreoffice'])('importing a Word file exported by %s', (tool) => {
  let preview: ImportPreview;
  beforeAll(async () => {
    preview = await previewImport({ name: `${tool}.docx`, bytes: fixture(tool) }, 'en');
  });

  it('reads headings that carry bookmarks as chapters and sections', () => {
    expect(preview.outline.chapters.map((c) => [c.title, ...c.sections.map((s) => s.title)])).toEqual([
      ['Logement', 'Introduction', 'Encadrer les loyers'],
      ['Transports', 'Gratuité'],
    ]);
  });

  it('writes footnotes into the text, in brackets where they were called, and says so', () => {
    expect(sectionText(preview, 'Introduction')).toBe(
      'Le logement est un droit. [Note: Article 25 de la Déclaration universelle des droits de l’homme.] Nous le garantirons.',
    );
    expect(sectionText(preview, 'Gratuité')).toBe(
      'Les transports sont gratuits pour les moins de 26 ans. [Note: Dès le 1er janvier 2028, sans condition de ressources.] Voir le site.',
    );
    expect(JSON.stringify(blocksOf(preview, 'Gratuité'))).toContain(
      '{"type":"text","text":"sans condition","marks":[{"type":"italic"}]}',
    );
    expect(preview.warnings).toContainEqual({ key: 'import.warnings.notes', count: 2 });
  });

  it('leaves no anchor, note number or raw HTML in the text, nor in the Markdown, HTML and JSON exports', () => {
    // What the exports write: each section's text as published, no amendment yet.
    const docs: DocNode[] = preview.outline.chapters.flatMap((c) => c.sections.map((s) => s.content));
    const titles = preview.outline.chapters.flatMap((c) => [c.title, ...c.sections.map((s) => s.title)]);
    for (const text of [
      ...titles,
      ...docs.flatMap((d) => [JSON.stringify(d), docToMarkdown(attribute([], d)), docToHtml(attribute([], d))]),
    ]) {
      expect(text).not.toMatch(/<a id|id=|footnote|RefHeading|\\?\[\\?\d\\?\]|↑|data:image|base64/i);
    }
    // The one link of the file is still a link.
    expect(docToHtml(attribute([], preview.outline.chapters[1]!.sections[0]!.content))).toContain(
      'href="/leave?to=https%3A%2F%2Fexample.org%2Ftransports"',
    );
  });

  it('turns the table into a list of its rows and names the section to check', () => {
    const [paragraph, table] = blocksOf(preview, 'Encadrer les loyers');
    expect(docToPlainText({ type: 'doc', content: [paragraph!] })).toBe(
      'Les loyers sont plafonnés dans les zones tendues.',
    );
    expect(table).toEqual({
      type: 'bulletList',
      content: ['Ville — Plafond au m²', 'Paris — 25 €', 'Lyon — 18 €'].map((text) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    });
    expect(preview.warnings).toContainEqual({
      key: 'import.warnings.tableAsList',
      count: 1,
      where: ['Logement › Encadrer les loyers'],
    });
  });

  it('keeps bulleted and numbered lists as lists', () => {
    const lists = blocksOf(preview, 'Encadrer les loyers')
      .filter((b) => b.type === 'bulletList' || b.type === 'orderedList')
      .map((b) => [b.type, docToPlainText({ type: 'doc', content: [b] })]);
    expect(lists.slice(1)).toEqual([
      ['bulletList', 'des logements sociaux\ndes logements étudiants'],
      ['orderedList', 'un décret dès l’été\nune loi à l’automne'],
    ]);
  });

  it('goes on without the image (and its caption) and names it, with where it was', () => {
    expect(sectionText(preview, 'Encadrer les loyers')).not.toContain('Logo du mouvement');
    expect(preview.warnings).toContainEqual({
      key: 'import.warnings.image',
      count: 1,
      where: ['“Logo du mouvement”, in Logement › Encadrer les loyers'],
    });
  });
});

describe('importing a Word file with a table of contents (LibreOffice)', () => {
  it('leaves the table of contents out and says so, in the reader’s language', async () => {
    const preview = await previewImport({ name: 'programme.docx', bytes: fixture('libreoffice') }, 'fr');
    const text = preview.outline.chapters.flatMap((c) => c.sections.map((s) => docToPlainText(s.content))).join('\n');
    expect(text).not.toContain('Table des matières');
    expect(preview.outline.chapters[0]!.sections[0]!.title).toBe('Introduction');
    expect(text).toContain('[Note : Article 25');
    expect(preview.warnings).toContainEqual({ key: 'import.warnings.tableOfContents' });
    expect(preview.warnings).toContainEqual({
      key: 'import.warnings.image',
      count: 1,
      where: ['« Logo du mouvement », dans Logement › Encadrer les loyers'],
    });
  });
});
