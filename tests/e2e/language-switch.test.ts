import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { DEMO } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 19, item 2: a page's JavaScript carries its reader's language only (ADR 0034). A member reading a
 * section in English downloads the English messages and no other; switching to Spanish fetches the Spanish ones
 * then shows the whole page in Spanish, still working; French, never asked for, is never downloaded.
 */

let server: TestServer;
let sections: string[];

beforeAll(async () => {
  server = await startServer();
  sections = await sectionIds(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('switching the language of a page', () => {
  it('downloads the reader’s language only, and the new one when they switch', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const page = await browser.newPage();
      const catalogues: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const name = /\/build\/_shared\/(fr|en|es)-[A-Z0-9]+\.js$/.exec(request.url())?.[1];
        if (name) catalogues.push(name);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });

      await logInAsDemo(page, server, 'yanis');
      await page.goto(`${server.url}/p/${DEMO}/sections/${sections[0]}`);
      const follow = page.getByTestId('follow');
      await follow.getByRole('button', { name: 'Follow' }).waitFor();
      // Hydrated: the editor's code, which comes once the page is interactive, has replaced the server's text.
      await page.locator('.ProseMirror').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(new Set(catalogues)).toEqual(new Set(['en']));
      // Named in the head, it loads beside the page's other scripts rather than after them.
      expect(await page.locator('link[rel="modulepreload"][href^="/build/_shared/en-"]').count()).toBe(1);

      await page.locator('#locale-select').selectOption('es');
      await page.getByRole('button', { name: 'Change', exact: true }).click();
      await follow.getByRole('button', { name: 'Seguir' }).waitFor();
      await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Programas' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.title()).toContain('Plenum');

      // Still a working page, in Spanish: following answers in Spanish.
      await follow.getByRole('button', { name: 'Seguir' }).click();
      await page.getByText('Ahora lo sigues').waitFor();
      await follow.getByRole('button', { name: 'Dejar de seguir' }).waitFor();

      // Back to English: its messages are at hand already, nothing more is downloaded.
      const asked = catalogues.length;
      await page.locator('#locale-select').selectOption('en');
      await page.getByRole('button', { name: 'Cambiar', exact: true }).click();
      await follow.getByRole('button', { name: 'Stop following' }).waitFor();
      expect(catalogues.length).toBe(asked);
      expect(new Set(catalogues)).toEqual(new Set(['en', 'es']));
      expect(errors).toEqual([]);
    } finally {
      await browser.cleanup();
    }
  });
});
