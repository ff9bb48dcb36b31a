import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { amendingProgram, DEMO, demoSessions, draftAmendment, type DemoSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 21, items 1 and 2: Yanis follows a section and is told of each kind of event in it (a new amendment, its
 * threshold reached, a comment, a competing amendment, a decision), each once; his own page lists what he follows.
 * The moderator takes the chapter and finds what concerns it first in his notifications.
 */

let server: TestServer;
let session: DemoSession;
let sections: string[];
const path = (id: string) => `/p/${DEMO}/amendments/${id}`;

beforeAll(async () => {
  server = await startServer();
  session = await demoSessions(server);
  sections = await sectionIds(server.url);
  await amendingProgram(session, { value: 1 });
});
afterAll(async () => {
  await server?.stop();
});

describe('following a section', () => {
  it('tells a follower of each event, once, and lists what they follow on their own page', async () => {
    const yanis = await launchBrowser({ locale: 'en-GB' });
    const moderator = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(`${server.url}/p/${DEMO}/sections/${sections[0]}`);
      await y.getByTestId('follow').getByRole('button', { name: 'Follow' }).click();
      await y.getByText('You follow it now').waitFor();
      await y.getByTestId('follow').getByRole('button', { name: 'Stop following' }).waitFor();

      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}/sections/${sections[0]}`);
      await m.locator('.breadcrumb a').click();
      await m.getByTestId('chapter-assignment').getByRole('button', { name: 'Take this chapter' }).click();
      await m.getByText('You took this chapter').waitFor();
      await m.getByTestId('chapter-assignment').getByText('Taken by: Moussa Modérateur').waitFor();

      // Camille proposes, Lucía supports and comments, then proposes a competing change; the moderator decides.
      const a = await draftAmendment(server, session, 'camille', sections[0]!, {
        title: 'Référendum à 2 %',
        justification: 'Plus de démocratie locale.',
        text: 'Le référendum local peut être demandé par 2 % des inscrits.',
      });
      await session.post(path(a), 'camille', { intent: 'submit' });
      await session.post(path(a), 'lucia', { intent: 'support' });
      await session.post(path(a), 'lucia', { intent: 'comment', stance: 'FOR', body: 'Enfin une bonne idée.' });
      const b = await draftAmendment(server, session, 'lucia', sections[0]!, {
        title: 'Référendum à 3 %',
        justification: 'Un seuil plus prudent.',
        text: 'Le référendum local peut être demandé par 3 % des inscrits.',
      });
      await session.post(path(b), 'lucia', { intent: 'submit' });
      await session.post(path(a), 'moderation', { intent: 'admissible', reason: 'Conforme aux statuts' });

      await y.goto(`${server.url}/notifications`);
      const list = y.getByTestId('notifications');
      const expected = [
        'New amendment in what you follow: “Référendum à 2 %”.',
        '“Référendum à 2 %”, which you follow, reached its threshold of supports.',
        'Lucía García commented on “Référendum à 2 %”.',
        'New amendment in what you follow: “Référendum à 3 %”.',
        '“Référendum à 2 %” now competes with another amendment.',
        '“Référendum à 3 %” now competes with another amendment.',
        '“Référendum à 2 %” is now: Admissible.',
      ];
      for (const text of expected) {
        // Each once: following the section and the program's events do not add up.
        expect(await list.getByRole('button', { name: text, exact: true }).count(), text).toBe(1);
      }
      await y
        .getByTestId('notifications-link')
        .getByText(/unread/)
        .waitFor();
      expect(await violations(y)).toEqual([]);
      // A notification leads to what it is about.
      await list.getByRole('button', { name: 'Lucía García commented on “Référendum à 2 %”.' }).click();
      await y.waitForURL(`**${path(a)}**`);
      await y.getByRole('heading', { name: 'Référendum à 2 %' }).waitFor();

      // His own page: what he follows, and no vote waiting for him.
      await y.getByRole('link', { name: 'My activity' }).click();
      await y.getByRole('heading', { name: 'My activity' }).waitFor();
      const follows = y.getByTestId('me-follows');
      await follows.getByText('Section:').waitFor();
      expect(await violations(y)).toEqual([]);
      await follows.getByRole('button', { name: 'Stop following' }).click();
      await y.getByText('You no longer follow it.').waitFor();
      expect(await y.getByTestId('me-follows').count()).toBe(0);

      // Camille, who wrote the first, follows it from the start and finds it on her page.
      const camilleBrowser = await launchBrowser({ locale: 'en-GB' });
      const camille = await camilleBrowser.newPage();
      try {
        await logInAsDemo(camille, server, 'camille');
        await camille.goto(`${server.url}/me`);
        await camille.getByTestId('me-amendments').getByRole('link', { name: 'Référendum à 2 %' }).waitFor();
        await camille.getByTestId('me-follows').getByRole('link', { name: 'Référendum à 2 %' }).waitFor();
      } finally {
        await camilleBrowser.cleanup();
      }

      // The moderator finds what concerns his chapter first.
      await m.goto(`${server.url}/notifications`);
      const yours = m.getByTestId('notifications-your-chapters');
      await yours.getByRole('button', { name: 'To decide: “Référendum à 2 %” qualified.' }).waitFor();
      await yours
        .getByRole('button', { name: 'New collision group: “Référendum à 2 %” and others compete.' })
        .waitFor();
      await m.getByTestId('mod-digest-state').getByText('Moderators’ digest: none.').waitFor();
      await m.getByRole('button', { name: 'Send them daily' }).click();
      await m.getByTestId('mod-digest-state').getByText('Moderators’ digest: daily.').waitFor();
      expect(await violations(m)).toEqual([]);
    } finally {
      await yanis.cleanup();
      await moderator.cleanup();
    }
  });
});
