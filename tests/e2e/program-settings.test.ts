import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

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
      await logInAs(
        m,
        server.url,
        'moderation@plenum.localhost',
        server.logins.get('moderation@plenum.localhost')!,
        'Moussa Modérateur',
      );
      await m.goto(`${server.url}/p/programme-2027`);
      await m.getByRole('link', { name: 'Phase and openness' }).click();
      await m.getByLabel('Phase', { exact: true }).selectOption('AMENDING');
      await m.getByLabel('Anyone, without an account, may read the live draft').uncheck();
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('Say why (at least 3 characters)').waitFor();
      await m.getByLabel('Reason').fill('The draft is ready for amendments');
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('The program settings were changed and recorded in the audit trail.').waitFor();
      await m.getByTestId('phase').getByText('Amendments').waitFor();

      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/programme-2027`);
      await v.getByRole('heading', { name: 'Log in' }).waitFor();
      expect(new URL(v.url()).searchParams.get('redirectTo')).toBe('/p/programme-2027');
      await v.goto(`${server.url}/`);
      await v.getByText('No program is open to you yet.').waitFor();

      // A member who is not a moderator is offered no settings, and is refused them.
      const member = await visitor.newPage();
      await logInAs(
        member,
        server.url,
        'camille@plenum.localhost',
        server.logins.get('camille@plenum.localhost')!,
        'Camille Martin',
      );
      await member.goto(`${server.url}/p/programme-2027`);
      await member.getByTestId('phase').getByText('Amendments').waitFor();
      expect(await member.getByRole('link', { name: 'Phase and openness' }).count()).toBe(0);
      expect((await member.goto(`${server.url}/p/programme-2027/settings`))?.status()).toBe(403);
    } finally {
      await moderator.cleanup();
      await visitor.cleanup();
    }
  });
});
