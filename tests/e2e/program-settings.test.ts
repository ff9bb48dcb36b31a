import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('a moderator runs the process', () => {
  it('moves the program to the amendment phase and closes its draft to the public', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/programme-2027`);
      await m.getByRole('link', { name: 'Phase, openness and drafters' }).click();
      await m.getByLabel('Phase', { exact: true }).selectOption('AMENDING');
      await m.getByLabel('Planned end of the phase (optional)').fill('2031-03-15');
      await m.getByLabel('Anyone, without an account, may read the live draft').uncheck();
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('Say why (at least 3 characters)').waitFor();
      await m.getByLabel('Reason').fill('The draft is ready for amendments');
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('The program settings were changed and recorded in the audit trail.').waitFor();
      await m.getByTestId('phase').getByText('Amendments').waitFor();
      await m.getByTestId('phase-dates').getByText('planned until March 15, 2031').waitFor();
      // The move is shown on the program's home, with who made it and why.
      const history = await m.getByTestId('phase-history').innerText();
      expect(history).toContain('Drafting → Amendments by Moussa Modérateur — The draft is ready for amendments');

      // For a visitor the program no longer exists (nothing is published): not found, as any unknown address,
      // with a way in for members.
      const v = await visitor.newPage();
      expect((await v.goto(`${server.url}/p/programme-2027`))?.status()).toBe(404);
      await v.getByRole('heading', { name: 'Page not found' }).waitFor();
      await v.getByTestId('not-found-members').getByRole('link', { name: 'Log in' }).click();
      await v.getByRole('heading', { name: 'Log in' }).waitFor();
      expect(new URL(v.url()).searchParams.get('redirectTo')).toBe('/p/programme-2027');
      await v.goto(`${server.url}/`);
      await v.getByText('No program is open to you yet.').waitFor();

      // A member who is not a moderator is offered no settings, and is refused them.
      const member = await visitor.newPage();
      await logInAsDemo(member, server, 'camille');
      await member.goto(`${server.url}/p/programme-2027`);
      await member.getByTestId('phase').getByText('Amendments').waitFor();
      expect(await member.getByRole('link', { name: 'Phase, openness and drafters' }).count()).toBe(0);
      expect((await member.goto(`${server.url}/p/programme-2027/settings`))?.status()).toBe(403);
    } finally {
      await moderator.cleanup();
      await visitor.cleanup();
    }
  });
});

describe('named drafters', () => {
  it('takes the pen from other members within seconds, while their editor is open', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      // The first test moved the program on: back to drafting, open to every member.
      await m.goto(`${server.url}/p/programme-2027/settings`);
      await m.getByLabel('Phase', { exact: true }).selectOption('DRAFTING');
      await m.getByLabel('Reason').fill('Back to drafting');
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByTestId('phase').getByText('Drafting').waitFor();
      const sectionHref = await m.locator('a[href*="/sections/"]').first().getAttribute('href');
      const sectionUrl = `${server.url}${sectionHref}`;

      const c = await camille.newPage();
      const l = await lucia.newPage();
      await logInAsDemo(c, server, 'camille');
      await logInAsDemo(l, server, 'lucia');
      for (const page of [c, l]) {
        await page.goto(sectionUrl);
        await page.getByTestId('connection-status').getByText('Connected').waitFor();
        expect(await page.getByRole('textbox', { name: 'Section text' }).getAttribute('contenteditable')).toBe('true');
      }

      await m.goto(`${server.url}/p/programme-2027/settings`);
      await m.getByLabel('Email address of the member to name').fill('nobody@plenum.localhost');
      await m.getByRole('button', { name: 'Name as drafter' }).click();
      await m.getByText('No member has this email address. They must join first.').waitFor();
      await m.getByLabel('Email address of the member to name').fill('lucia@plenum.localhost');
      await m.getByRole('button', { name: 'Name as drafter' }).click();
      await m.getByText('The drafters were changed and recorded in the audit trail.').waitFor();
      await m.getByRole('button', { name: 'Remove Lucía García' }).waitFor();
      await m.getByLabel('Only the named drafters (and moderators), who also shape the chapters and sections').check();
      await m.getByLabel('Reason').fill('A small team writes the first draft');
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('The program settings were changed and recorded in the audit trail.').waitFor();
      const changedAt = Date.now();

      // Camille's open editor turns read-only within 5 seconds; Lucía, named, keeps writing.
      await c.getByText('Read only').waitFor({ timeout: 5_000 });
      expect(Date.now() - changedAt).toBeLessThan(5_000);
      expect(await c.getByRole('textbox', { name: 'Section text' }).getAttribute('contenteditable')).toBe('false');
      const editor = l.getByRole('textbox', { name: 'Section text' });
      await editor.click();
      await l.keyboard.press('Control+End');
      await l.keyboard.type(' Rédigé par l’équipe.', { delay: 20 });
      await c.getByText('Rédigé par l’équipe.').waitFor();
      expect(await l.getByText('Read only').count()).toBe(0);
      // A named drafter shapes the program too.
      await l.goto(`${server.url}/p/programme-2027`);
      await l.getByRole('link', { name: 'Chapters and sections' }).waitFor();
    } finally {
      await moderator.cleanup();
      await camille.cleanup();
      await lucia.cleanup();
    }
  });
});
