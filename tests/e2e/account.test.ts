import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInThroughForm } from './support/session.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('a member manages their account', () => {
  it('changes name and password, and logs out on every device at once', async () => {
    const email = 'lucia@plenum.localhost';
    const laptop = await launchBrowser({ locale: 'en-GB' });
    const phone = await launchBrowser({ locale: 'en-GB' });
    try {
      const a = await laptop.newPage();
      const b = await phone.newPage();
      await logInThroughForm(a, server.url, email, server.logins.get(email)!, 'Lucía García');
      await logInThroughForm(b, server.url, email, server.logins.get(email)!, 'Lucía García');

      await a.getByRole('link', { name: 'Lucía García' }).click();
      await a.getByText('Signed-in devices: 2.').waitFor();
      await a.getByLabel('Name').fill('Lucía G.');
      await a.getByRole('button', { name: 'Save' }).click();
      await a.getByText('Your name was changed.').waitFor();
      await a.getByRole('link', { name: 'Lucía G.' }).waitFor();

      await a.getByLabel('Current password', { exact: true }).nth(1).fill(server.logins.get(email)!);
      await a.getByLabel('New password', { exact: true }).fill('un nuevo secreto largo');
      await a.getByLabel('Confirm the new password').fill('un nuevo secreto largo');
      await a.getByRole('button', { name: 'Change my password' }).click();
      await a.getByText('Your password was changed. Your other devices were logged out.').waitFor();
      await b.reload();
      await b.getByRole('link', { name: 'Log in' }).waitFor();

      await logInThroughForm(b, server.url, email, 'un nuevo secreto largo', 'Lucía G.');
      await b.goto(`${server.url}/account`);
      await b.getByRole('button', { name: 'Log out on all devices, this one included' }).click();
      await b.getByText('You are logged out on all your devices.').waitFor();
      await a.reload();
      await a.getByRole('link', { name: 'Log in' }).waitFor();
    } finally {
      await laptop.cleanup();
      await phone.cleanup();
    }
  });
});
