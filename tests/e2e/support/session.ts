import type { Page } from 'playwright-core';

/** Logs in through the English login form and waits for the account link. */
export async function logInAs(page: Page, baseUrl: string, email: string, password: string, displayName: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: displayName }).waitFor();
}
