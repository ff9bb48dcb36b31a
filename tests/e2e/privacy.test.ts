import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// Issue 7: a public page says what Plenum stores, why and for how long, generated from the data model
// (app/modules/privacy/inventory.ts), in the reader's language.

let server: TestServer;
let browser: BrowserContext & { cleanup: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ locale: 'fr-FR' });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.cleanup();
  await server?.stop();
});

/** The tables' structure, as a screen reader relies on it. */
async function tableProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const tables = [...document.querySelectorAll('main table')];
    if (tables.length === 0) problems.push('no table');
    for (const [i, table] of tables.entries()) {
      if (!table.querySelector('caption')?.textContent?.trim()) problems.push(`table ${i}: no caption`);
      for (const th of table.querySelectorAll('thead th')) {
        if (th.getAttribute('scope') !== 'col') problems.push(`table ${i}: header without scope=col`);
      }
      for (const row of table.querySelectorAll('tbody tr')) {
        const th = row.querySelector('th');
        if (th?.getAttribute('scope') !== 'row') problems.push(`table ${i}: row without a th scope=row`);
        if (row.querySelectorAll('td').length !== 5) problems.push(`table ${i}: row without its five cells`);
      }
    }
    return problems;
  });
}

describe('the privacy page', () => {
  it('is linked from every page’s footer and speaks French to a French browser', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: /Plenum n’utilise ni traceur/ })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Ce que Plenum enregistre, pourquoi, et pour combien de temps' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
    expect(await page.title()).toBe('Confidentialité · Plenum');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const main = page.getByRole('main');
    await main.getByText(/Ni traceur, ni mesure d’audience, ni publicité, ni service tiers/).waitFor();
    expect(await main.getByRole('link', { name: 'votre page de compte' }).getAttribute('href')).toBe('/account');

    // The Member table describes the email field, in French.
    const account = page.getByRole('region', { name: 'Les données de votre compte' });
    const email = account.getByRole('row', { name: /^email / });
    expect(await email.getByRole('rowheader').innerText()).toBe('email');
    const cells = await email.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('Votre adresse e-mail, enregistrée en minuscules.');
    expect(cells[1]).toMatch(/Pour vous connecter/);
    expect(cells[2]).toMatch(/supprimiez votre compte/);
    expect(cells[4]).toBe('Oui');
    await account.getByRole('table', { name: 'Champs de la table « Les données de votre compte »' }).waitFor();

    // Ballots: never linked to a member.
    await page
      .getByTestId('privacy-model-Ballot')
      .locator('p', { hasText: /jamais relié à un membre/ })
      .waitFor();
    expect(await tableProblems(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  it('switches to English with the rest of the site, and passes axe there too', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Changer' }).click();
    await page.getByRole('heading', { level: 1, name: 'What Plenum stores, why, and for how long' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const email = page.getByTestId('privacy-field-Member-email');
    expect(await email.getByRole('rowheader').innerText()).toBe('email');
    expect(await email.getByRole('cell').first().innerText()).toBe('Your email address, stored in lower case.');
    await page.getByRole('table', { name: 'Fields of the table “Your account’s details”' }).waitFor();
    await page
      .getByTestId('privacy-model-Session')
      .locator('dd', { hasText: /30 days.*14 days/ })
      .waitFor();
    await page
      .getByTestId('privacy-model-Ballot')
      .locator('p', { hasText: /never linked to a member/ })
      .waitFor();
    // Every table of the data model is on the page, with every field.
    expect(await page.locator('main table').count()).toBeGreaterThan(25);
    expect(await tableProblems(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  it('reads on a phone without scrolling sideways: one card per field, each cell under its column’s name', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const email = page.getByTestId('privacy-field-Member-email');
    await email.scrollIntoViewIfNeeded();
    const layout = await page.evaluate(() => {
      const row = document.querySelector('[data-testid="privacy-field-Member-email"]')!;
      const cells = [...row.querySelectorAll('td')];
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        widestTable: Math.max(...[...document.querySelectorAll('main table')].map((t) => t.scrollWidth)),
        labels: cells.map((td) => getComputedStyle(td, '::before').content),
        // Cells stacked: each starts below the one before it.
        stacked: cells.every(
          (td, i) => i === 0 || td.getBoundingClientRect().top > cells[i - 1]!.getBoundingClientRect().top,
        ),
      };
    });
    expect(layout.page).toBeLessThanOrEqual(layout.viewport);
    expect(layout.widestTable).toBeLessThanOrEqual(layout.viewport);
    expect(layout.stacked).toBe(true);
    expect(layout.labels).toEqual([
      '"What it is"',
      '"Why it is kept"',
      '"How long"',
      '"Who can see it"',
      '"Personal data"',
    ]);
    // Still a table to a screen reader (in Chromium), each cell saying which column it is in.
    expect(await email.getByRole('cell').first().innerText()).toBe('Your email address, stored in lower case.');
    await email.getByRole('cell', { name: 'What it is Your email address, stored in lower case.' }).waitFor();
    expect(await tableProblems(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
});
