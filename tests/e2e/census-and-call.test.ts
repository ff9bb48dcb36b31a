import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../factories/smtp.ts';
import { launchBrowser } from './support/browser.ts';
import { eventually } from './support/collab.ts';
import { prepareAdmissibleAmendment, utcMinute, type DemoSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

/**
 * Issue 18's journey in one chain: the register decides who votes, and every one of them is called. An admin
 * imports the movement's register; the member it invites sets up an account; a round opens on a program whose
 * census is the register; every census member is called (read from the SMTP server the test runs); half vote;
 * the reminder reaches only the other half (less the one who stopped it); a lapsed member is refused with the
 * reason; after the close the roll lists the voters and a voter reads that their ballot was counted.
 */

const PROGRAM = 'programme-2027';
let server: TestServer;
let smtp: TestSmtp;
let session: DemoSession;

beforeAll(async () => {
  // Mail (invitations, calls, reminders) goes to a real SMTP server; the queue is drained every half second.
  smtp = await startSmtp();
  server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_SWEEP_MS: '500', MAIL_RETRY_BASE_MS: '1000' } });
  // The program's census is the register (set with its amendment phase), and one amendment is admissible.
  session = await prepareAdmissibleAmendment(server, { settings: { censusRule: 'REGISTER' } });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

// A French spreadsheet's export: Windows-1252, semicolons, one bad address and one duplicate line, and a column
// header Plenum does not know (the admin chooses it by hand). Yanis's membership ran out in 2020; the newcomer
// Hélène has no account yet.
const REGISTER = Buffer.from(
  [
    "Courriel;Nom;N° adhérent;Groupe local;Cotisation réglée jusqu'au",
    'camille@plenum.localhost;Camille Martin;A-1;Lyon;31/12/2030',
    'lucia@plenum.localhost;Lucía García;A-2;Lyon;31/12/2030',
    'moderation@plenum.localhost;Moussa Modérateur;A-3;Paris;31/12/2030',
    'yanis@plenum.localhost;Yanis Benali;A-4;Paris;31/12/2020',
    'nouvelle@example.org;Hélène Nouvelle;A-5;Besançon;31/12/2030',
    'pas-une-adresse;Sans Adresse;A-6;Lyon;31/12/2030',
    'nouvelle@example.org;Hélène Nouvelle;A-5;Besançon;31/12/2030',
  ].join('\r\n'),
  'latin1',
);
const CENSUS = [
  'camille@plenum.localhost',
  'lucia@plenum.localhost',
  'moderation@plenum.localhost',
  'nouvelle@example.org',
];

const CALL = /^(Call to vote|Appel au vote|Convocatoria a votar)/;
const REMINDER = /^(Reminder|Rappel|Recordatorio)/;
const mailsOf = (kind: RegExp) => smtp.received.filter((m) => kind.test(m.subject));
const sentTo = (kind: RegExp) =>
  mailsOf(kind)
    .map((m) => m.to)
    .sort();
/** A link of a mail (which names the server's public origin, port 0 in tests), on the test server. */
function linkOf(mail: ReceivedMail, path: RegExp): string {
  const url = new URL(mail.body.match(new RegExp(`http://\\S+${path.source}\\S*`))![0]);
  return `${server.url}${url.pathname}${url.search}`;
}

async function logIn(page: Page, email: string, name: string) {
  await logInAs(page, server.url, email, server.logins.get(email)!, name);
}

async function vote(page: Page, roundUrl: string) {
  await page.goto(roundUrl);
  await page.getByRole('link', { name: 'Vote', exact: true }).click();
  await page.getByTestId('question-1').getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Cast my ballot' }).click();
  await page.getByText('Your ballot is recorded.').waitFor();
}

