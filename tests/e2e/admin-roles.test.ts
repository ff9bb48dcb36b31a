import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let admin: BrowserContext & { cleanup: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startServer();
  admin = await launchBrowser({ locale: 'en-GB' });
  page = await admin.newPage();
});
afterAll(async () => {
  await admin?.cleanup();
  await server?.stop();
});

describe('an admin makes a member moderator', () => {
  it('is offered the member list only as an admin', async () => {
    const member = await launchBrowser({ locale: 'en-GB' });
    try {
      const p = await member.newPage();
      await logInAsDemo(p, server, 'camille');
      expect(await p.getByRole('link', { name: 'Members' }).count()).toBe(0);
      const response = await p.goto(`${server.url}/admin/members`);
      expect(response?.status()).toBe(403);
      await p.getByRole('heading', { name: 'Not allowed' }).waitFor();
    } finally {
      await member.cleanup();
    }
  });

  it('changes the role with a reason, which the audit trail keeps', async () => {
    await logInAsDemo(page, server, 'admin');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();

    // No reason: refused beside the field, nothing changed.
    const row = page.locator('tr', { has: page.getByText('camille@plenum.localhost') });
    await row.getByLabel('Role of Camille Martin', { exact: true }).selectOption('MODERATOR');
    await row
      .getByLabel('Reason for changing the role of Camille Martin')
      .evaluate((el) => el.removeAttribute('required'));
    await row.getByRole('button', { name: 'Change role' }).click();
    await row.getByText('Say why (at least 3 characters)').waitFor();

    await row.getByLabel('Role of Camille Martin', { exact: true }).selectOption('MODERATOR');
    await row.getByLabel('Reason for changing the role of Camille Martin').fill('Runs the Lyon local group');
    await row.getByRole('button', { name: 'Change role' }).click();
    await page.getByText('The role was changed and recorded in the audit trail.').waitFor();
    expect(await row.getByLabel('Role of Camille Martin', { exact: true }).inputValue()).toBe('MODERATOR');
    const trail = page.getByTestId('role-changes');
    await trail.getByText('Alice Admin changed Camille Martin from Member to Moderator').waitFor();
    await trail.getByText('Runs the Lyon local group').waitFor();
  });

  it('cannot change their own role', async () => {
    const own = page.locator('tr', { has: page.getByText('admin@plenum.localhost') });
    expect(await own.getByRole('combobox').count()).toBe(0);
    await own.getByText('Administrator').waitFor();
  });

  it('the new moderator sees their role on their account page', async () => {
    const member = await launchBrowser({ locale: 'en-GB' });
    try {
      const p = await member.newPage();
      await logInAsDemo(p, server, 'camille');
      await p.getByRole('link', { name: 'Camille Martin' }).click();
      await p.getByText('Signed in as camille@plenum.localhost · Moderator').waitFor();
    } finally {
      await member.cleanup();
    }
  });

  it('suspends a member with a reason: they are told why, take part in nothing, and still download their data', async () => {
    await page.goto(`${server.url}/admin/members`);
    const row = page.locator('tr', { has: page.getByText('yanis@plenum.localhost') });
    await row
      .getByLabel('Why (public to them, kept in the audit trail): Yanis Benali')
      .fill('Propos injurieux répétés');
    await row.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('The member is suspended; the reason is kept in the audit trail.').waitFor();
    await row.getByTestId('suspended-badge').getByText('suspended: Propos injurieux répétés').waitFor();

    const member = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await member.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y
        .getByTestId('suspended-notice')
        .getByText(/Your account is suspended: Propos injurieux répétés/)
        .waitFor();
      // Taking part is refused (creating a group, here); reading and their own data are not.
      const refused = await y.request.post(`${server.url}/groups`, {
        form: { name: 'Un groupe', area: 'Lyon', description: 'Un groupe qui ne devrait pas naître.' },
        headers: { origin: server.url },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      // Their notifications are refused as clearly, on a page that says why (issue 15: it was the error page).
      await y.getByTestId('notifications-link').click();
      await y.getByRole('heading', { name: 'Your account is suspended' }).waitFor();
      await y
        .getByText(/Your account is suspended: Propos injurieux répétés/)
        .last()
        .waitFor();
      const data = await y.request.get(`${server.url}/account/export.json`);
      expect(data.status()).toBe(200);
      expect(((await data.json()) as { profile: { email: string } }).profile.email).toBe('yanis@plenum.localhost');
    } finally {
      await member.cleanup();
    }
    // Lifted with a reason too.
    await row.getByLabel('Why (public to them, kept in the audit trail): Yanis Benali').fill('Excuses présentées');
    await row.getByRole('button', { name: 'Lift the suspension' }).click();
    await page.getByText('The suspension is lifted.').waitFor();
  });
});
