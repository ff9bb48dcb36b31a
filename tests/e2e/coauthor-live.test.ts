import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { amendingProgram, DEMO, demoSessions, draftAmendment, type DemoSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

// Issue 17, item 16: what a co-author sees right after accepting, and a refusal that outlived its cause.
let server: TestServer;
let session: DemoSession;
let sections: string[];
beforeAll(async () => {
  server = await startServer();
  session = await demoSessions(server, ['moderation', 'camille', 'lucia']);
  sections = await sectionIds(server.url);
  await amendingProgram(session);
});
afterAll(async () => {
  await server?.stop();
});

describe('a member accepts to co-author a draft', () => {
  it('writes at once, with caret and presence, without reloading; the invitation is read', async () => {
    const amendmentId = await draftAmendment(server, session, 'camille', sections[1]!, {
      title: 'Des trains de nuit',
      justification: 'Relier les régions sans avion, la nuit.',
      text: 'Trois lignes de nuit rouvrent en 2028.',
    });
    const amendmentUrl = `${server.url}/p/${DEMO}/amendments/${amendmentId}`;
    await session.post(`/p/${DEMO}/amendments/${amendmentId}`, 'camille', {
      intent: 'invite',
      email: 'lucia@plenum.localhost',
    });
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    try {
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(amendmentUrl);
      await c.getByTestId('connection-status').getByText('Connected: changes are saved as you type').waitFor();
      await c.getByRole('textbox', { name: 'Section text' }).click();
      await c.keyboard.press('Control+End');

      // Lucía comes to the draft straight from its address (not through her notifications).
      const l = await lucia.newPage();
      await logInAsDemo(l, server, 'lucia');
      await l.getByRole('link', { name: 'Notifications (1 unread)' }).waitFor();
      await l.goto(amendmentUrl);
      await l.getByTestId('connection-status').getByText('Connected: changes appear as they are made').waitFor();
      await l.getByText('Read only').waitFor();
      await l.getByTestId('invitation').getByRole('button', { name: 'Accept' }).click();
      await l.getByTestId('amendment-authors').getByText('Authors: Camille Martin, Lucía García').waitFor();

      // Without a reload: she writes, each sees the other here and where the other is.
      await l.getByTestId('connection-status').getByText('Connected: changes are saved as you type').waitFor();
      expect(await l.getByText('Read only').count()).toBe(0);
      await c.getByTestId('presence').getByText('Also here: Lucía García').waitFor();
      await l.getByTestId('presence').getByText('Also here: Camille Martin').waitFor();
      await l.getByRole('textbox', { name: 'Section text' }).click();
      await l.keyboard.press('Control+End');
      await l.keyboard.type(' Lucía ajoute un délai.', { delay: 20 });
      await c.locator('.live-text', { hasText: 'Lucía ajoute un délai.' }).waitFor();
      await c.locator('.collab-caret-label', { hasText: 'Lucía García' }).waitFor();
      await l.locator('.collab-caret-label', { hasText: 'Camille Martin' }).waitFor();

      // The invitation she answered is no longer news.
      await l.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
      await l.goto(`${server.url}/notifications`);
      await l.getByRole('button', { name: 'Camille Martin invites you to co-author “Des trains de nuit”.' }).waitFor();
      expect(await l.getByTestId('notifications').getByText('Unread').count()).toBe(0);
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
    }
  });
});

describe('a refused submission', () => {
  it('says why, and its message goes once the text is changed; the next submission goes through', async () => {
    // A new section, proposed from an empty draft.
    const location = await session.post(`/p/${DEMO}/amend/${sections[2]}`, 'camille', {
      kind: 'ADD',
      title: 'Une mesure nouvelle',
      newTitle: 'Le droit au logement',
      justification: 'Il manque une mesure sur le logement.',
    });
    const camille = await launchBrowser({ locale: 'en-GB' });
    try {
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(`${server.url}${location}`);
      await c.getByTestId('connection-status').getByText('Connected: changes are saved as you type').waitFor();
      const refused = c.getByText('The proposed text is empty. Write it first.');
      // Submitting asks first; a refused submission leaves the question open.
      const submit = async () => {
        const ask = c.getByRole('button', { name: 'Submit the amendment' });
        if (await ask.isVisible()) await ask.click();
        await c.getByRole('button', { name: 'Yes, submit it' }).click();
      };
      await submit();
      await refused.waitFor();

      await c.getByRole('textbox', { name: 'Section text' }).click();
      await c.keyboard.press('Control+End');
      await c.keyboard.type('Un logement digne pour chacun.', { delay: 20 });
      await refused.waitFor({ state: 'detached' });

      await submit();
      await c.getByTestId('amendment-status').getByText('Submitted').waitFor();
      expect(await refused.count()).toBe(0);
    } finally {
      await camille.cleanup();
    }
  });
});
