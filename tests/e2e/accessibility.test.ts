import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let browser: BrowserContext & { cleanup: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ locale: 'en-GB' });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.stop();
});

describe('accessibility', () => {
  it('finds no WCAG 2.1 AA violation on the public pages', async () => {
    const toc = await (await fetch(`${server.url}/p/programme-2027`)).text();
    const section = toc.match(/href="(\/p\/programme-2027\/sections\/[a-z2-7]+)"/)![1]!;
    const chapter = toc.match(/href="(\/p\/programme-2027\/chapters\/[a-z2-7]+)"/)![1]!;
    for (const path of [
      '/',
      '/p/programme-2027',
      '/p/programme-2027/amendments',
      '/p/programme-2027/moderation',
      chapter,
      section,
      '/login',
      '/signup',
      '/forgot-password',
      '/nowhere',
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await violations(page), path).toEqual([]);
    }
  });

  it('finds none on the account and admin pages, nor on a form showing its errors', async () => {
    await logInAsDemo(page, server, 'admin');
    for (const path of [
      '/account',
      '/admin/members',
      '/p/programme-2027/settings',
      '/p/programme-2027/structure',
      '/p/programme-2027/import',
      '/programs/new',
      '/notifications',
      '/p/programme-2027/moderation/queue',
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await violations(page), path).toEqual([]);
    }
    // The removal confirmation, an import preview with its warnings, and the editor with its toolbar open.
    const toc = await (await fetch(`${server.url}/p/programme-2027`)).text();
    const section = toc.match(/\/p\/programme-2027\/sections\/([a-z2-7]+)"/)![1]!;
    await page.goto(`${server.url}/p/programme-2027/structure?remove=${section}`);
    expect(await violations(page), 'structure, confirming a removal').toEqual([]);
    await page.goto(`${server.url}/p/programme-2027/import`);
    await page.getByLabel('File (.md, .markdown, .txt or .docx, up to 5 MB)').setInputFiles({
      name: 'p.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# A\n\nIntro.\n\n## B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: /^Preview:/ }).waitFor();
    expect(await violations(page), 'import preview').toEqual([]);
    await page.goto(`${server.url}/p/programme-2027/sections/${section}`);
    await page.getByTestId('connection-status').getByText('Connected').waitFor();
    await page.getByRole('button', { name: 'Link' }).click();
    await page.getByLabel('Link address').waitFor();
    expect(await violations(page), 'editor with the link form').toEqual([]);
    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByText('This field is required.').first().waitFor();
    expect(await violations(page), 'account with errors').toEqual([]);
  });

  it('can be used from the keyboard: the first Tab reaches “Skip to content”, which moves to the page', async () => {
    await page.goto(`${server.url}/p/programme-2027`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});
