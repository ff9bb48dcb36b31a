import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO, DRAFTED, prepareAdmissibleAmendment, roundForm, type DemoSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let session: DemoSession;
let amendmentUrl = '';
let amendmentId = '';

// Camille's amendment, drafted, submitted, supported and declared admissible over HTTP and the sync socket (its
// browser journey is tests/e2e/amendments.test.ts).
beforeAll(async () => {
  server = await startServer();
  const prepared = await prepareAdmissibleAmendment(server);
  session = prepared;
  amendmentId = prepared.amendmentId;
  amendmentUrl = `${server.url}/p/${DEMO}/amendments/${amendmentId}`;
});
afterAll(async () => {
  await server?.stop();
});

async function typeAtEnd(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Section text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 20 });
}

const REASON = 'Le principe est bon ; un seuil chiffré se vérifie mieux.';

describe('the drafting committee', () => {
  it('recommends “adopt modified”, drafts the compromise live, the author agrees, and the compromise is voted with the recommendation beside it', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const yanis = await launchBrowser({ locale: 'en-GB' });
    const camille = await launchBrowser({ locale: 'en-GB' });
    try {
      // A moderator names Yanis to the committee; every reader sees who sits on it.
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}`);
      await m.getByRole('link', { name: 'Drafting committee' }).click();
      await m.getByText('No one sits on the drafting committee yet.').waitFor();
      await m.getByLabel('Email address of the member to name').fill('yanis@plenum.localhost');
      await m.getByRole('button', { name: 'Add to the committee' }).click();
      await m.getByTestId('committee-members').getByText('Yanis Benali', { exact: true }).waitFor();

      // Camille, the author, cannot recommend on her own amendment: she is not on the committee.
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(amendmentUrl);
      expect(await c.getByTestId('recommend-form').count()).toBe(0);

      // Yanis recommends "adopt as modified": the compromise's live draft opens, starting from Camille's words.
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(amendmentUrl);
      await y.getByTestId('recommend-form').getByLabel('adopt as modified by its compromise').check();
      await y.getByLabel('Reason (public)').fill(REASON);
      await y.getByRole('button', { name: 'Record the recommendation' }).click();
      await y.getByText('The recommendation is recorded and shown with the amendment.').waitFor();
      await y.getByTestId('amendment-status').getByText('Draft').waitFor();
      await y.getByText('This is the drafting committee’s compromise').waitFor();
      const compromiseUrl = y.url();
      expect(compromiseUrl).not.toBe(amendmentUrl);
      // The draft says which amendment it would replace, and leads back to it.
      expect(await y.getByTestId('compromise-of').getAttribute('href')).toBe(new URL(amendmentUrl).pathname);
      await y.getByRole('textbox', { name: 'Section text' }).getByText(DRAFTED).waitFor();
      await typeAtEnd(y, ' Le seuil est revu chaque année.');
      await y.getByTestId('diff-inline').locator('ins', { hasText: 'revu chaque année' }).waitFor();
      await y.getByRole('button', { name: 'Submit the amendment' }).click();
      await y.getByTestId('confirm-submit').getByRole('button', { name: 'Yes, submit it' }).click();
      await y.getByTestId('amendment-status').getByText('Admissible').waitFor();

      // A round is scheduled on Camille's amendment, opening in a moment: the compromise competes with it.
      const opensAt = new Date(Date.now() + 25_000).toISOString().slice(0, 19);
      const location = await session.post(`/p/${DEMO}/rounds/new`, 'moderation', {
        ...roundForm('Compromis du comité', 'Un vote sur le RIC.'),
        opensAt,
        amendmentIds: amendmentId,
      });
      const roundUrl = location.startsWith('http') ? location : `${server.url}${location}`;

      // Camille reads the recommendation and accepts the compromise in place of her amendment.
      await c.goto(amendmentUrl);
      await c.getByTestId('recommendation').getByText(REASON).waitFor();
      await c.getByTestId('recommendation').getByText('adopt as modified by its compromise').waitFor();
      expect(await violations(c)).toEqual([]);
      await c.getByRole('button', { name: 'Accept the compromise in place of my amendment' }).click();
      await c.getByText('The compromise replaces your amendment.').waitFor();
      expect(c.url()).toBe(compromiseUrl);
      await c.goto(amendmentUrl);
      await c.getByTestId('amendment-status').getByText('Merged').waitFor();
      await c.getByText('Replaced by the drafting committee’s compromise, with its authors’ agreement').waitFor();

      // The round's one question is now the compromise, the recommendation beside it; it opens at its time.
      for (let i = 0; i < 60; i++) {
        await c.goto(roundUrl);
        if (await c.getByTestId('round-status').getByText('Open').count()) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await c.getByTestId('round-status').getByText('Open').waitFor();
      await c.getByTestId('recommendation').getByText(REASON).waitFor();
      await c.getByRole('link', { name: 'Vote', exact: true }).click();
      await c.getByRole('heading', { name: 'Your ballot', level: 1 }).waitFor();
      const question = c.getByTestId('question-1');
      await question.getByTestId('recommendation').getByText('adopt its compromise, in place of').waitFor();
      await question.getByTestId('recommendation').getByText(REASON).waitFor();
      await question.getByTestId('diff-inline').locator('ins', { hasText: 'revu chaque année' }).waitFor();
      expect(await c.getByTestId('question-2').count()).toBe(0);
      expect(await violations(c)).toEqual([]);
      await question.getByLabel('Yes', { exact: true }).check();
      await c.getByRole('button', { name: 'Cast my ballot' }).click();
      await c.getByText('Your ballot is recorded.').waitFor();

      // Closed now by the moderator: the results show the recommendation beside the outcome.
      await m.goto(roundUrl);
      const now = await m.evaluate(() => {
        const d = new Date();
        return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      });
      await m.getByLabel('Closes', { exact: true }).fill(now);
      await m.getByLabel('Reason (public)').fill('Fin de la démonstration');
      await m.getByRole('button', { name: 'Move the closing time' }).click();
      await m.getByTestId('round-status').getByText('Closed').waitFor();
      const results = m.getByTestId('results');
      await results.getByTestId('recommendation').getByText(REASON).waitFor();
      await results.getByTestId('outcome').getByText('Adopted').waitFor();
      expect(await violations(m)).toEqual([]);
    } finally {
      await moderator.cleanup();
      await yanis.cleanup();
      await camille.cleanup();
    }
  }, 240_000);
});
