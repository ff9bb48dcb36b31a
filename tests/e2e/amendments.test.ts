import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { sectionIds, sessionCookie, upgradeStatus } from './support/collab.ts';
import { amendingProgram, moderatorSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let sectionUrl: string;
/** The amendment the first journey drafts and submits; the debate journey comments on it. */
let amendmentUrl = '';
beforeAll(async () => {
  server = await startServer();
  const [first] = await sectionIds(server.url);
  sectionUrl = `${server.url}/p/programme-2027/sections/${first}`;
  // The moderators open the amendment phase: two supports qualify an amendment.
  await amendingProgram(await moderatorSession(server), { value: 2 });
});
afterAll(async () => {
  await server?.stop();
});

async function typeAtEnd(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Section text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 20 });
}

describe('amendments drafted live', () => {
  it('two authors co-draft and see each other’s words and the diff; others see nothing until submission', async () => {
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    const yanis = await launchBrowser({ locale: 'en-GB' });
    const moderator = await launchBrowser({ locale: 'en-GB' });
    try {
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(sectionUrl);
      await c.getByRole('link', { name: 'Propose an amendment' }).click();
      await c.getByLabel('Title', { exact: true }).fill('Un RIC plus accessible');
      await c.getByLabel('Justification').fill('Trop');
      await c.getByRole('button', { name: 'Start the draft' }).click();
      await c.getByText('Say why in at least 10 characters.').waitFor();
      await c.getByLabel('Justification').fill('500 000 signatures, c’est trop pour une initiative locale.');
      await c.getByRole('button', { name: 'Start the draft' }).click();
      await c.getByRole('heading', { name: 'Un RIC plus accessible', level: 1 }).waitFor();
      await c.getByTestId('amendment-status').getByText('Draft').waitFor();
      amendmentUrl = c.url();
      const amendmentId = new URL(amendmentUrl).pathname.split('/').pop()!;

      await c.getByLabel('Email address of a co-author').fill('lucia@plenum.localhost');
      await c.getByRole('button', { name: 'Add as co-author' }).click();
      // The same answer whether or not the address is a member's, and no name until she accepts.
      await c
        .getByText('If this address belongs to a member, they are invited; they become a co-author once they accept.')
        .waitFor();
      expect(await c.content()).not.toContain('Lucía García');

      // Lucía is told, reads the draft, and becomes an author only by accepting.
      const l = await lucia.newPage();
      await logInAsDemo(l, server, 'lucia');
      await l.goto(`${server.url}/notifications`);
      await l
        .getByRole('button', { name: 'Camille Martin invites you to co-author “Un RIC plus accessible”.' })
        .click();
      await l.getByTestId('invitation').getByRole('button', { name: 'Accept' }).click();
      await l.getByTestId('amendment-authors').getByText('Authors: Camille Martin, Lucía García').waitFor();
      await c.reload();
      await c.getByTestId('amendment-authors').getByText('Authors: Camille Martin, Lucía García').waitFor();
      for (const page of [c, l]) await page.getByTestId('connection-status').getByText('Connected').waitFor();
      await typeAtEnd(c, ' Camille abaisse le seuil.');
      await typeAtEnd(l, ' Lucía ajoute un délai.');
      for (const page of [c, l]) {
        await page.locator('.live-text', { hasText: 'Camille abaisse le seuil.' }).waitFor();
        await page.locator('.live-text', { hasText: 'Lucía ajoute un délai.' }).waitFor();
        // The difference follows the live text.
        await page.getByTestId('diff-inline').locator('ins', { hasText: 'Lucía ajoute un délai' }).waitFor();
      }
      await c.getByRole('button', { name: 'Side by side' }).click();
      await c.getByTestId('diff-side').getByRole('heading', { name: 'Current text' }).waitFor();

      // A member who is not an author finds nothing, and cannot open the draft's socket.
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      expect((await y.goto(amendmentUrl))?.status()).toBe(404);
      await y.goto(sectionUrl);
      expect(await y.getByTestId('section-amendments').count()).toBe(0);
      const yanisCookie = (await yanis.cookies()).map((k) => `${k.name}=${k.value}`).join('; ');
      const socketUrl = `${server.url.replace('http', 'ws')}/collab/amendment:${amendmentId}`;
      // The draft's socket, like its page, answers as if it did not exist (issue 15).
      expect(await upgradeStatus(socketUrl, { origin: server.url, cookie: yanisCookie })).toBe(404);

      // Submitted: frozen for its authors, readable by every member, listed on the section.
      await c.getByRole('button', { name: 'Submit the amendment' }).click();
      await c.getByTestId('confirm-submit').getByRole('button', { name: 'Yes, submit it' }).click();
      await c.getByText('The amendment is submitted. Members can now read and support it.').waitFor();
      await c.getByTestId('amendment-status').getByText('Submitted').waitFor();
      await l.getByTestId('amendment-status').getByText('Submitted').waitFor({ timeout: 10_000 });
      expect(await l.getByRole('textbox', { name: 'Section text' }).count()).toBe(0);
      expect((await y.goto(amendmentUrl))?.status()).toBe(200);
      await y.getByTestId('diff-inline').locator('ins', { hasText: 'Camille abaisse le seuil' }).waitFor();
      await y.goto(sectionUrl);
      await y.getByTestId('section-amendments').getByRole('link', { name: 'Un RIC plus accessible' }).waitFor();

      // Members support it until it qualifies; its authors' page follows without a reload.
      await y.goto(amendmentUrl);
      await y.getByTestId('supports').getByText('0 of 2 supports').waitFor();
      await y.getByTestId('supports-rule').getByText('Threshold: 2 supports, set by the moderators.').waitFor();
      await y
        .getByTestId('supports-deadline')
        .getByText(/— 14 days left$/)
        .waitFor();
      expect(await c.getByRole('button', { name: 'Support this amendment' }).count()).toBe(0);
      await y.getByRole('button', { name: 'Support this amendment' }).click();
      await y.getByText('Your support is counted.').waitFor();
      await y.getByTestId('supports').getByText('1 of 2 supports').waitFor();
      await y.getByText('You support this amendment.').waitFor();
      const admin = await sessionCookie(
        server.url,
        'admin@plenum.localhost',
        server.logins.get('admin@plenum.localhost')!,
      );
      const supported = await fetch(amendmentUrl, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: admin },
        body: new URLSearchParams({ intent: 'support' }).toString(),
      });
      expect(supported.status).toBe(302);
      await c.getByTestId('amendment-status').getByText('Qualified').waitFor({ timeout: 20_000 });
      await c.getByTestId('supports').getByText('2 of 2 supports').waitFor();

      // Every member finds it in the program's list of amendments, filtered by status; its authors among theirs.
      await y.goto(`${server.url}/p/programme-2027`);
      await y.getByRole('link', { name: 'All amendments' }).click();
      await y.getByLabel('Status').selectOption({ label: 'Qualified' });
      await y.getByRole('button', { name: 'Filter' }).click();
      await y.getByTestId('amendment-list').getByRole('link', { name: 'Un RIC plus accessible' }).waitFor();
      await y.getByLabel('Status').selectOption({ label: 'Expired' });
      await y.getByRole('button', { name: 'Filter' }).click();
      await y.getByText('0 amendments').waitFor();
      await l.goto(`${server.url}/p/programme-2027/amendments?mine=1`);
      await l.getByRole('heading', { name: 'My amendments' }).waitFor();
      await l.getByTestId('amendment-list').getByText('2 of 2 supports').waitFor();

      // A moderator declares it admissible with a reason, which everyone reads on it and in the public log.
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(amendmentUrl);
      await m.getByLabel('Reason (public)').fill('Conforme aux statuts et au périmètre du programme');
      await m.getByRole('button', { name: 'Declare admissible' }).click();
      await m.getByText('The decision is recorded and shown in the public moderation log.').waitFor();
      await m.getByTestId('amendment-status').getByText('Admissible').waitFor();
      // The public (no account) reads the log.
      const html = await (
        await fetch(`${server.url}/p/programme-2027/moderation`, { headers: { 'accept-language': 'en' } })
      ).text();
      expect(html).toContain('Moussa Modérateur');
      // The French title in the English log says it is French (for screen readers), inside the link.
      expect(html.replaceAll('<!-- -->', '')).toMatch(
        /Declared admissible: <a [^>]*><span lang="fr">Un RIC plus accessible<\/span><\/a>/,
      );
      expect(html).toContain('Conforme aux statuts et au périmètre du programme');
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
      await yanis.cleanup();
      await moderator.cleanup();
    }
  });

  it('a member reports a comment; a moderator finds it in the queue and hides it with a public reason', async () => {
    expect(amendmentUrl).not.toBe('');
    const yanis = await launchBrowser({ locale: 'en-GB' });
    const camille = await launchBrowser({ locale: 'en-GB' });
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await yanis.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(amendmentUrl);
      const debate = y.getByTestId('debate');
      // A comment must say where it stands: the browser asks for it before anything is sent.
      await debate.getByLabel('Your comment', { exact: true }).fill('Ce texte est idiot et ses auteurs aussi.');
      await debate.getByLabel('Against').check();
      await debate.getByRole('button', { name: 'Post the comment' }).click();
      await y.getByText('Your comment is posted.').waitFor();
      const comment = y.getByTestId('comment').filter({ hasText: 'Ce texte est idiot' });
      await comment.getByText('Against').waitFor();
      await y.getByText('0 for, 1 against, 0 questions').waitFor();

      // An author answers in the thread, and reports the comment.
      const c = await camille.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(amendmentUrl);
      const insult = c.getByTestId('comment').filter({ hasText: 'Ce texte est idiot' });
      await insult.getByText('Reply', { exact: true }).click();
      await insult.getByLabel('Your reply').fill('Pouvez-vous dire *pourquoi* ?');
      await insult.getByRole('button', { name: 'Post the reply' }).click();
      await c.getByText('Your comment is posted.').waitFor();
      await c.locator('.replies em', { hasText: 'pourquoi' }).waitFor();
      // Yanis is told of the reply, in the header and in his notifications, which lead to it.
      await y.reload();
      await y.getByTestId('notifications-link').getByText('Notifications (1 unread)').click();
      await y
        .getByRole('button', { name: 'Camille Martin replied to your comment on “Un RIC plus accessible”.' })
        .click();
      await y.waitForURL(/#comment-[a-z2-7]{16}$/);
      await y.getByTestId('notifications-link').getByText('Notifications', { exact: true }).waitFor();
      await insult.locator(':scope > .comment-actions').getByText('Report', { exact: true }).click();
      await insult.getByLabel('Why should moderators look at it?').fill('Attaque personnelle');
      await insult.getByRole('button', { name: 'Send the report' }).click();
      await c.getByText('Thank you: moderators will look at it.').waitFor();

      // The moderator finds it in the queue and hides it, with a reason everyone reads.
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/programme-2027`);
      await m.getByRole('link', { name: 'Moderation queue' }).click();
      const reports = m.getByTestId('queue-reports');
      await reports.getByText('Attaque personnelle').waitFor();
      await reports.getByRole('link', { name: /Comment by Yanis Benali/ }).click();
      const reported = m.getByTestId('comment').filter({ hasText: 'Ce texte est idiot' });
      await reported.getByText('1 open report').waitFor();
      // Its own actions, not those of the reply nested in it.
      const actions = reported.locator(':scope > .comment-actions');
      await actions.getByText('Moderate', { exact: true }).click();
      await actions.getByLabel('Public reason for hiding or keeping it').fill('Attaque personnelle contre les auteurs');
      await actions.getByRole('button', { name: 'Hide the comment' }).click();
      await m.getByText('Done: the decision is in the public moderation log.').waitFor();
      // The amendment page with its debate, timeline and moderators' forms passes the accessibility check.
      expect(await violations(m)).toEqual([]);

      // A visitor without an account reads the reason, never the comment; the log lists the decision.
      const v = await visitor.newPage();
      await v.goto(amendmentUrl);
      await v.getByText('Hidden by moderation: Attaque personnelle contre les auteurs').waitFor();
      expect(await v.getByText('Ce texte est idiot').count()).toBe(0);
      await v.locator('.replies em', { hasText: 'pourquoi' }).waitFor();
      await v.goto(`${server.url}/p/programme-2027/moderation`);
      const row = v.getByTestId('moderation-log').getByRole('row').filter({ hasText: 'Comment hidden' });
      await row.getByText('Attaque personnelle contre les auteurs').waitFor();
      await row.getByText('Moussa Modérateur').waitFor();
      await m.goto(`${server.url}/p/programme-2027/moderation/queue`);
      await m.getByTestId('queue-reports').getByText('Nothing here.').waitFor();
    } finally {
      await yanis.cleanup();
      await camille.cleanup();
      await moderator.cleanup();
      await visitor.cleanup();
    }
  });
});
