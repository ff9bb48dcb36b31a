import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let sectionUrl: string;
beforeAll(async () => {
  server = await startServer();
  const [, second] = await sectionIds(server.url);
  sectionUrl = `${server.url}/p/programme-2027/sections/${second}`;
});
afterAll(async () => {
  await server?.stop();
});

/** Types at the end of the section's text, as a person would. */
async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Section text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 25 });
}

describe('two members write the same section live', () => {
  it('each sees the other’s text and caret; a visitor sees it change and cannot type', async () => {
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const a = await camille.newPage();
      const b = await lucia.newPage();
      const v = await visitor.newPage();
      await logInAsDemo(a, server, 'camille');
      await logInAsDemo(b, server, 'lucia');
      for (const page of [a, b, v]) {
        await page.goto(sectionUrl);
        await page.getByTestId('connection-status').getByText('Connected').waitFor();
      }
      await a.getByTestId('presence').getByText('Also here: Lucía García').waitFor();
      await b.getByTestId('presence').getByText('Also here: Camille Martin').waitFor();

      await typeAtEnd(a, 'Camille propose une piste cyclable.');
      await typeAtEnd(b, 'Lucía ajoute un tramway.');
      for (const page of [a, b, v]) {
        await page.getByText('Camille propose une piste cyclable.').waitFor();
        await page.getByText('Lucía ajoute un tramway.').waitFor();
      }
      // Each sees where the other is typing.
      await a.locator('.collab-caret-label', { hasText: 'Lucía García' }).waitFor();
      await b.locator('.collab-caret-label', { hasText: 'Camille Martin' }).waitFor();

      // The visitor reads live, and cannot type.
      const readOnly = v.getByRole('textbox', { name: 'Section text' });
      expect(await readOnly.getAttribute('contenteditable')).toBe('false');
      await v.getByText('Read only').waitFor();
      // Nothing of the visitor's is saved: the status says what they get, changes appearing live.
      expect(await v.getByTestId('connection-status').textContent()).toBe('Connected: changes appear as they are made');
      expect(await a.getByTestId('connection-status').textContent()).toBe('Connected: changes are saved as you type');
      await readOnly.click();
      await v.keyboard.type('Graffiti');
      expect(await v.getByText('Graffiti').count()).toBe(0);

      // The table of contents shows who is editing the section right now.
      await v.goto(`${server.url}/p/programme-2027`);
      const sectionId = new URL(sectionUrl).pathname.split('/').pop()!;
      const editing = await v.getByTestId(`editing-${sectionId}`).textContent();
      expect(editing).toBe('Editing now: Camille Martin, Lucía García');

      // ... and follows editors leaving and arriving, without a reload.
      await a.goto(`${server.url}/p/programme-2027`);
      await v.getByTestId(`editing-${sectionId}`).getByText('Editing now: Lucía García').waitFor({ timeout: 12_000 });
      await a.goto(sectionUrl);
      await v
        .getByTestId(`editing-${sectionId}`)
        .getByText('Editing now: Camille Martin, Lucía García')
        .waitFor({ timeout: 12_000 });

      // Reloading shows the text from the server, then the live document: nothing doubled.
      await b.reload();
      await b.getByTestId('connection-status').getByText('Connected').waitFor();
      expect(await b.getByText('Camille propose une piste cyclable.').count()).toBe(1);
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
      await visitor.cleanup();
    }
  });
});
