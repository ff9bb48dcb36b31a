import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let sectionUrl: string;
beforeAll(async () => {
  server = await startServer();
  const ids = await sectionIds(server.url);
  sectionUrl = `${server.url}/p/programme-2027/sections/${ids[5]}`;
});
afterAll(async () => {
  await server?.stop();
});

describe('the editor with the keyboard alone', () => {
  it('reaches the toolbar and back, formats, and adds a link through a form that refuses unsafe addresses', async () => {
    const member = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const page = await member.newPage();
      await logInAsDemo(page, server, 'camille');
      await page.goto(sectionUrl);
      await page.getByTestId('connection-status').getByText('Connected').waitFor();
      const text = page.getByRole('textbox', { name: 'Section text' });
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          // A toolbar button's name is its hidden label; the text's is the element its aria-labelledby names (in
          // the page's language, while the text may be in the program's: ADR 0038).
          const labelledBy = el?.getAttribute('aria-labelledby');
          const name =
            el?.querySelector('.visually-hidden')?.textContent ??
            el?.getAttribute('aria-label') ??
            (labelledBy ? document.getElementById(labelledBy)?.textContent : null);
          return name ?? el?.tagName ?? '';
        });
      // The shortcuts are told to everyone, and announced with the text.
      expect(await text.getAttribute('aria-describedby')).toBeTruthy();
      await page.getByText('Keyboard: Alt+F10 reaches the formatting toolbar').waitFor();

      await text.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Alt+F10');
      expect(await focused()).toBe('Bold');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('Italic');
      await page.keyboard.press('End');
      expect(await focused()).toBe('Redo');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('Bold');
      // One Tab stop: Tab leaves the toolbar at once.
      expect(await page.locator('[role=toolbar] button[tabindex="0"]').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(focused).toBe('Section text');

      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+B');
      await page.keyboard.type('Gras au clavier', { delay: 15 });
      await page.keyboard.press('Control+B');
      await page.locator('.live-text strong', { hasText: 'Gras au clavier' }).waitFor();

      await page.keyboard.press('Enter');
      await page.keyboard.type('Le site du mouvement', { delay: 15 });
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Control+K');
      const address = page.getByLabel('Link address');
      await address.waitFor();
      expect(await focused()).toBe('INPUT');
      await address.fill('javascript:alert(1)');
      await address.press('Enter');
      await page.getByText('Enter an address that starts with https://, http:// or mailto:.').waitFor();
      await address.fill('https://mouvement.example.org');
      await address.press('Enter');
      await page
        .locator('.live-text a[href="/leave?to=https%3A%2F%2Fmouvement.example.org"]', {
          hasText: 'Le site du mouvement',
        })
        .waitFor();
      await expect.poll(focused).toBe('Section text');
      expect(await page.locator('.live-text a[href^="javascript"]').count()).toBe(0);

      // Stored and served to everyone: a visitor reads the bold text and the link.
      const v = await visitor.newPage();
      await v.goto(sectionUrl);
      await v
        .locator('a[href="/leave?to=https%3A%2F%2Fmouvement.example.org"]', { hasText: 'Le site du mouvement' })
        .first()
        .waitFor();
      await v.locator('strong', { hasText: 'Gras au clavier' }).first().waitFor();
      // A link to another site leads through /leave, which says where it goes: Plenum's pages point to Plenum.
      const href = await v.locator('a', { hasText: 'Le site du mouvement' }).first().getAttribute('href');
      await v.goto(`${new URL(sectionUrl).origin}${href}`);
      await v.getByTestId('leave-target').getByText('https://mouvement.example.org/').waitFor();
      expect(await v.getByRole('link', { name: 'Open this site' }).getAttribute('href')).toBe(
        'https://mouvement.example.org/',
      );
    } finally {
      await member.cleanup();
      await visitor.cleanup();
    }
  });
});
