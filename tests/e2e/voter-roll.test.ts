import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../factories/outbox.ts';
import { launchBrowser } from './support/browser.ts';
import { violations } from './support/axe.ts';
import { prepareAdmissibleAmendment, roundForm, utcMinute, type DemoSession, type Who } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

const PROGRAM = 'programme-2027';
let server: TestServer;
let session: DemoSession;
let roundUrl = '';
let question = '';

// An admissible amendment put to a round that is open now (their own journeys: amendments and voting).
beforeAll(async () => {
  server = await startServer();
  const prepared = await prepareAdmissibleAmendment(server);
  session = prepared;
  const location = await prepared.post(`/p/${PROGRAM}/rounds/new`, 'moderation', {
    ...roundForm('Amendements au chapitre 1', 'Un vote par amendement recevable.'),
    amendmentIds: prepared.amendmentId,
  });
  roundUrl = `${server.url}${location}`;
  const paper = await (
    await fetch(`${roundUrl}/ballot`, { headers: { cookie: prepared.cookies.get('yanis')! } })
  ).text();
  question = /name="q\.([a-z2-7]{16})"/.exec(paper)![1]!;
});
afterAll(async () => {
  await server?.stop();
});

async function logIn(page: Page, who: Who, name: string) {
  const email = `${who}@plenum.localhost`;
  await logInAs(page, server.url, email, server.logins.get(email)!, name);
}

/** A ballot posted with `who`'s session cookie, as someone holding it would (no browser: not them). */
const castAs = (who: Who, answer: 'Y' | 'N') =>
  session.post(`${roundUrl}/ballot`, who, { [`q.${question}`]: answer }, 200);

describe('the voter roll', () => {
  it('tells voters their ballot is recorded then counted; the census sees who voted; a listed non-voter reports it', async () => {
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    const moderator = await launchBrowser({ locale: 'en-GB' });
    try {
      // Camille votes, and the round page tells her that her ballot is recorded and until when it can change.
      const c = await camille.newPage();
      await logIn(c, 'camille', 'Camille Martin');
      await c.goto(roundUrl);
      await c.getByRole('link', { name: 'Vote', exact: true }).click();
      await c.getByTestId('question-1').getByLabel('Yes', { exact: true }).check();
      await c.getByRole('button', { name: 'Cast my ballot' }).click();
      await c.getByTestId('tracking-code').waitFor();
      await c.goto(roundUrl);
      await c.getByTestId('my-vote').getByText('Your ballot is recorded. You can change it until').waitFor();

      // Yanis votes; and someone holding Lucía's session casts a ballot in her name. She gets the mail.
      await castAs('yanis', 'N');
      await castAs('lucia', 'Y');
      // The mail goes once the answer is sent: it may arrive a moment after it.
      const ballotMails = async () =>
        (await readOutbox(server.outboxDir, 'lucia@plenum.localhost')).filter((m) => m.subject.includes('bulletin'));
      for (let i = 0; i < 100 && (await ballotMails()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      const [mail] = await ballotMails();
      expect(mail, 'the confirmation mail to Lucía').toBeTruthy();
      expect(mail!.body).toContain('Si ce n’était pas vous');
      expect(mail!.body).not.toMatch(/\b(Oui|Non|Pour|Contre)\b/);

      // The moderator brings the close forward: the round is counted at once.
      await session.post(roundUrl, 'moderation', {
        closesAt: utcMinute(0),
        closesAtOffset: '0',
        reason: 'Fin du vote',
      });

      // Camille reads that her ballot was counted, and who voted: names, in alphabetical order, no answers.
      await c.goto(roundUrl);
      await c.getByTestId('round-status').getByText('Closed').waitFor();
      await c.getByTestId('my-vote').getByText('Your ballot was counted: you are on the voter roll.').waitFor();
      await c.getByRole('link', { name: 'Who voted: the voter roll' }).click();
      await c.getByRole('heading', { name: 'Voter roll', level: 1 }).waitFor();
      expect(await c.getByTestId('roll').getByRole('listitem').allTextContents()).toEqual([
        'Camille Martin',
        'Lucía García',
        'Yanis Benali',
      ]);
      await c.getByTestId('roll-count').getByText('3 members voted').waitFor();
      expect(await violations(c)).toEqual([]);

      // Lucía never voted, finds herself on the roll and reports it to the moderators.
      const l = await lucia.newPage();
      await logIn(l, 'lucia', 'Lucía García');
      await l.goto(`${roundUrl}/roll`);
      await l.getByTestId('on-roll').getByText('You are on this roll').waitFor();
      await l.getByLabel('What you want the moderators to know').fill('Je n’ai pas voté : j’étais en voyage.');
      await l.getByRole('button', { name: 'Report it to the moderators' }).click();
      await l.getByText('Your report went to the moderators.').waitFor();
      await l.getByTestId('roll-reported').waitFor();
      expect(await l.getByRole('button', { name: 'Report it to the moderators' }).count()).toBe(0);

      // The moderator is told in the app, and finds the report in the moderation queue.
      const m = await moderator.newPage();
      await logIn(m, 'moderation', 'Moussa Modérateur');
      await m.goto(`${server.url}/notifications`);
      await m
        .getByText('A member says they are on the voter roll of “Amendements au chapitre 1” without having voted.')
        .click();
      const reports = m.getByTestId('queue-roll-reports');
      await reports.getByText('Lucía García says they did not vote in round 1, “Amendements au chapitre 1”:').waitFor();
      await reports.getByText('Je n’ai pas voté : j’étais en voyage.').waitFor();
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
      await moderator.cleanup();
    }
  });
});
