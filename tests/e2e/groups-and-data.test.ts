import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';
import { amendingProgram, demoSessions, draftAmendment, type DemoSession } from './support/scenarios.ts';

const PROGRAM = 'programme-2027';
let server: TestServer;
let amendmentUrl = '';
let post: DemoSession['post'];

// The program takes amendments under the group-share rule: all validated groups must endorse (one exists).
// Lucía's amendment is drafted over HTTP and the sync socket (its own journey is in amendments.test.ts).
beforeAll(async () => {
  server = await startServer();
  const session = await demoSessions(server);
  post = session.post;
  const [first] = await sectionIds(server.url);
  await amendingProgram(session, { rule: 'GROUP_SHARE', value: 100, reason: 'Les groupes décident' });
  const id = await draftAmendment(server, session, 'lucia', first!, {
    title: 'Des transports gratuits',
    justification: 'Demandé par les groupes locaux.',
    text: 'Les transports publics sont gratuits.',
  });
  amendmentUrl = `${server.url}/p/${PROGRAM}/amendments/${id}`;
});
afterAll(async () => {
  await server?.stop();
});

describe('local groups and a member’s data', () => {
  it('a member joins a group that endorses an amendment into qualifying; then exports and deletes their data', async () => {
    const camille = await launchBrowser({ locale: 'en-GB' });
    const yanis = await launchBrowser({ locale: 'en-GB' });
    try {
      // Camille founds a group; a moderator validates it.
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(`${server.url}/groups`);
      await c.getByLabel('Name', { exact: true }).fill('Cercle de Belleville');
      await c.getByLabel('Area', { exact: true }).fill('Paris 20e');
      await c.getByLabel('What the group does').fill('Nous nous réunissons le jeudi soir.');
      await c.getByRole('button', { name: 'Create the group' }).click();
      await c.getByText('The group is created; moderators will validate it.').waitFor();
      const groupUrl = c.url();
      // A moderator validates it from the group's page, with a public reason.
      const moderator = await launchBrowser({ locale: 'en-GB' });
      try {
        const m = await moderator.newPage();
        await logInAsDemo(m, server, 'moderation');
        await m.goto(`${server.url}/groups`);
        await m.getByRole('heading', { name: 'Waiting for validation' }).waitFor();
        await m.getByRole('link', { name: 'Cercle de Belleville' }).click();
        await m.getByLabel('Reason (public)').fill('Groupe réel et local');
        await m.getByRole('button', { name: 'Validate', exact: true }).click();
        await m.getByTestId('group-status').getByText('Validated').waitFor();
        await m.getByText('Moderators’ decision: Groupe réel et local').waitFor();
      } finally {
        await moderator.cleanup();
      }
      // Lucía submits now: the threshold is fixed at submission, against the groups validated then.
      await post(amendmentUrl, 'lucia', { intent: 'submit' });

      // Yanis finds it near him and joins; he sees its members, a visitor does not.
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(`${server.url}/groups?area=paris`);
      await y.getByRole('link', { name: 'Cercle de Belleville' }).click();
      await y.getByTestId('group-status').getByText('Validated').waitFor();
      await y.getByRole('button', { name: 'Join the group' }).click();
      await y.getByText('You joined the group.').waitFor();
      await y.getByTestId('group-members').getByText('Camille Martin').waitFor();
      expect(await (await fetch(groupUrl)).text()).not.toContain('Yanis Benali');

      // The group endorses Lucía's amendment: the group-share threshold (all of 1 group) qualifies it.
      await c.goto(amendmentUrl);
      await c
        .getByTestId('supports-rule')
        .getByText(/1 validated local group\b/)
        .waitFor();
      await c.getByTestId('endorse').getByRole('button', { name: 'Endorse' }).click();
      await c.getByText('Your group endorses this amendment.').waitFor();
      await c.getByTestId('endorsed-by').getByText('Endorsed by: Cercle de Belleville').waitFor();
      await c.getByTestId('amendment-status').getByText('Qualified').waitFor();
      // The group's page lists it, its French title marked as French in the English page (ADR 0038).
      await c.goto(groupUrl);
      expect(await c.locator('section[aria-labelledby="endorsements-title"] a [lang="fr"]').innerText()).toBe(
        'Des transports gratuits',
      );

      // Yanis comments, then downloads all his data, then deletes his account.
      await y.goto(amendmentUrl);
      const debate = y.getByTestId('debate');
      await debate.getByLabel('Your comment', { exact: true }).fill('Le cercle de Belleville soutient cette mesure.');
      await debate.getByLabel('For', { exact: true }).check();
      await debate.getByRole('button', { name: 'Post the comment' }).click();
      await y.getByText('Your comment is posted.').waitFor();
      await y.goto(`${server.url}/account`);
      const [download] = await Promise.all([
        y.waitForEvent('download'),
        y.getByRole('link', { name: 'Download my data (JSON)' }).click(),
      ]);
      const data = JSON.parse(await fs.readFile((await download.path())!, 'utf8')) as {
        profile: { email: string };
        groups: { name: string }[];
        comments: { source: string }[];
      };
      expect(data.profile.email).toBe('yanis@plenum.localhost');
      expect(data.groups.map((g) => g.name)).toEqual(['Cercle de Belleville']);
      expect(data.comments.map((x) => x.source)).toEqual(['Le cercle de Belleville soutient cette mesure.']);
      expect(JSON.stringify(data)).not.toContain('camille@plenum.localhost');

      await y.getByLabel('Your password, to confirm').fill(server.logins.get('yanis@plenum.localhost')!);
      await y.getByRole('button', { name: 'Delete my account for good' }).click();
      await y.getByText('Tick the box to confirm.').waitFor();
      await y.getByLabel('Your password, to confirm').fill(server.logins.get('yanis@plenum.localhost')!);
      await y.getByLabel('I understand that this cannot be undone.').check();
      await y.getByRole('button', { name: 'Delete my account for good' }).click();
      await y.getByText('Your account is deleted. Thank you for what you contributed.').waitFor();
      await y.getByRole('link', { name: 'Log in' }).waitFor();

      // His comment stays, signed "former member"; he is out of the group; he cannot sign in any more.
      await c.goto(amendmentUrl);
      const comment = c.getByTestId('comment').filter({ hasText: 'Le cercle de Belleville soutient cette mesure.' });
      await comment.getByText('Former member').waitFor();
      await c.goto(groupUrl);
      expect(await c.getByTestId('group-members').getByText('Yanis Benali').count()).toBe(0);
      const login = await fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
        body: new URLSearchParams({
          email: 'yanis@plenum.localhost',
          password: server.logins.get('yanis@plenum.localhost')!,
        }).toString(),
      });
      expect(login.status).not.toBe(302);
    } finally {
      await camille.cleanup();
      await yanis.cleanup();
    }
  });
});