describe('the register, the census and the call to vote', () => {
  it('imports the register, invites, calls the census, reminds the non-voters, refuses the lapsed, lists the voters', async () => {
    const people = {
      admin: await launchBrowser({ locale: 'en-GB' }),
      moderator: await launchBrowser({ locale: 'en-GB' }),
      helene: await launchBrowser({ locale: 'en-GB' }),
      camille: await launchBrowser({ locale: 'en-GB' }),
      lucia: await launchBrowser({ locale: 'en-GB' }),
      yanis: await launchBrowser({ locale: 'en-GB' }),
    };
    try {
      // 1. The admin previews the register: how it was read, every refused line with its reason, what would change.
      const admin = await people.admin.newPage();
      await logIn(admin, 'admin@plenum.localhost', 'Alice Admin');
      await admin.getByRole('link', { name: 'Register' }).click();
      await admin.getByRole('heading', { name: 'Membership register', level: 1 }).waitFor();
      await admin
        .getByLabel(/Register file/)
        .setInputFiles({ name: 'adherents.csv', mimeType: 'text/csv', buffer: REGISTER });
      await admin.getByRole('button', { name: 'Preview' }).click();
      await admin.getByRole('heading', { name: 'Preview of adherents.csv' }).waitFor();
      // The last column's header is not one Plenum knows: she says it holds the end of membership, and reads again.
      const until = admin.getByLabel('Member until');
      expect(await until.locator('option:checked').innerText()).toBe('not in the file');
      expect(await admin.getByLabel('Email').locator('option:checked').innerText()).toBe('Courriel');
      await until.selectOption({ label: "Cotisation réglée jusqu'au" });
      await Promise.all([
        admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/register')),
        admin.getByRole('button', { name: 'Read again with these columns' }).click(),
      ]);
      await expect.poll(() => admin.getByRole('button', { name: 'Import 5 lines' }).isEnabled()).toBe(true);
      expect(await until.locator('option:checked').innerText()).toBe("Cotisation réglée jusqu'au");
      expect(await admin.getByTestId('register-read').innerText()).toBe(
        'Read as Windows-1252, fields separated by “;”: 7 lines, 5 valid.',
      );
      expect(await admin.getByTestId('register-refused').innerText()).toBe('2 lines refused (not imported)');
      const errors = await admin.getByTestId('register-errors').innerText();
      expect(errors).toMatch(/7\s+not a valid email address\s+pas-une-adresse/);
      expect(errors).toMatch(/8\s+same line as an earlier one/);
      expect(await admin.getByTestId('register-changes').innerText()).toContain('would add 5');
      await admin.getByRole('button', { name: 'Import 5 lines' }).click();
      await admin.getByText('The register was imported').waitFor();
      // The four listed accounts are tied to their entries at once; the invitation goes after the answer.
      expect(await admin.getByTestId('register-figures').innerText()).toMatch(
        /^5 entries in the register, 0 lapsed, 4 tied to an account/,
      );

      // 2. The invitation reaches the listed address with no account; its link creates one, tied to the entry,
      // and works once.
      await eventually(() => sentTo(/./).includes('nouvelle@example.org'), 30_000, 'the invitation');
      const invitation = smtp.received.find((m) => m.to === 'nouvelle@example.org')!;
      const helene = await people.helene.newPage();
      await helene.goto(linkOf(invitation, /\/join\?/));
      await helene.getByText('The register lists nouvelle@example.org.').waitFor();
      expect(await helene.getByLabel('Name').inputValue()).toBe('Hélène Nouvelle');
      await helene.getByLabel('Password', { exact: true }).fill('un mot de passe solide');
      await helene.getByLabel('Confirm the new password').fill('un mot de passe solide');
      await helene.getByRole('button', { name: 'Create my account' }).click();
      await helene.getByText('Your account is tied to the movement’s register.').waitFor();
      const usedAgain = await people.helene.newPage();
      await usedAgain.goto(linkOf(invitation, /\/join\?/));
      await usedAgain.getByTestId('join-invalid').waitFor();

      // 3. The moderator opens a round: its census is the register's members in good standing, four of them.
      const m = await people.moderator.newPage();
      await logIn(m, 'moderation@plenum.localhost', 'Moussa Modérateur');
      await m.goto(`${server.url}/p/${PROGRAM}/rounds/new`);
      await m.getByLabel('Title', { exact: true }).fill('Amendements au chapitre 1');
      await m.getByLabel('Explanation for the members').fill('Un vote par amendement recevable.');
      await m.getByRole('checkbox', { name: 'Un RIC plus accessible' }).check();
      await m.getByRole('button', { name: 'Create the round' }).click();
      await m.getByText('The voting round is created.').waitFor();
      const census = m.getByTestId('census');
      await census.getByText('4 members.').waitFor();
      await census.getByText('Members of the movement’s register in good standing on the opening day').waitFor();
      const roundUrl = m.url();

      // 4. Every census member is called, once, with the question and the closing time; nobody else is.
      await eventually(() => mailsOf(CALL).length >= CENSUS.length, 30_000, 'the calls to vote');
      expect(sentTo(CALL)).toEqual(CENSUS);
      const luciaCall = mailsOf(CALL).find((mail) => mail.to === 'lucia@plenum.localhost')!;
      expect(luciaCall.body).toContain('Un RIC plus accessible');
      expect(luciaCall.body).toContain('(UTC)');

      // Lucía stops the reminders from her mail: the link shows a button (it changes nothing), the button does it.
      const lucia = await people.lucia.newPage();
      await lucia.goto(linkOf(luciaCall, /\/reminders\/stop\?/));
      await lucia.getByText('Stop the reminders of the vote “Amendements au chapitre 1”?').waitFor();
      await lucia.getByRole('button', { name: 'Stop the reminders' }).click();
      await lucia.getByText('Done: you will get no more reminders of this vote.').waitFor();

      // 5. Half the census votes: Camille, and Hélène who joined from her invitation.
      const camille = await people.camille.newPage();
      await logIn(camille, 'camille@plenum.localhost', 'Camille Martin');
      await vote(camille, roundUrl);
      // (Joining signed her in.)
      await vote(helene, roundUrl);

      // 6. Yanis's membership lapsed: the round tells him why he cannot vote, and his ballot is refused.
      const yanis = await people.yanis.newPage();
      await logIn(yanis, 'yanis@plenum.localhost', 'Yanis Benali');
      await yanis.goto(roundUrl);
      await yanis
        .getByTestId('my-vote')
        .getByText(/^You are not in this round’s census: your membership ran until .+ 2020, before the vote opened\.$/)
        .waitFor();
      expect(await yanis.getByRole('link', { name: 'Vote', exact: true }).count()).toBe(0);
      // The ballot's address sends him back to the round's page, which says why.
      await yanis.goto(`${roundUrl}/ballot`);
      expect(yanis.url()).toBe(roundUrl);
      await yanis
        .getByTestId('my-vote')
        .getByText(/your membership ran until .+ 2020/)
        .waitFor();

      // 7. A reminder now reaches only the census member who has neither voted nor stopped reminders.
      await m.goto(roundUrl);
      await m.getByRole('button', { name: 'Schedule the reminder' }).click();
      await m.getByText('The reminder is scheduled.').waitFor();
      await eventually(() => mailsOf(REMINDER).length >= 1, 30_000, 'the reminder');
      await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing more arrives
      expect(sentTo(REMINDER)).toEqual(['moderation@plenum.localhost']);
      expect(sentTo(CALL)).toEqual(CENSUS);

      // The moderators' progress view and everyone's turnout chart.
      await m.goto(roundUrl);
      const calls = m.getByTestId('mail-calls');
      await calls.getByTestId('sent').getByText('4', { exact: true }).waitFor();
      await calls.getByTestId('failed').getByText('0', { exact: true }).waitFor();
      await m.getByTestId('mail-reminders').getByTestId('sent').getByText('1', { exact: true }).waitFor();
      await m.getByTestId('turnout-chart').locator('svg').waitFor();
      await m.getByTestId('turnout-chart-desc').getByText('2 of 4 members have voted.', { exact: false }).waitFor();
      await camille.goto(roundUrl);
      await camille.getByTestId('turnout-chart').waitFor();
      expect(await camille.getByTestId('mail-progress').count()).toBe(0);

      // 8. The close is brought forward: Camille reads that her ballot was counted, and the roll lists the voters.
      await session.post(roundUrl, 'moderation', {
        closesAt: utcMinute(0),
        closesAtOffset: '0',
        reason: 'Fin du vote',
      });
      await camille.goto(roundUrl);
      await camille.getByTestId('round-status').getByText('Closed').waitFor();
      await camille.getByTestId('my-vote').getByText('Your ballot was counted: you are on the voter roll.').waitFor();
      await camille.getByRole('link', { name: 'Who voted: the voter roll' }).click();
      await camille.getByRole('heading', { name: 'Voter roll', level: 1 }).waitFor();
      expect(await camille.getByTestId('roll').getByRole('listitem').allTextContents()).toEqual([
        'Camille Martin',
        'Hélène Nouvelle',
      ]);
      await camille.getByTestId('roll-count').getByText('2 members voted').waitFor();
    } finally {
      for (const browser of Object.values(people)) await browser.cleanup();
    }
    // Three journeys in one (register, call to vote, roll): about a minute on a quiet machine.
  }, 240_000);
});
