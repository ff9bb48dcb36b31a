import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../factories/docx.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

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
  it('previews a Markdown file, says what it leaves out, then adds it; a Word file too', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await browser.newPage();
      await logInAs(
        m,
        server.url,
        'moderation@plenum.localhost',
        server.logins.get('moderation@plenum.localhost')!,
        'Moussa Modérateur',
      );
      await m.goto(`${server.url}/p/programme-2027/structure`);
      await m.getByRole('link', { name: 'Import from a Markdown or Word file' }).click();
      const file = m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)');

      await file.setInputFiles({ name: 'programme.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByText('Choose a Markdown (.md, .markdown, .txt) or Word (.docx) file.').waitFor();

      await file.setInputFiles({ name: 'logement.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('heading', { name: 'Preview: 1 chapter and 3 sections' }).waitFor();
      expect(await m.getByTestId('import-preview').innerText()).toMatch(
        /Chapter 5 — Logement\s+5\.1 Introduction \(5 words\)\s+5\.2 Encadrer les loyers \(8 words\)\s+5\.3 Construire/,
      );
      await m.getByText('Tables left out: 1. Plenum’s text has no tables; add their content by hand.').waitFor();
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

      const docx = await buildDocx([
        { style: 'Heading1', runs: ['Culture'] },
        { style: 'Heading2', runs: ['Bibliothèques'] },
        { runs: ['Ouvertes le dimanche, ', { text: 'partout', bold: true }, '.'] },
      ]);
      await m.goto(`${server.url}/p/programme-2027/import`);
      await m.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles({
        name: 'culture.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(docx),
      });
      await m.getByRole('button', { name: 'Preview' }).click();
      await m.getByRole('heading', { name: 'Preview: 1 chapter and 1 section' }).waitFor();
      await m.getByRole('button', { name: 'Add 1 chapter and 1 section' }).click();
      await m.getByRole('link', { name: '6.1 Bibliothèques' }).first().waitFor();
    } finally {
      await browser.cleanup();
    }
  });
});
