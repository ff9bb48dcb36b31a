import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../factories/smtp.ts';
import { launchBrowser } from './support/browser.ts';
import { eventually } from './support/collab.ts';
import { prepareAdmissibleAmendment } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

const PROGRAM = 'programme-2027';
let server: TestServer;
let smtp: TestSmtp;

// The call to vote and its reminders go through the mail queue to a real SMTP server run by the test; the queue
// is drained every half second here (MAIL_SWEEP_MS), every few seconds in production.
beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_SWEEP_MS: '500', MAIL_RETRY_BASE_MS: '1000' } });
  await prepareAdmissibleAmendment(server);
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

async function logIn(page: Page, who: 'moderation' | 'camille' | 'lucia' | 'yanis', name: string) {
  const email = `${who}@plenum.localhost`;
  await logInAs(page, server.url, email, server.logins.get(email)!, name);
}

const CALL = /^(Call to vote|Appel au vote|Convocatoria a votar)/;
const REMINDER = /^(Reminder|Rappel|Recordatorio)/;
const sentTo = (kind: RegExp) =>
  smtp.received
    .filter((m) => kind.test(m.subject))
    .map((m) => m.to)
    .sort();

async function vote(page: Page, roundUrl: string) {
  await page.goto(roundUrl);
  await page.getByRole('link', { name: 'Vote', exact: true }).click();
  await page.getByTestId('question-1').getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
  await page.getByText('Your ballot is recorded.').waitFor();
}

describe('the call to vote', () => {
  it('reaches the census when the round opens; a reminder reaches only those who have not voted', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    const yanis = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await moderator.newPage();
      await logIn(m, 'moderation', 'Moussa Modérateur');
      await m.goto(`${server.url}/p/${PROGRAM}/rounds/new`);
      await m.getByLabel('Title', { exact: true }).fill('Amendements au chapitre 1');
      await m.getByLabel('Explanation for the members').fill('Un vote par amendement recevable.');
      await m.getByRole('checkbox', { name: 'Un RIC plus accessible' }).check();
      await m.getByRole('button', { name: 'Create the round' }).click();
      await m.getByText('The voting round is created.').waitFor();
      await m.getByTestId('census').getByText('5 members.').waitFor();
      const roundUrl = m.url();

      // Every census member gets the call, once, with the question and the closing time.
      await eventually(() => sentTo(CALL).length >= 5, 30_000, 'five calls to vote');
      const census = sentTo(CALL);
      expect(new Set(census).size).toBe(5);
      expect(census).toEqual(expect.arrayContaining(['camille@plenum.localhost', 'lucia@plenum.localhost']));
      const yanisCall = smtp.received.find((mail) => mail.to === 'yanis@plenum.localhost' && CALL.test(mail.subject))!;
      expect(yanisCall.body).toContain('Un RIC plus accessible');
      expect(yanisCall.body).toContain('(UTC)');

      // Yanis stops the reminders from his mail: the link shows a button, the button does it.
      const y = await yanis.newPage();
      const stopLink = new URL(yanisCall.body.match(/http:\/\/\S+\/reminders\/stop\?\S+/)![0]);
      // The mailed link names the server's public origin (port 0 in tests): the same path on the test server.
      await y.goto(`${server.url}${stopLink.pathname}${stopLink.search}`);
      await y.getByText('Stop the reminders of the vote “Amendements au chapitre 1”?').waitFor();
      await y.getByRole('button', { name: 'Stop the reminders' }).click();
      await y.getByText('Done: you will get no more reminders of this vote.').waitFor();

      // Two of the five vote.
      const c = await camille.newPage();
      await logIn(c, 'camille', 'Camille Martin');
      await vote(c, roundUrl);
      const l = await lucia.newPage();
      await logIn(l, 'lucia', 'Lucía García');
      await vote(l, roundUrl);

      // The moderator sends a reminder now (no time given).
      await m.goto(roundUrl);
      await m.getByRole('button', { name: 'Schedule the reminder' }).click();
      await m.getByText('The reminder is scheduled.').waitFor();
      const remindedExpected = census.filter(
        (to) => !['camille@plenum.localhost', 'lucia@plenum.localhost', 'yanis@plenum.localhost'].includes(to),
      );
      await eventually(() => sentTo(REMINDER).length >= remindedExpected.length, 30_000, 'the reminders');
      await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing more arrives
      expect(sentTo(REMINDER)).toEqual(remindedExpected);
      expect(sentTo(CALL)).toHaveLength(5);

      // The progress view and the turnout chart show the figures.
      await m.goto(roundUrl);
      const calls = m.getByTestId('mail-calls');
      await calls.getByTestId('sent').getByText('5', { exact: true }).waitFor();
      await calls.getByTestId('failed').getByText('0', { exact: true }).waitFor();
      const reminders = m.getByTestId('mail-reminders');
      await reminders.getByTestId('sent').getByText(String(remindedExpected.length), { exact: true }).waitFor();
      await m.getByTestId('turnout-chart').locator('svg').waitFor();
      await m.getByTestId('turnout-chart-desc').getByText('2 of 5 members have voted.', { exact: false }).waitFor();
      // Members see the chart, not the moderators' mail counts.
      await c.goto(roundUrl);
      await c.getByTestId('turnout-chart').waitFor();
      expect(await c.getByTestId('mail-progress').count()).toBe(0);
    } finally {
      for (const b of [moderator, camille, lucia, yanis]) await b.cleanup();
    }
  });
});
