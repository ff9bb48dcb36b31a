import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, readOutbox } from '../factories/outbox.ts';
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

// A French spreadsheet's export: Windows-1252, semicolons, one bad address and one duplicate line.
const REGISTER = Buffer.from(
  [
    'Courriel;Nom;N° adhérent;Groupe local;Adhérent jusqu’au'.replace('’', "'"),
    'camille@plenum.localhost;Camille Martin;A-1;Lyon;31/12/2030',
    'nouvelle@example.org;Hélène Nouvelle;A-2;Besançon;31/12/2030',
    'pas-une-adresse;Sans Adresse;A-3;Lyon;31/12/2030',
    'nouvelle@example.org;Hélène Nouvelle;A-2;Besançon;31/12/2030',
  ].join('\r\n'),
  'latin1',
);

describe('the membership register', () => {
  it('an admin previews a register with its errors, imports it, and an invited member sets up an account', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    const people: { invited?: Awaited<ReturnType<typeof launchBrowser>> } = {};
    try {
      const admin = await browser.newPage();
      await logInAs(
        admin,
        server.url,
        'admin@plenum.localhost',
        server.logins.get('admin@plenum.localhost')!,
        'Alice Admin',
      );
      await admin.getByRole('link', { name: 'Register' }).click();
      await admin.getByRole('heading', { name: 'Membership register', level: 1 }).waitFor();
      await admin
        .getByLabel(/Register file/)
        .setInputFiles({ name: 'adherents.csv', mimeType: 'text/csv', buffer: REGISTER });
      await admin.getByRole('button', { name: 'Preview' }).click();
      await admin.getByRole('heading', { name: 'Preview of adherents.csv' }).waitFor();
      expect(await admin.getByTestId('register-read').innerText()).toBe(
        'Read as Windows-1252, fields separated by “;”: 4 lines, 2 valid.',
      );
      expect(await admin.getByTestId('register-refused').innerText()).toBe('2 lines refused (not imported)');
      const errors = await admin.getByTestId('register-errors').innerText();
      expect(errors).toMatch(/4\s+not a valid email address\s+pas-une-adresse/);
      expect(errors).toMatch(/5\s+same line as an earlier one/);
      expect(await admin.getByTestId('register-changes').innerText()).toContain('would add 2');
      await admin.getByRole('button', { name: 'Import these 2 lines' }).click();
      await admin.getByText('The register was imported').waitFor();
      // Invitations go out after the answer: only the entries and the tied account are certain here.
      expect(await admin.getByTestId('register-figures').innerText()).toMatch(
        /^2 entries in the register, 0 lapsed, 1 tied to an account/,
      );

      // The invitation reaches the listed address with no account; its link creates one, tied to the entry.
      let mail;
      for (let i = 0; i < 50 && !mail; i++) {
        [mail] = await readOutbox(server.outboxDir, 'nouvelle@example.org');
        if (!mail) await new Promise((r) => setTimeout(r, 200));
      }
      const invited = await (people.invited = await launchBrowser({ locale: 'en-GB' })).newPage();
      await invited.goto(linkIn(mail).replace(/^http:\/\/localhost:\d+/, server.url));
      await invited.getByText('The register lists nouvelle@example.org.').waitFor();
      expect(await invited.getByLabel('Name').inputValue()).toBe('Hélène Nouvelle');
      await invited.getByLabel('Password', { exact: true }).fill('un mot de passe solide');
      await invited.getByLabel('Confirm the new password').fill('un mot de passe solide');
      await invited.getByRole('button', { name: 'Create my account' }).click();
      await invited.getByText('Your account is tied to the movement’s register.').waitFor();
      // The link worked once.
      await invited.goto(linkIn(mail).replace(/^http:\/\/localhost:\d+/, server.url));
      await invited.getByTestId('join-invalid').waitFor();
    } finally {
      await people.invited?.cleanup();
      await browser.cleanup();
    }
  });
});
