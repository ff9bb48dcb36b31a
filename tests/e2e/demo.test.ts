import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

/**
 * The full demo (issue 20, item 1): a fresh server started as `npm start` does by default (PLENUM_DEMO=1) shows
 * every stage of the process to the public, a demo member and a moderator, in each interface language.
 * Screenshots of the main pages go to /tmp/plenum-demo-*.png.
 */

const STORY = 'plateforme-municipale-2026';
let server: TestServer;
/** The tracking codes printed at the first start, by email. */
const receipts = new Map<string, string>();

beforeAll(async () => {
  // The full demo's seed plays a whole process through the modules: seconds more than the journeys' base demo.
  server = await startServer({ env: { PLENUM_DEMO: '1' }, startTimeoutMs: 240_000 });
  for (const m of server.output().matchAll(/^\s+(\S+@\S+)\s+round 1: (\S+)$/gm)) receipts.set(m[1]!, m[2]!);
}, 300_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/plenum-demo-${name}.png`, fullPage: true });

async function login(page: Page, who: string, name: string) {
  const email = `${who}@plenum.localhost`;
  await logInAs(page, server.url, email, server.logins.get(email)!, name);
}

describe('the full demo', () => {
  it('prints the five logins and the tracking codes they received in the closed vote', () => {
    expect([...server.logins.keys()]).toHaveLength(5);
    expect([...receipts.keys()].sort()).toEqual(
      ['admin', 'camille', 'lucia', 'moderation', 'yanis'].map((w) => `${w}@plenum.localhost`),
    );
    expect(server.output()).toMatch(/"msg":"demo seeded"/);
  });

  it('shows the public a published version whose passages say which vote put them there', async () => {
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const v = await visitor.newPage();
      await v.goto(server.url);
      await v.getByRole('link', { name: 'Plateforme municipale 2026 : Villes en commun' }).first().waitFor();
      await v.getByRole('link', { name: 'Programme 2027 du Mouvement Commun' }).first().waitFor();
      await shot(v, 'home-en');
      await v.goto(`${server.url}/p/${STORY}`);
      await shot(v, 'program-en');
      await v.goto(`${server.url}/p/${STORY}/v/1`);
      await shot(v, 'version-en');
      // The contents show each chapter's and section's number once: theirs, not the list's as well.
      const markers = await v
        .locator('ol.contents li')
        .evaluateAll((items) => items.map((li) => getComputedStyle(li).listStyleType));
      expect(markers.length).toBeGreaterThan(3);
      expect(new Set(markers)).toEqual(new Set(['none']));
      await v
        .getByRole('link', { name: /^1\.1 / })
        .first()
        .click();
      // The adopted words are marked, with a note on where they come from.
      expect(await v.locator('.rich-text mark.provenance').first().innerText()).toContain('20');
      // French text in the English interface says so, for screen readers and hyphenation (ADR 0038): the
      // published text and its title, not the page's own words.
      expect(await v.locator('html').getAttribute('lang')).toBe('en');
      expect(await v.locator('.rich-text').first().getAttribute('lang')).toBe('fr');
      expect(await v.locator('h1 [lang="fr"]').innerText()).toBe('Encadrer les loyers');
      expect(await v.locator('.program-title [lang="fr"]').innerText()).toBe(
        'Plateforme municipale 2026 : Villes en commun',
      );
      await shot(v, 'version-section-en');
      const why = v.getByTestId('provenance');
      await why.getByRole('link', { name: 'Encadrer aussi les villes moyennes' }).waitFor();
      await why.getByRole('link', { name: 'Vote 1: Premier vote : le logement' }).click();
      await v.getByTestId('round-status').getByText('Closed').waitFor();
      await v.getByTestId('results').waitFor();
      // The demo's ballots were all cast in the round's first hour: the turnout line still runs to its close,
      // the chart's right edge, flat after that hour.
      const line = (await v.getByTestId('turnout-chart').locator('polyline').getAttribute('points'))!.split(' ');
      const [endX, endY] = line.at(-1)!.split(',').map(Number);
      const [, beforeY] = line.at(-2)!.split(',').map(Number);
      const axis = Number(await v.getByTestId('turnout-chart').locator('line').first().getAttribute('x2'));
      expect(endX).toBeCloseTo(axis, 0);
      expect(endY).toBe(beforeY);
      await shot(v, 'closed-round-en');

      // A voter's printed receipt is on the board, with the answers it carries.
      await v.getByRole('link', { name: 'Check my tracking code' }).click();
      await v.getByLabel('Tracking code').fill(receipts.get('camille@plenum.localhost')!);
      await v.getByRole('button', { name: 'Find' }).click();
      await v.getByTestId('code-found').getByText('Encadrer aussi les villes moyennes: Yes').waitFor();
      await v.getByTestId('code-found').getByText('Tripler la taxe sur les logements vacants: Yes').waitFor();

      // Amendments in every state, participation, local groups.
      await v.goto(`${server.url}/p/${STORY}/amendments`);
      for (const status of [
        'Applied',
        'Rejected',
        'In a vote',
        'Qualified',
        'Submitted',
        'Withdrawn',
        'Inadmissible',
      ]) {
        await v.getByText(status, { exact: true }).filter({ visible: true }).first().waitFor();
      }
      await shot(v, 'amendments-en');
      await v.goto(`${server.url}/p/${STORY}/participation`);
      await shot(v, 'participation-en');
      await v.goto(`${server.url}/groups`);
      await v.getByText('Villes en commun – Lyon 7e').first().waitFor();
      await shot(v, 'groups-en');
    } finally {
      await visitor.cleanup();
    }
  });

  it('speaks French and Spanish around the demo’s text', async () => {
    for (const [locale, programs] of [
      ['fr-FR', 'Programmes'],
      ['es-ES', 'Programas'],
    ] as const) {
      const visitor = await launchBrowser({ locale });
      try {
        const v = await visitor.newPage();
        await v.goto(`${server.url}/p/${STORY}`);
        await v.getByRole('link', { name: programs, exact: true }).first().waitFor();
        await shot(v, `program-${locale}`);
        await v.goto(`${server.url}/p/${STORY}/amendments`);
        await shot(v, `amendments-${locale}`);
        if (locale === 'fr-FR') {
          // French writes its shares with a decimal comma, and a space before a colon.
          await v.goto(`${server.url}/p/${STORY}/rounds`);
          await v
            .getByRole('link', { name: /Premier vote : le logement/ })
            .first()
            .click();
          await v.getByTestId('turnout').getByText('10 membres sur 11 ont voté (90,9 %)').waitFor();
          await v.getByRole('link', { name: 'Vérifier mon code de suivi' }).click();
          await v.getByLabel('Code de suivi').fill(receipts.get('camille@plenum.localhost')!);
          await v.getByRole('button', { name: 'Chercher' }).click();
          await v.getByTestId('code-found').getByText('Encadrer aussi les villes moyennes : Pour').waitFor();
        }
      } finally {
        await visitor.cleanup();
      }
    }
  });

  it('marks the French draft as French in the English interface, the live editor included, and not in French', async () => {
    for (const [locale, lang] of [
      ['en-GB', 'fr'],
      ['fr-FR', null],
    ] as const) {
      const browser = await launchBrowser({ locale });
      try {
        const c = await browser.newPage();
        await login(c, 'camille', 'Camille Martin');
        await c.goto(`${server.url}/p/programme-2027`);
        await c
          .getByRole('link', { name: /^1\.1 / })
          .first()
          .click();
        const editor = c.locator('[contenteditable][role="textbox"]');
        await editor.waitFor();
        expect(await editor.getAttribute('lang'), locale).toBe(lang);
        expect(await c.locator('h1 span[lang]').count(), locale).toBe(lang ? 1 : 0);
        if (lang) expect(await c.locator('h1 [lang="fr"]').innerText()).toMatch(/\S/);
        // Its name stays in the page's language.
        await c.getByRole('textbox', { name: locale === 'en-GB' ? 'Section text' : 'Texte de la section' }).waitFor();
      } finally {
        await browser.cleanup();
      }
    }
  });

  it('marks the French titles as French on the pages that are not a program’s, in English, and not in French', async () => {
    for (const [locale, lang] of [
      ['en-GB', 'fr'],
      ['fr-FR', null],
    ] as const) {
      const browser = await launchBrowser({ locale });
      try {
        const c = await browser.newPage();
        await login(c, 'camille', 'Camille Martin');
        const marked = (css: string) => c.locator(`${css} [lang]`);
        // The home page's cards: each program's title and summary.
        await c.goto(server.url);
        const card = c.locator('.card').filter({ hasText: 'Plateforme municipale 2026' });
        expect(await card.locator('h3 [lang]').count(), locale).toBe(lang ? 1 : 0);
        if (lang) expect(await card.locator('h3 [lang]').getAttribute('lang')).toBe('fr');
        expect(await card.locator('p[lang]').count(), locale).toBe(lang ? 1 : 0);
        // My activity: the rounds to vote in, amendments, supports and comments, and the programs they belong to.
        await c.goto(`${server.url}/me`);
        for (const list of ['me-to-vote', 'me-amendments', 'me-supports', 'me-comments']) {
          const titles = marked(`[data-testid="${list}"]`);
          if (lang) {
            expect(await titles.count(), `${locale} ${list}`).toBeGreaterThan(0);
            expect(await titles.first().getAttribute('lang'), `${locale} ${list}`).toBe('fr');
          } else {
            expect(await titles.count(), `${locale} ${list}`).toBe(0);
          }
        }
        // "Stop following" follows what is followed on its line (or the next, when the title is long), without a
        // form's margins between them.
        const followed = c.getByTestId('me-follows').locator('li').first();
        const [title, stop] = [
          await followed.locator('a').boundingBox(),
          await followed.locator('button').boundingBox(),
        ];
        expect(Math.abs(title!.y - stop!.y), locale).toBeLessThan(30);
        // A comment's line: the sentence in the page's language, only the amendment's title in French.
        const comment = c.getByTestId('me-comments').locator('li a').first();
        if (lang) expect(await comment.innerText()).toMatch(/^On “.+”$/);
        if (lang) expect(await comment.locator('[lang]').innerText()).not.toMatch(/^On /);
        // Notifications: the sentence is the page's, the title in it the program's.
        await c.goto(`${server.url}/notifications`);
        const notices = marked('[data-testid="notifications"]');
        if (lang) expect(await notices.count(), locale).toBeGreaterThan(0);
        else expect(await notices.count(), locale).toBe(0);
        await shot(c, `notifications-${locale}`);
        // Each reads as a line of text: from the line's start, not centred as a button's label is.
        const first = c.getByTestId('notifications').locator('li button').first();
        expect(await first.evaluate((b) => getComputedStyle(b).textAlign)).toBe('start');
      } finally {
        await browser.cleanup();
      }
    }
  });

  it('lets a demo member vote in the open round and keep a receipt', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const c = await browser.newPage();
      // A visitor not signed in is asked to log in to vote, not told they are outside the census.
      await c.goto(`${server.url}/p/${STORY}/rounds`);
      await c
        .getByRole('link', { name: /Second vote : les mobilités/ })
        .first()
        .click();
      await c.getByTestId('my-vote').getByRole('link', { name: 'Log in to vote, if you are in its census.' }).waitFor();
      const roundPath = new URL(c.url()).pathname;
      expect(await c.getByText('You are not in this round’s census').count()).toBe(0);
      expect(await c.getByTestId('my-vote').getByRole('link').getAttribute('href')).toBe(
        `/login?redirectTo=${encodeURIComponent(roundPath)}`,
      );
      await login(c, 'camille', 'Camille Martin');
      await c.goto(`${server.url}/p/${STORY}/rounds`);
      await c
        .getByRole('link', { name: /Second vote : les mobilités/ })
        .first()
        .click();
      await c.getByTestId('round-status').getByText('Open').waitFor();
      await c.getByTestId('my-vote').getByText('You have not voted yet.').waitFor();
      await shot(c, 'open-round-en');
      await c.getByRole('link', { name: 'Vote', exact: true }).click();
      await c.getByRole('heading', { name: 'Your ballot', level: 1 }).waitFor();
      // The drafting committee's position stands beside each amendment of the ballot, with its reason.
      const notes = c.getByTestId('recommendation');
      await notes.first().waitFor();
      expect(await notes.count()).toBe(3);
      await c.getByText('Souhaitable, mais aucune recette ne la finance dès la première année.').waitFor();
      await c.getByLabel('Rank of “La gratuité pour tous dès la première année”').selectOption({ label: '1' });
      await c.getByLabel('Rank of “Keep the current text”').selectOption({ label: '2' });
      await c.getByTestId('question-2').getByLabel('No', { exact: true }).check();
      await shot(c, 'ballot-en');
      await c.getByRole('button', { name: 'Cast my ballot' }).click();
      await c.getByText('Your ballot is recorded.').waitFor();
      expect((await c.getByTestId('tracking-code').textContent())!.trim()).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
      // The tab names the receipt, as its heading does, not the ballot it came from.
      await c.getByRole('heading', { name: 'Your receipt', level: 1 }).waitFor();
      expect(await c.title()).toBe('Your receipt · Plenum');
      await shot(c, 'receipt-en');
    } finally {
      await browser.cleanup();
    }
  });

  it('gives the moderator a queue with a qualified amendment to judge', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await browser.newPage();
      await login(m, 'moderation', 'Moussa Modérateur');
      await m.goto(`${server.url}/p/${STORY}/moderation/queue`);
      await m.getByText('Des rues scolaires sans voitures').first().waitFor();
      // A reported comment waits with its report's reason; the reason templates are there to pick.
      await m.getByText('Ceux qui défendent la gratuité totale n’ont jamais su compter.').waitFor();
      await m.getByText('Une attaque contre des adhérents, pas un argument sur l’amendement.').waitFor();
      expect(await m.getByLabel('Reason template').locator('option').allTextContents()).toEqual(
        expect.arrayContaining(['Conforme', 'Hors compétence']),
      );
      // The bulk decision's fields stand one under the other, each label above its field.
      const [template, reason] = [
        await m.getByLabel('Reason template').boundingBox(),
        await m.getByLabel('Reason (public', { exact: false }).boundingBox(),
      ];
      expect(reason!.y).toBeGreaterThan(template!.y + template!.height);
      expect(Math.abs(reason!.x - template!.x)).toBeLessThan(4);
      await shot(m, 'moderation-en');
    } finally {
      await browser.cleanup();
    }
  });

  it('lets a visitor watch a demo member type in the program being drafted', async () => {
    const member = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await member.newPage();
      await login(y, 'yanis', 'Yanis Benali');
      const [first] = await sectionIds(server.url);
      const sectionUrl = `${server.url}/p/programme-2027/sections/${first}`;
      const v = await visitor.newPage();
      for (const [name, page] of [
        ['member', y],
        ['visitor', v],
      ] as const) {
        await page.goto(sectionUrl);
        await shot(page, `drafting-${name}-en`);
        await page.getByTestId('connection-status').getByText('Connected').waitFor();
      }
      await y.getByRole('textbox', { name: 'Section text' }).click();
      await y.keyboard.press('Control+End');
      await y.keyboard.press('Enter');
      await y.keyboard.type('Et dans chaque commune.', { delay: 20 });
      await v.getByText('Et dans chaque commune.').waitFor();
      await shot(v, 'drafting-watch-en');
    } finally {
      await member.cleanup();
      await visitor.cleanup();
    }
  });
});
