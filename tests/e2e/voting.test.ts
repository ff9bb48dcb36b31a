import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { readOutbox } from '../factories/outbox.ts';
import { CLI_ENTRY, runToExit, startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';
import { prepareAdmissibleAmendment, type Who } from './support/scenarios.ts';

const PROGRAM = 'programme-2027';
let server: TestServer;
let sectionUrl = '';
let amendmentUrl = '';
let cookies: Map<Who, string>;
/** The counted round of the first journey and receipts of it, for the arbiter's check that follows. */
let counted: { roundUrl: string; kept: string; replaced: string } | null = null;

// Part 1 of the journey, over HTTP and the sync socket: an amendment drafted, submitted, supported and declared
// admissible (its browser journey is tests/e2e/amendments.test.ts).
beforeAll(async () => {
  server = await startServer();
  const prepared = await prepareAdmissibleAmendment(server);
  cookies = prepared.cookies;
  sectionUrl = `${server.url}/p/${PROGRAM}/sections/${prepared.sections[0]}`;
  amendmentUrl = `${server.url}/p/${PROGRAM}/amendments/${prepared.amendmentId}`;
});
afterAll(async () => {
  await server?.stop();
});

/** Votes on the round's only question and returns the tracking code of the receipt. */
async function vote(page: Page, roundUrl: string, answer: 'Yes' | 'No' | 'Abstain') {
  await page.goto(roundUrl);
  await page.getByRole('link', { name: /^(Vote|Change my vote)$/ }).click();
  await page.getByRole('heading', { name: 'Your ballot', level: 1 }).waitFor();
  await page.getByTestId('question-1').getByLabel(answer, { exact: true }).check();
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
  await page.getByText('Your ballot is recorded.').waitFor();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return code;
}

describe('a voting round', () => {
  it('is opened by a moderator; three members vote, one twice; nobody sees a partial result; the close counts it', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    const yanis = await launchBrowser({ locale: 'en-GB' });
    try {
      // Lucía asks for the announcements of phases by email (off unless she does).
      const l = await lucia.newPage();
      await logInAsDemo(l, server, 'lucia');
      await l.goto(`${server.url}/notifications`);
      await l
        .getByTestId('phases-state')
        .getByText('You are not told by email before a program changes phase.')
        .waitFor();
      await l.getByRole('button', { name: 'Tell me before a phase changes' }).click();
      await l.getByTestId('phases-state').getByText('You are told by email before a program changes phase.').waitFor();

      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${PROGRAM}`);
      await m.getByRole('link', { name: 'Votes', exact: true }).click();
      await m.getByRole('link', { name: 'New voting round' }).click();
      await m.getByLabel('Title', { exact: true }).fill('Amendements au chapitre 1');
      await m.getByLabel('Explanation for the members').fill('Un vote par amendement recevable.');
      await m.getByRole('checkbox', { name: 'Un RIC plus accessible' }).check();
      await m.getByRole('button', { name: 'Create the round' }).click();
      await m.getByText('The voting round is created.').waitFor();
      await m.getByTestId('round-status').getByText('Open').waitFor();
      const roundUrl = m.url();
      await m.getByTestId('census').getByText('5 members.').waitFor();
      await m.getByTestId('turnout').getByText('0 of 5 members have voted (0 %)').waitFor();
      await m
        .getByTestId('countdown')
        .getByText(/^Closes in 6 d /)
        .waitFor();
      // The section is read-only while the vote is open, and says why.
      await m.goto(sectionUrl);
      await m.getByTestId('section-locked').getByText('A vote on this section is open').waitFor();

      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      // Every member of the census is called to vote (issue 18, ADR 0028: a message about their membership), once:
      // Lucía, who asked for announcements, gets no second mail about the opening (ADR 0040).
      let calls: Awaited<ReturnType<typeof readOutbox>> = [];
      for (let i = 0; i < 50 && calls.length < 5; i++) {
        calls = (await readOutbox(server.outboxDir)).filter((x) => x.subject.includes('Amendements au chapitre 1'));
        if (calls.length < 5) await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 1000)); // a second mail would be on its way by now
      calls = (await readOutbox(server.outboxDir)).filter((x) => x.subject.includes('Amendements au chapitre 1'));
      expect(calls.map((x) => x.to).sort()).toEqual(
        ['admin', 'camille', 'lucia', 'moderation', 'yanis'].map((who) => `${who}@plenum.localhost`),
      );
      // In her saved language (none: the instance's, French).
      expect(calls.filter((x) => x.to === 'lucia@plenum.localhost').map((x) => x.subject)).toEqual([
        'Appel au vote : Amendements au chapitre 1',
      ]);
      // She turns the announcements off again from the same page.
      await l.getByRole('button', { name: 'Stop telling me' }).click();
      await l
        .getByTestId('phases-state')
        .getByText('You are not told by email before a program changes phase.')
        .waitFor();

      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');

      // The ballot shows the change and the debate in brief, and refuses to go without an answer.
      await y.goto(roundUrl);
      await y.getByTestId('my-vote').getByText('You have not voted yet.').waitFor();
      await y.getByRole('link', { name: 'Vote', exact: true }).click();
      await y.getByTestId('diff-inline').locator('ins', { hasText: 'abaissé à 2 %' }).waitFor();
      expect(await violations(y)).toEqual([]);
      await y.getByRole('button', { name: 'Cast my ballot' }).click();
      expect(await y.getByText('Your ballot is recorded.').count()).toBe(0);

      const camilleCode = await vote(c, roundUrl, 'Yes');
      await vote(l, roundUrl, 'No');
      const yanisFirst = await vote(y, roundUrl, 'No');
      // Yanis changes his mind: a new ballot replaces the last one.
      await y.goto(roundUrl);
      await y.getByTestId('my-vote').getByText('Your ballot is recorded. You can change it until').waitFor();
      const yanisLast = await vote(y, roundUrl, 'Yes');
      expect(yanisLast).not.toBe(yanisFirst);
      expect(camilleCode).not.toBe(yanisLast);

      // A moderator sees the turnout, and nothing else: no partial result exists, on the page or as a download.
      await m.goto(roundUrl);
      await m.getByTestId('turnout').getByText('3 of 5 members have voted (60 %)').waitFor();
      expect(await m.getByTestId('results').count()).toBe(0);
      await m.getByTestId('no-partial-results').waitFor();
      const early = await fetch(`${roundUrl}/board.json`, { headers: { cookie: cookies.get('moderation')! } });
      expect(early.status).toBe(404);

      // The moderator closes the vote now, with a public reason: it is counted at once.
      const now = await m.evaluate(() => {
        const d = new Date();
        return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      });
      await m.getByLabel('Closes', { exact: true }).fill(now);
      await m.getByLabel('Reason (public)').fill('Fin de la démonstration');
      await m.getByRole('button', { name: 'Move the closing time' }).click();
      await m.getByTestId('round-status').getByText('Closed').waitFor();
      const result = m.getByTestId('results');
      await result.getByTestId('turnout').getByText('3 of 5 members have voted (60 %)').waitFor();
      await result.getByText('Yes').first().waitFor();
      const bars = await result.locator('.bar-row').allTextContents();
      expect(bars.map((b) => b.replace(/\s+/g, ' '))).toEqual(['Yes2 (66.7 %)', 'No1 (33.3 %)', 'Abstain0']);
      await result.getByTestId('outcome').getByText('Adopted').waitFor();
      expect(await violations(m)).toEqual([]);
      await m.goto(amendmentUrl);
      // Adopted, and already written into the section's text (tests/e2e/publication.test.ts follows it there).
      await m.getByTestId('amendment-status').getByText('Applied').waitFor();
      await m.goto(sectionUrl);
      expect(await m.getByTestId('section-locked').count()).toBe(0);

      // Yanis finds his last code on the board, with his last answer; his first code is not there.
      await y.goto(roundUrl);
      await y.getByRole('link', { name: 'Check my tracking code' }).click();
      await y.getByLabel('Tracking code').fill(yanisLast.toLowerCase());
      await y.getByRole('button', { name: 'Find' }).click();
      await y.getByTestId('code-found').getByText('Un RIC plus accessible: Yes').waitFor();
      await y.getByLabel('Tracking code').fill(yanisFirst);
      await y.getByRole('button', { name: 'Find' }).click();
      await y.getByTestId('code-missing').waitFor();
      // The board is public, and it recounts to the published results.
      const board = await fetch(`${roundUrl}/board.json`);
      expect(board.status).toBe(200);
      const json = (await board.json()) as { ballots: { code: string }[]; results: { ballots: number } };
      expect(json.ballots.map((b) => b.code).sort()).toEqual(
        [camilleCode, yanisLast]
          .concat(json.ballots.map((b) => b.code).filter((x) => x !== camilleCode && x !== yanisLast))
          .sort(),
      );
      expect(json.ballots).toHaveLength(3);
      expect(JSON.stringify(json)).not.toContain(yanisFirst);
      expect(json.results.ballots).toBe(3);
      counted = { roundUrl, kept: camilleCode, replaced: yanisFirst };
    } finally {
      await moderator.cleanup();
      await camille.cleanup();
      await lucia.cleanup();
      await yanis.cleanup();
    }
  });

  it('lets an arbiter check a receipt on the published board from the command line, in words, with its exit code', async () => {
    expect(counted, 'the journey above counted a round').not.toBeNull();
    const { roundUrl, kept, replaced } = counted!;
    // The embedded database opens in one process at a time: the server stops, its data stays.
    await server.stop({ keep: true });
    const env = { DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl ?? '', LOG_LEVEL: 'warn' };
    const check = (round: string, code: string) => runToExit([CLI_ENTRY, 'check-receipt', round, code], env);

    // Camille's receipt, typed as a voter might (lower case, spaces), with the round's page address.
    const on = await check(roundUrl, kept.toLowerCase().replace(/-/g, ' '));
    expect(on.code, on.output).toBe(0);
    expect(on.output).toContain(`The receipt ${kept} IS on the published ballot board of the round`);
    expect(on.output).toMatch(/\(3 ballots, SHA-256 [0-9a-f]{64}\)/);
    expect(on.output).toContain('  - Un RIC plus accessible: Yes');
    // Yanis's first receipt was replaced by his second ballot: not on the board (by the round's id this time).
    const roundId = roundUrl.split('/').pop()!;
    const off = await check(roundId, replaced);
    expect(off.code, off.output).toBe(1);
    expect(off.output).toContain(`The receipt ${replaced} is NOT on the published ballot board`);
    // What cannot be checked says why, and exits 2.
    const garbage = await check(roundId, 'not-a-code');
    expect(garbage.code).toBe(2);
    expect(garbage.output).toContain('"not-a-code" is not a tracking code');
    const nowhere = await check('aaaaaaaaaaaaaaaa', kept);
    expect(nowhere.code).toBe(2);
    expect(nowhere.output).toContain('No voting round "aaaaaaaaaaaaaaaa" in this database.');
  });
});
