import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';
import { prepareAdmissibleAmendment, type DemoSession, type Who } from './support/scenarios.ts';

const PROGRAM = 'programme-2027';
let server: TestServer;
let sectionUrl = '';
let amendmentUrl = '';
let cookies: Map<Who, string>;
let post: DemoSession['post'];

// Part 1 of the journey, over HTTP and the sync socket: an amendment drafted, submitted, supported and declared
// admissible (its browser journey is tests/e2e/amendments.test.ts).
beforeAll(async () => {
  server = await startServer();
  const prepared = await prepareAdmissibleAmendment(server);
  ({ cookies, post } = prepared);
  sectionUrl = `${server.url}/p/${PROGRAM}/sections/${prepared.sections[0]}`;
  amendmentUrl = `${server.url}/p/${PROGRAM}/amendments/${prepared.amendmentId}`;
});
afterAll(async () => {
  await server?.stop();
});

const localNow = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });

describe('from vote to program', () => {
  it('merges the adopted amendment into the open editor, publishes version 2, and shows the public why', async () => {
    // Version 1: the text as drafted.
    await post(`${server.url}/p/${PROGRAM}/publish`, 'moderation', { note: 'Le texte de la convention.' });
    // A round on the amendment, open now; three members vote yes (over HTTP: the ballot has its own journey).
    const day = new Date().toISOString().slice(0, 10);
    const created = await post(`${server.url}/p/${PROGRAM}/rounds/new`, 'moderation', {
      title: 'Vote sur le RIC',
      explanation: 'Un seul amendement.',
      opensAt: '2000-01-01T00:00',
      closesAt: '2999-01-01T00:00',
      quorumPercent: '0',
      majority: '1/2',
      method: 'SCHULZE',
      censusJoinedBefore: day,
      amendmentIds: amendmentUrl.split('/').pop()!,
    });
    const roundUrl = new URL(created, server.url).href;
    const ballot = await (await fetch(`${roundUrl}/ballot`, { headers: { cookie: cookies.get('camille')! } })).text();
    const question = /name="q\.([a-z2-7]{16})"/.exec(ballot)![1]!;
    for (const who of ['camille', 'lucia', 'yanis'] as const) {
      // The ballot page answers with the receipt (200), not a redirect.
      await post(`${roundUrl}/ballot`, who, { [`q.${question}`]: 'YES' }, 200);
    }

    const moderator = await launchBrowser({ locale: 'en-GB' });
    const member = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      // Lucía has the section open: read-only during the vote, connected to the live text.
      const l = await member.newPage();
      await logInAsDemo(l, server, 'lucia');
      await l.goto(sectionUrl);
      await l.getByTestId('section-locked').waitFor();
      await l.getByTestId('connection-status').getByText('Connected').waitFor();
      expect(await l.locator('.live-text', { hasText: 'abaissé à 2 %' }).count()).toBe(0);

      // The moderator closes the round: the adopted text arrives in Lucía's editor without a reload.
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      // She types the closing time before the page's script has run (a slow connection): what she typed stays
      // when the page comes alive (the closing-time input is made again then, and used to come back with the
      // stored time: the round then stayed open).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await m.route(/\/build\/.*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await m.goto(roundUrl, { waitUntil: 'commit' });
      const closes = m.getByLabel('Closes', { exact: true });
      const now = await localNow(m);
      await closes.fill(now);
      const beforeScript = await closes.elementHandle();
      release();
      await m.waitForFunction((input) => !input?.isConnected, beforeScript);
      expect(await closes.inputValue()).toBe(now);
      await m.getByLabel('Reason (public)').fill('Tout le monde a voté');
      await m.getByRole('button', { name: 'Move the closing time' }).click();
      await m.getByTestId('round-status').getByText('Closed').waitFor();
      await l
        .locator('.live-text', { hasText: 'Le seuil du référendum local est abaissé à 2 % des inscrits.' })
        .waitFor({ timeout: 20_000 });

      // The moderator publishes version 2.
      await m.goto(`${server.url}/p/${PROGRAM}`);
      await m.getByRole('link', { name: 'Publish a version' }).click();
      await m.getByTestId('pending-changes').getByText('1 amendment applied since the last version.').waitFor();
      await m.getByLabel('What this version is (public)').fill('Après le vote sur le RIC.');
      await m.getByRole('button', { name: 'Publish version 2' }).click();
      await m.getByText('The version is published.').waitFor();
      await m.getByTestId('changelog').getByRole('link', { name: 'Un RIC plus accessible' }).waitFor();

      // A visitor without an account reads version 2 and asks why the new sentence is there.
      const v = await visitor.newPage();
      const sectionId = sectionUrl.split('/').pop()!;
      await v.goto(`${server.url}/p/${PROGRAM}/v/2/sections/${sectionId}`);
      const passage = v.locator('mark.provenance', {
        hasText: 'Le seuil du référendum local est abaissé à 2 % des inscrits.',
      });
      await passage.waitFor();
      await passage.getByRole('link', { name: 'Note 1: why is this passage here?' }).click();
      const why = v.getByTestId('provenance').locator('li:target');
      await why.getByRole('link', { name: 'Un RIC plus accessible' }).waitFor();
      await why.getByText('by Camille Martin').waitFor();
      await why.getByText(/yes 3, no 0, abstain 0 — 3 voters of 5/).waitFor();
      expect(await violations(v)).toEqual([]);

      // Version 1 against version 2: exactly that change.
      await v.goto(`${server.url}/p/${PROGRAM}/compare?from=1&to=2`);
      await v.getByTestId('compare-summary').getByText('1 section differs between version 1 and version 2.').waitFor();
      const diff = v.getByTestId('compare-section');
      expect(await diff.locator('ins').allTextContents()).toEqual([
        expect.stringContaining('Le seuil du référendum local est abaissé à 2 % des inscrits.'),
      ]);
      expect(await diff.locator('del').count()).toBe(0);

      // Search finds the section by a word of the new text (stemmed: "abaisser" finds "abaissé").
      await v.goto(`${server.url}/p/${PROGRAM}/search`);
      await v.getByLabel('Words to find').fill('abaisser seuil');
      await v.getByRole('button', { name: 'Search' }).click();
      // The matched words are highlighted with <mark> (stemmed as they matched), not wrapped in quotation marks
      // that a screen reader reads out as a quotation.
      await v.getByTestId('search-results').locator('mark').first().waitFor();
      expect(await v.getByTestId('search-results').locator('mark').allInnerTexts()).toEqual(
        expect.arrayContaining(['seuil', 'abaissé']),
      );
      await v
        .getByTestId('search-results')
        .getByRole('link', { name: /^1\.1 / })
        .click();
      await v.waitForURL(`${server.url}/p/${PROGRAM}/v/2/sections/${sectionId}`);

      // The honest figures: voters against the census of the round, nobody named.
      await v.goto(`${server.url}/p/${PROGRAM}/participation`);
      const votes = v.getByTestId('participation-rounds').getByRole('row', { name: /Vote sur le RIC/ });
      expect((await votes.textContent())?.replace(/\s+/g, ' ')).toBe('Vote 1: Vote sur le RIC5360 %');
      expect(await violations(v)).toEqual([]);
      // Every public view of a version passes the accessibility check too.
      for (const path of ['/v/2', '/v/2/all', `/compare?from=1&to=2`, '/search?q=seuil']) {
        await v.goto(`${server.url}/p/${PROGRAM}${path}`);
        expect(await violations(v), path).toEqual([]);
      }

      // The Markdown export holds the new text.
      await v.goto(`${server.url}/p/${PROGRAM}/v/2`);
      const [download] = await Promise.all([
        v.waitForEvent('download'),
        v.getByRole('link', { name: 'Download as Markdown' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${PROGRAM}-v2.md`);
      const markdown = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
      expect(markdown).toContain('# Programme 2027');
      expect(markdown).toContain('Le seuil du référendum local est abaissé à 2 % des inscrits.');
    } finally {
      await moderator.cleanup();
      await member.cleanup();
      await visitor.cleanup();
    }
  });
});
