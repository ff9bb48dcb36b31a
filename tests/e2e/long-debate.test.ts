import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { actorOfMember } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { qualifiedAmendment } from '../factories/amendments.ts';
import { doc } from '../factories/programs.ts';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { amendingProgram, DEMO, demoSessions } from './support/scenarios.ts';
import { onStoppedServer, startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 19: a debated amendment of hundreds of comments made its page the slowest a member opens (every comment
 * rendered with its forms). The debate now shows 30 threads a page, each with all its replies. A member pages
 * through it, and a comment posted (or answered) from any page lands on the page that holds it. The 31 threads
 * are written straight into the table of the stopped server (the posting rate limit would take half an hour).
 */

let server: TestServer;
let amendmentUrl = '';
const THREADS = 31;

beforeAll(async () => {
  const first = await startServer();
  await amendingProgram(await demoSessions(first, ['moderation']));
  await first.stop({ keep: true });
  await onStoppedServer(first, async () => {
    const person = async (who: string) =>
      actorOfMember({
        ...(await db().member.findUniqueOrThrow({ where: { email: `${who}@plenum.localhost` } })),
        suspended: null,
      });
    const [camille, lucia] = await Promise.all(['camille', 'lucia'].map(person));
    const sectionId = (await getProgramOutline(null, DEMO)).chapters[0]!.sections[0]!.id;
    const id = await qualifiedAmendment(
      { slug: DEMO, sectionId, author: camille!, supporter: lucia! },
      { title: 'Des trains de nuit gratuits', text: 'La région finance les trains de nuit.' },
    );
    const start = Date.now() - 2 * THREADS * 60_000;
    for (let i = 0; i < THREADS; i++) {
      const text = `Argument numéro ${i + 1}.`;
      await db().comment.create({
        data: {
          id: newId(),
          amendmentId: id,
          authorId: (i % 2 ? camille : lucia)!.id,
          stance: i % 2 ? 'FOR' : 'AGAINST',
          body: doc(text),
          source: text,
          createdAt: new Date(start + i * 60_000),
        },
      });
    }
    amendmentUrl = `/p/${DEMO}/amendments/${id}`;
  });
  server = await startServer({ reuse: { dataDir: first.dataDir, databaseUrl: first.databaseUrl } });
  server.logins = first.logins;
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

describe('a long debate', () => {
  it('reads 30 threads a page, and a comment posted from any page lands on the page that holds it', async () => {
    const yanis = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(`${server.url}${amendmentUrl}`);
      const debate = y.getByTestId('debate');
      await debate.getByText('Threads 1–30 of 31, oldest first.').waitFor();
      // Counts are the whole debate's; the 31st thread waits on the next page.
      await debate.getByText('15 for, 16 against, 0 questions').waitFor();
      expect(await debate.getByTestId('comment').count()).toBe(30);
      expect(await debate.getByText('Argument numéro 31.').count()).toBe(0);
      await debate.getByTestId('debate-pages').getByText('Page 1 of 2').waitFor();
      await debate.getByRole('link', { name: 'Later comments →' }).click();
      await y.waitForURL(/\?debate=2#debate-title$/);
      await debate.getByText('Argument numéro 31.').waitFor();
      await debate.getByText('Threads 31–31 of 31, oldest first.').waitFor();
      expect(await debate.getByTestId('comment').count()).toBe(1);
      expect(await violations(y)).toEqual([]);

      // From the first page, a new comment goes to the end of the debate: the page that shows it.
      await debate.getByRole('link', { name: '← Earlier comments' }).click();
      await debate.getByText('Argument numéro 1.', { exact: true }).waitFor();
      await debate.getByLabel('Your comment', { exact: true }).fill('Et qui paie les conducteurs de nuit ?');
      await debate.getByLabel('A question').check();
      await debate.getByRole('button', { name: 'Post the comment' }).click();
      await y.getByText('Your comment is posted.').waitFor();
      await y.waitForURL(/\?comment=[a-z2-7]{16}#comment-[a-z2-7]{16}$/);
      const mine = debate.getByTestId('comment').filter({ hasText: 'Et qui paie les conducteurs de nuit ?' });
      await mine.waitFor();
      await debate.getByText('Threads 31–32 of 32, oldest first.').waitFor();
      // The browser is at the comment: it is in view.
      expect(await mine.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);

      // A reply to the second thread lands back on the first page, under that thread.
      await debate.getByRole('link', { name: '← Earlier comments' }).click();
      const second = debate.getByTestId('comment').filter({ hasText: 'Argument numéro 2.' });
      await second.getByText('Reply', { exact: true }).click();
      await second.getByLabel('Your reply').fill('Les conducteurs sont déjà payés la nuit.');
      await second.getByRole('button', { name: 'Post the reply' }).click();
      await y.getByText('Your comment is posted.').waitFor();
      await debate.getByText('Threads 1–30 of 32, oldest first.').waitFor();
      await second.locator('.replies .comment-body').getByText('Les conducteurs sont déjà payés la nuit.').waitFor();
    } finally {
      await yanis.cleanup();
    }
  });
});
