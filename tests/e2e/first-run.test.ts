import { secretFromBase32, totpAt } from '../../app/modules/members/totp.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sqlOn, startServer, type TestServer } from './support/server.ts';

/**
 * Issue 20, item 3: a movement installs Plenum for real (PLENUM_DEMO=0, an empty database). Nobody but whoever
 * reads the server's console can take the installation: every page leads to a "being set up" page until the
 * one-time link it printed is used; with it, the movement is named, its languages chosen, its first admin made,
 * and a first program opened, whose text the admin then imports from a Markdown file.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { PLENUM_DEMO: '0' } });
});
afterAll(async () => {
  await server?.stop();
});

const MARKDOWN = `# Logement

Le logement est un droit.

## Encadrer les loyers

Les loyers sont plafonnés dans les zones tendues.
`;

describe('the first run of a real movement', () => {
  it('sends every page to the setup page, which asks for the printed link', async () => {
    const token = server.output().match(/\/setup\?token=([\w-]+)/)?.[1];
    expect(token).toMatch(/^[\w-]{32}$/);
    for (const path of ['/', '/login', '/signup', '/p/anything', '/api/v1/programs']) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/setup');
    }
    const browser = await launchBrowser({ locale: 'fr-FR' });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/signup`);
      await page.getByRole('heading', { level: 1, name: 'Cette installation est en cours de mise en place' }).waitFor();
      expect(await page.getByLabel('Nom du mouvement').count()).toBe(0);
      // A wrong token shows the same page: nothing tells a guesser how close they came.
      await page.goto(`${server.url}/setup?token=${'A'.repeat(32)}`);
      await page.getByRole('heading', { level: 1, name: 'Cette installation est en cours de mise en place' }).waitFor();
      expect(await page.getByLabel('Nom du mouvement').count()).toBe(0);
    } finally {
      await browser.cleanup();
    }
  });

  it('sets up the movement with the link, then its first admin signs in and imports a first program', async () => {
    const token = server.output().match(/\/setup\?token=([\w-]+)/)![1]!;
    const browser = await launchBrowser({ locale: 'fr-FR' });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/setup?token=${token}`);
      await page.getByRole('heading', { level: 1, name: 'Installer Plenum pour votre mouvement' }).waitFor();
      const twoFactor = page.getByLabel('Exiger un second facteur pour les modérateurs et les administrateurs');
      expect(await twoFactor.isChecked()).toBe(true);

      await page.getByLabel('Nom du mouvement').fill('Mouvement des Communs');
      await page.getByLabel('Espagnol').uncheck();
      await page.getByLabel('Nom', { exact: true }).fill('Rosa Admin');
      await page.getByLabel('Adresse e-mail').fill('Rosa@Example.org');
      await page.getByLabel('Mot de passe').fill('court');
      await page.getByRole('button', { name: 'Terminer l’installation' }).click();
      await page.getByText('Utilisez au moins 10 caractères.').waitFor();

      await page.getByLabel('Mot de passe').fill('des mots sans rapport 42');
      await page.getByLabel('Titre du programme').fill('Programme fondateur');
      await page.getByRole('button', { name: 'Terminer l’installation' }).click();
      await page.getByText('L’installation est prête.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('rosa@example.org');
      // The header carries the movement's name; the language switcher offers the languages chosen.
      expect(await page.locator('.brand').innerText()).toBe('Mouvement des Communs');
      expect(await page.locator('#locale-select option').allInnerTexts()).toEqual(['Français', 'English']);

      await page.getByLabel('Mot de passe').fill('des mots sans rapport 42');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      // Two-factor is required (the setup's default): the first admin sets it up before anything else, then
      // goes on to import the first program.
      await page.waitForURL(/\/account\/two-factor/);
      await page.getByRole('button', { name: 'Configurer l’authentification à deux facteurs' }).click();
      const key = (await page.getByTestId('totp-key').textContent())!.trim();
      await page.getByLabel('Code', { exact: true }).fill(totpAt(secretFromBase32(key), Date.now()));
      await page.getByRole('button', { name: 'Activer' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.goto(`${server.url}/p/programme-fondateur/import`);
      const file = page.getByLabel(/^Fichier/);
      await file.setInputFiles({ name: 'logement.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByRole('button', { name: /^Ajouter 1 chapitre et 2 sections$/ }).click();
      await page.getByRole('link', { name: '1.2 Encadrer les loyers' }).first().click();
      await page.getByText('Les loyers sont plafonnés dans les zones tendues.').first().waitFor();

      // Done once: the setup page leads home, and the link cannot set it up again.
      const again = await fetch(`${server.url}/setup?token=${token}`, { redirect: 'manual' });
      expect(again.status).toBe(302);
      expect(again.headers.get('location')).toBe('/');
    } finally {
      await browser.cleanup();
    }
  });

  it('keeps the settings, and shows no setup again once restarted', async () => {
    await server.stop({ keep: true });
    const rows = await sqlOn(
      { dataDir: server.dataDir, databaseUrl: server.databaseUrl },
      `SELECT "movementName", locales, "twoFactorRequired", "setupCompletedAt" IS NOT NULL AS done FROM "Installation"`,
    );
    expect(rows).toEqual([
      { movementName: 'Mouvement des Communs', locales: ['fr', 'en'], twoFactorRequired: true, done: true },
    ]);
    // Started again, it prints no link and shows no setup page: the installation has its admin.
    server = await startServer({
      reuse: { dataDir: server.dataDir, databaseUrl: server.databaseUrl },
      env: { PLENUM_DEMO: '0' },
    });
    expect(server.output()).not.toContain('/setup?token=');
    expect((await fetch(`${server.url}/`, { redirect: 'manual' })).status).toBe(200);
  });

  it('speaks only the languages offered, whatever the browser or a cookie asks for', async () => {
    // Spanish is not offered: a Spanish browser is answered in the first language offered, French; an English
    // one in English. A language cookie for Spanish (set before, or by hand) is passed over too.
    const langOf = async (headers: Record<string, string>) => {
      const html = await (await fetch(`${server.url}/`, { headers })).text();
      return html.match(/<html lang="(\w+)"/)?.[1];
    };
    expect(await langOf({ 'Accept-Language': 'es-ES,es;q=0.9' })).toBe('fr');
    expect(await langOf({ 'Accept-Language': 'es-ES,es;q=0.9,en;q=0.5' })).toBe('en');
    expect(await langOf({ 'Accept-Language': 'en-GB', Cookie: 'plenum_locale=es' })).toBe('en');
    const browser = await launchBrowser({ locale: 'es-ES' });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/p/programme-fondateur`);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('#locale-select option').allInnerTexts()).toEqual(['Français', 'English']);
      // The program's text is French, the page too: no lang of its own.
      expect(await page.locator('h1 [lang]').count()).toBe(0);
    } finally {
      await browser.cleanup();
    }
    const english = await launchBrowser({ locale: 'en-GB' });
    try {
      const page = await english.newPage();
      await page.goto(`${server.url}/p/programme-fondateur`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1 [lang="fr"]').innerText()).toBe('Programme fondateur');
    } finally {
      await english.cleanup();
    }
  });
});
