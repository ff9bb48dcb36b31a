import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../factories/docx.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const MARKDOWN = `# Logement

Le logement est un droit.

## Encadrer les loyers

Les loyers sont **plafonnés** dans les zones tendues.

| ville | plafond |
|---|---|
| Paris | 25 € |

## Construire

Construire 200 000 logements sociaux par an.
`;

describe('a moderator imports a program from a file', () => {
  it('previews a Markdown file, says what it leaves out, then adds it', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await browser.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/programme-2027/structure`);
      await m.getByRole('link', { name: 'Import from a Markdown or Word file' }).click();
      const file = m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)');
      // The program has text already: what is added is in its language, which the page does not ask again.
      expect(await m.getByLabel('Language of the text').count()).toBe(0);

      await file.setInputFiles({ name: 'programme.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByText('Choose a Markdown (.md, .markdown, .txt) or Word (.docx) file.').waitFor();

      await file.setInputFiles({ name: 'logement.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('heading', { name: 'Preview: 1 chapter and 3 sections' }).waitFor();
      expect(await m.getByTestId('import-preview').innerText()).toMatch(
        /Chapter 5 — Logement\s+5\.1 Introduction \(5 words\)\s+5\.2 Encadrer les loyers \(15 words\)\s+5\.3 Construire/,
      );
      // The table's words are kept, one list item per row, and the preview says where to check them.
      expect(await m.getByRole('region', { name: 'What the import changed' }).innerText()).toMatch(
        /Tables turned into bulleted lists, one item per row, cells separated by “—”: 1\. Check them in:\s+Logement › Encadrer les loyers/,
      );
      // Nothing is created before the confirmation.
      await m.goto(`${server.url}/p/programme-2027`);
      expect(await m.getByRole('link', { name: /Logement/ }).count()).toBe(0);
      await m.goBack();
      await m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles({
        name: 'logement.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(MARKDOWN),
      });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('button', { name: 'Add 1 chapter and 3 sections' }).click();
      await m.getByText('The file was imported. The change is recorded in the audit trail.').waitFor();
      await m.getByRole('link', { name: '5.2 Encadrer les loyers' }).first().click();
      await m.getByText('Les loyers sont plafonnés dans les zones tendues.').first().waitFor();
      expect(await m.locator('strong', { hasText: 'plafonnés' }).count()).toBeGreaterThan(0);
    } finally {
      await browser.cleanup();
    }
  });

  it('opens a new program and fills it from a Word file', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await browser.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(server.url);
      await m.getByRole('link', { name: 'Open a new program' }).click();
      await m.getByLabel('Title').fill('Programme 2027');
      await m.getByLabel('Address (optional)').fill('programme-2027');
      await m.getByRole('button', { name: 'Open the program' }).click();
      await m.getByText('Another program already has this address. Choose another one.').waitFor();
      await m.getByLabel('Title').fill('Programme municipal de Lyon');
      await m.getByLabel('Address (optional)').fill('');
      await m.getByRole('button', { name: 'Open the program' }).click();
      await m.getByText('The program is open. Add its chapters, or import them from a file.').waitFor();
      expect(new URL(m.url()).pathname).toBe('/p/programme-municipal-de-lyon/structure');

      const docx = await buildDocx([
        { style: 'Heading1', runs: ['Se loger'] },
        { style: 'Heading2', runs: ['Encadrer les loyers'] },
        { runs: ['Le loyer ', { text: 'plafonné', bold: true }, ' partout.'] },
        { style: 'Heading1', runs: ['Se déplacer'] },
        { style: 'Heading2', runs: ['Transports gratuits'] },
        { runs: ['Pour les moins de 26 ans.'] },
      ]);
      await m.getByRole('link', { name: 'Import from a Markdown or Word file' }).click();
      const wordFile = {
        name: 'lyon.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(docx),
      };
      // A first import asks the text's language, proposing the movement's first one (French here).
      const language = m.getByLabel('Language of the text');
      expect(await language.inputValue()).toBe('fr');
      // A language Plenum does not have, posted by hand, is refused beside the field.
      await language.evaluate((select: HTMLSelectElement) => {
        select.append(new Option('Deutsch', 'de'));
        select.value = 'de';
      });
      await m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles(wordFile);
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByText('Choose the language the file’s text is written in.').waitFor();
      expect(await m.getByLabel('Language of the text').getAttribute('aria-invalid')).toBe('true');
      await m.getByLabel('Language of the text').selectOption('fr');
      await m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles(wordFile);
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('heading', { name: 'Preview: 2 chapters and 2 sections' }).waitFor();
      // The preview's French titles say so in the English page.
      expect(await m.getByTestId('import-preview').locator('h3 [lang="fr"]').first().innerText()).toBe('Se loger');
      await m.getByRole('button', { name: 'Add 2 chapters and 2 sections' }).click();
      await m.getByRole('link', { name: '2.1 Transports gratuits' }).first().click();
      await m.getByText('Pour les moins de 26 ans.').first().waitFor();
      await m.goto(`${server.url}/p/programme-municipal-de-lyon`);
      expect(await m.getByRole('navigation', { name: 'Table of contents' }).innerText()).toMatch(
        /1\. Se loger\s+1\.1 Encadrer les loyers\s+2\. Se déplacer\s+2\.1 Transports gratuits/,
      );
    } finally {
      await browser.cleanup();
    }
  });
  it('imports a real LibreOffice export: bookmarked headings, notes, a table, lists, an image', async () => {
    // Made by LibreOffice (tests/fixtures/docx/make.sh): a table of contents linking to bookmarks on the headings.
    const docx = readFileSync(new URL('../fixtures/docx/libreoffice.docx', import.meta.url));
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await browser.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/programme-2027/import`);
      await m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles({
        name: 'programme.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx,
      });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('heading', { name: 'Preview: 2 chapters and 3 sections' }).waitFor();
      expect(await m.getByTestId('import-preview').innerText()).toMatch(
        /Chapter (\d+) — Logement\s+\1\.1 Introduction \(\d+ words\)\s+\1\.2 Encadrer les loyers \(\d+ words\)\s+Chapter \d+ — Transports\s+\d+\.1 Gratuité/,
      );
      const warnings = await m.getByRole('region', { name: 'What the import changed' }).innerText();
      expect(warnings).toContain(
        'The file’s table of contents was left out: Plenum builds its own from the chapters and sections.',
      );
      expect(warnings).toContain('Footnotes written into the text, in brackets, where they were called: 2.');
      expect(warnings).toMatch(
        /Tables turned into bulleted lists.*: 1\. Check them in:\s+Logement › Encadrer les loyers/,
      );
      expect(warnings).toMatch(/Images left out: 1\..*\s+“Logo du mouvement”, in Logement › Encadrer les loyers/);

      await m.getByRole('button', { name: 'Add 2 chapters and 3 sections' }).click();
      await m.getByText('The file was imported. The change is recorded in the audit trail.').waitFor();
      await m
        .getByRole('link', { name: /\d+\.1 Gratuité/ })
        .first()
        .click();
      // The section's own page, not the import page the click leaves (its preview shows the same sentence).
      await m.waitForURL(/\/sections\/[^/]+$/);
      // The paragraph, whole: the note's words carry their own marks, so the sentence is split into several
      // elements and the smallest one holding its first words stops before the note.
      const text = m.locator('p', { hasText: 'Les transports sont gratuits pour les moins de 26 ans.' }).first();
      await text.waitFor();
      const inner = await text.innerText();
      expect(inner).toContain('[Note: Dès le 1er janvier 2028, sans condition de ressources.] Voir le site.');
      const page = await m.locator('main').innerText();
      expect(page).not.toMatch(/<a id|footnote|RefHeading|↑/);
    } finally {
      await browser.cleanup();
    }
  });
});
