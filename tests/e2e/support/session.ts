import type { Page } from 'playwright-core';
import { sessionCookie } from './collab.ts';

/**
 * Signs a person in without the login form: the real login (POST /login, password checked, session created),
 * its cookie put in the person's browser, then the home page, waiting for the account link. For journeys that
 * are not about logging in; those use `logInThroughForm`.
 */
export async function logInAs(page: Page, baseUrl: string, email: string, password: string, displayName: string) {
  const cookie = await sessionCookie(baseUrl, email, password);
  const at = cookie.indexOf('=');
  await page
    .context()
    .addCookies([
      { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: baseUrl, httpOnly: true, sameSite: 'Lax' },
    ]);
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: displayName }).waitFor();
}

/** Logs in through the English login form and waits for the account link. */
export async function logInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  displayName: string,
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: displayName }).waitFor();
}

/** The demo's accounts (server/database/seed.ts), by the part of their address before the @. */
export const DEMO_PEOPLE = {
  admin: 'Alice Admin',
  moderation: 'Moussa Modérateur',
  camille: 'Camille Martin',
  lucia: 'Lucía García',
  yanis: 'Yanis Benali',
} as const;
export type DemoPerson = keyof typeof DEMO_PEOPLE;

/** Signs a demo account in without the login form (`logInAs`), with the password the server printed. */
export async function logInAsDemo(page: Page, server: { url: string; logins: Map<string, string> }, who: DemoPerson) {
  const email = `${who}@plenum.localhost`;
  const password = server.logins.get(email);
  if (!password) throw new Error(`no demo login for ${email}`);
  await logInAs(page, server.url, email, password, DEMO_PEOPLE[who]);
}
