import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretFromBase32, totpAt } from '../../app/modules/members/totp.ts';
import { readOutbox } from '../factories/outbox.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO, prepareAdmissibleAmendment, roundForm } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInThroughForm } from './support/session.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const LUCIA = 'lucia@plenum.localhost';
const YANIS = 'yanis@plenum.localhost';
/** The code an authenticator app shows `steps` periods of 30 s from now. */
const codeOf = (key: string, steps = 0) => totpAt(secretFromBase32(key), Date.now() + steps * 30_000);

/** Posts the password form over HTTP: the pending second step's cookie ("plenum_second_step=..."). */
async function passwordOnly(email: string, password: string) {
  const res = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ email, password }).toString(),
  });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toMatch(/^\/login\/two-factor/);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  expect(cookie).toMatch(/^plenum_second_step=/);
  return cookie;
}

// First, while the demo's people sign in with a password alone (the journeys below turn two-factor on).
describe('a binding round', () => {
  it('takes a ballot only with the one-time code mailed to the voter', async () => {
    const { post, amendmentId } = await prepareAdmissibleAmendment(server);
    const roundLocation = await post(`/p/${DEMO}/rounds/new`, 'moderation', {
      ...roundForm('Vote engageant', 'Un vote qui engage le mouvement.'),
      binding: 'on',
      amendmentIds: amendmentId,
    });
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const page = await browser.newPage();
      await logInThroughForm(page, server.url, YANIS, server.logins.get(YANIS)!, 'Yanis Benali');
      await page.goto(`${server.url}${roundLocation}`);
      await page.getByTestId('round-binding').waitFor();
      await page.getByRole('link', { name: 'Vote', exact: true }).click();
      await page.getByTestId('binding-round').waitFor();
      await page.getByRole('button', { name: 'Email me a code' }).click();
      await page.getByText('A code is on its way to your inbox.', { exact: false }).waitFor();
      // The newest mail with a code: the call to vote of the round, sent by the queue, may come after it.
      const mails = await readOutbox(server.outboxDir, YANIS);
      const code = mails.flatMap((mail) => /(\d{6})$/.exec(mail.subject)?.[1] ?? []).at(-1);
      expect(code).toMatch(/^\d{6}$/);
      await page.getByTestId('question-1').getByLabel('Yes', { exact: true }).check();
      await page.getByLabel('One-time code').fill(code === '000000' ? '000001' : '000000');
      await page.getByRole('button', { name: 'Cast my ballot' }).click();
      await page.getByText('This code is not right, has expired or was already used.', { exact: false }).waitFor();
      expect(await page.getByText('Your ballot is recorded.').count()).toBe(0);
      await page.getByTestId('question-1').getByLabel('Yes', { exact: true }).check();
      await page.getByLabel('One-time code').fill(code!);
      await page.getByRole('button', { name: 'Cast my ballot' }).click();
      await page.getByText('Your ballot is recorded.').waitFor();
    } finally {
      await browser.cleanup();
    }
  });
});

describe('two-factor authentication', () => {
  it('a member turns it on, signs in with a code, and an admin requires it of moderators', async () => {
    const laptop = await launchBrowser({ locale: 'en-GB' });
    const phone = await launchBrowser({ locale: 'en-GB' });
    const office = await launchBrowser({ locale: 'en-GB' });
    try {
      const a = await laptop.newPage();
      await logInThroughForm(a, server.url, LUCIA, server.logins.get(LUCIA)!, 'Lucía García');
      await a.goto(`${server.url}/account`);
      await a.getByText('Two-factor authentication is off.').waitFor();
      await a.getByRole('link', { name: 'Manage two-factor authentication' }).click();
      await a.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      const key = (await a.getByTestId('totp-key').textContent())!.trim();
      expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      expect(await a.getByTestId('totp-uri').textContent()).toMatch(/^otpauth:\/\/totp\/Plenum/);
      await a.getByLabel('Code', { exact: true }).fill('000000');
      await a.getByRole('button', { name: 'Turn on' }).click();
      await a.getByText('This code is not right, or it was already used.', { exact: false }).waitFor();
      await a.getByLabel('Code', { exact: true }).fill(codeOf(key));
      await a.getByRole('button', { name: 'Turn on' }).click();
      await a.getByRole('heading', { name: 'Two-factor authentication is on' }).waitFor();
      const codes = await a.getByTestId('recovery-codes').locator('li').allTextContents();
      expect(codes).toHaveLength(10);

      // Another device: the password leads to the second step, and only a code signs in.
      const b = await phone.newPage();
      await b.goto(`${server.url}/login`);
      await b.getByLabel('Email address').fill(LUCIA);
      await b.getByLabel('Password').fill(server.logins.get(LUCIA)!);
      await b.getByRole('button', { name: 'Log in' }).click();
      await b.getByRole('heading', { name: 'Second step' }).waitFor();
      await b.getByLabel('Code', { exact: true }).fill(codeOf(key, 1));
      await b.getByRole('button', { name: 'Sign in' }).click();
      await b.getByRole('link', { name: 'Lucía García' }).waitFor();

      // The admin sees who has it, then requires it: a moderator is sent to set it up first.
      const c = await office.newPage();
      await logInThroughForm(
        c,
        server.url,
        'admin@plenum.localhost',
        server.logins.get('admin@plenum.localhost')!,
        'Alice Admin',
      );
      await c.goto(`${server.url}/admin/members`);
      await expect
        .poll(() => c.locator(`tr[data-member-email="${LUCIA}"] [data-testid="two-factor"]`).textContent())
        .toBe('on');
      expect(
        await c.locator('tr[data-member-email="yanis@plenum.localhost"] [data-testid="two-factor"]').textContent(),
      ).toBe('off');
      await c.getByLabel('Moderators and administrators must use two-factor authentication').check();
      await c.getByRole('button', { name: 'Save', exact: true }).click();
      // The admin has not set it up either: every page now leads to the setup.
      await c.getByTestId('two-factor-due').waitFor();
      expect(new URL(c.url()).pathname).toBe('/account/two-factor');
      await c.goto(`${server.url}/p/programme-2027`);
      await c.getByTestId('two-factor-due').waitFor();
    } finally {
      await laptop.cleanup();
      await phone.cleanup();
      await office.cleanup();
    }
  });

  // Lucía has two-factor on since the journey above (the file's tests run in order).
  it('a visitor past the password only cannot act, and code guessing is throttled', async () => {
    const cookie = await passwordOnly(LUCIA, server.logins.get(LUCIA)!);
    const token = cookie.slice(cookie.indexOf('=') + 1);
    // Neither the pending step's cookie nor its token as a session cookie signs anyone in.
    for (const sent of [cookie, `plenum_session=${token}`]) {
      const page = await fetch(`${server.url}/account`, { redirect: 'manual', headers: { cookie: sent } });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toMatch(/^\/login\?/);
      const change = await fetch(`${server.url}/account`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: sent },
        body: new URLSearchParams({ intent: 'name', displayName: 'Taken over' }).toString(),
      });
      expect(change.status).toBe(302);
      expect(change.headers.get('location')).toMatch(/^\/login\?/);
    }
    const guess = (code: string) =>
      fetch(`${server.url}/login/two-factor`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
        body: new URLSearchParams({ code }).toString(),
      });
    // A burst of guesses is throttled like a sequence of them: past the five free failures, 429 with Retry-After.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(String(300000 + i))));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    expect(answers.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
    const page = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
    expect(page).not.toContain('Taken over');
  });
});
