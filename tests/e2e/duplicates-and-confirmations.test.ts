import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import {
  amendingProgram,
  DEMO,
  demoSessions,
  draftAmendment,
  type DemoSession,
  type Who,
} from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 17: possible duplicates judged on what amendments change (a moderator dismisses a pair, merges a duplicate
 * into the most alike amendment, preselected, and its supports follow); submitting and withdrawing ask first,
 * with or without JavaScript, and co-authors see who withdrew; the debate's forms close once sent, a hidden
 * comment offers no reply, and the forms are rendered once opened (without JavaScript, through a link).
 */

const SAME = 'Le référendum local peut être demandé par 2 % des inscrits de la commune.';
const OTHER = 'Chaque commune publie son budget détaillé en données ouvertes, chaque trimestre.';

let server: TestServer;
let session: DemoSession;
let sections: string[];
/** A, B, C, D on the first section: A and C add the same sentence, B and D another one. */
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
const path = (id: string) => `/p/${DEMO}/amendments/${id}`;

beforeAll(async () => {
  server = await startServer();
  session = await demoSessions(server);
  sections = await sectionIds(server.url);
  await amendingProgram(session, { value: 3 });
  const drafts = [
    ['a', 'camille', SAME, 'Référendum à 2 %'],
    ['b', 'lucia', OTHER, 'Budget ouvert'],
    ['c', 'yanis', SAME, 'Référendum plus simple'],
    ['d', 'camille', OTHER, 'Budget en données ouvertes'],
  ] as const;
  for (const [key, who, text, title] of drafts) {
    ids[key] = await draftAmendment(server, session, who, sections[0]!, {
      title,
      justification: 'Une proposition discutée en assemblée locale.',
      text,
    });
    await session.post(path(ids[key]), who, { intent: 'submit' });
  }
});
afterAll(async () => {
  await server?.stop();
});

/** A person in their own browser, signed in, reading English. */
async function person(
  who: Who,
  options: { javaScript?: boolean } = {},
): Promise<[BrowserContext & { cleanup: () => Promise<void> }, Page]> {
  const context = await launchBrowser({ locale: 'en-GB', ...options });
  const page = await context.newPage();
  await logInAsDemo(page, server, who);
  return [context, page];
}

describe('possible duplicates', () => {
  it('a moderator dismisses a pair for good, and merges a duplicate into the most alike, supports included', async () => {
    const [moderator, m] = await person('moderation');
    try {
      await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
      const pairs = m.getByTestId('duplicate-pair');
      await pairs.first().waitFor();
      expect(await pairs.count()).toBe(2);
      // The queue with its dismiss forms passes the accessibility check.
      expect(await violations(m)).toEqual([]);
      const budget = pairs.filter({ hasText: 'Budget ouvert' });
      await budget.getByText('Budget en données ouvertes').waitFor();
      await budget.getByText('100% of their changes alike').waitFor();
      await budget.getByLabel('Why they are different (public)').fill('Deux publics différents, voir le débat.');
      await budget.getByRole('button', { name: 'Not duplicates' }).click();
      await m.getByText('The pair is no longer listed as possible duplicates').waitFor();
      await m.reload();
      await pairs.first().waitFor();
      expect(await pairs.count()).toBe(1);
      await pairs.getByRole('link', { name: 'Référendum à 2 %' }).waitFor();
      await pairs.getByRole('link', { name: 'Référendum plus simple' }).waitFor();
      await m.goto(`${server.url}/p/${DEMO}/moderation`);
      const row = m.getByTestId('moderation-log').getByRole('row').filter({ hasText: 'Judged not a duplicate' });
      await row.getByText('Deux publics différents, voir le débat.').waitFor();
      await row.getByText('Moussa Modérateur').waitFor();

      // Lucía supports A and C, the moderator C only.
      await session.post(path(ids.a), 'lucia', { intent: 'support' });
      await session.post(path(ids.c), 'lucia', { intent: 'support' });
      await session.post(path(ids.c), 'moderation', { intent: 'support' });
      await m.goto(`${server.url}${path(ids.c)}`);
      // A, the same change, comes first and is chosen, though D and B are newer.
      const select = m.getByLabel('Amendment to keep');
      expect(await select.inputValue()).toBe(ids.a);
      await select
        .locator('option', { hasText: 'Référendum à 2 % (100% of the changes alike)' })
        .waitFor({ state: 'attached' });
      await m.getByLabel('Why it is a duplicate (public)').fill('Même phrase ajoutée.');
      await m.getByRole('button', { name: 'Merge as a duplicate' }).click();
      await m.getByText('The amendment is merged into the one kept').waitFor();
      await m.getByTestId('amendment-status').getByText('Merged').waitFor();
      await m.goto(`${server.url}${path(ids.a)}`);
      // Lucía supported both: she counts once.
      await m.getByTestId('supports').getByText('2 of 3 supports').waitFor();
    } finally {
      await moderator.cleanup();
    }
  });
});

describe('submitting and withdrawing', () => {
  it('ask first, with or without JavaScript, and co-authors see who withdrew and when', async () => {
    const id = await draftAmendment(server, session, 'camille', sections[1]!, {
      title: 'Un budget participatif',
      justification: 'Les habitants décident d’une part du budget.',
      text: 'Un dixième du budget d’investissement est décidé par les habitants.',
    });
    await session.post(path(id), 'camille', { intent: 'invite', email: 'lucia@plenum.localhost' });
    await session.post(path(id), 'lucia', { intent: 'acceptInvite' });
    const [camille, c] = await person('camille');
    const [lucia, l] = await person('lucia', { javaScript: false });
    try {
      await c.goto(`${server.url}${path(id)}`);
      await c.getByRole('button', { name: 'Submit the amendment' }).click();
      const ask = c.getByTestId('confirm-submit');
      await ask.getByText('Its text is then frozen').waitFor();
      expect(await violations(c)).toEqual([]);
      await ask.getByRole('link', { name: 'Cancel' }).click();
      await c.getByRole('button', { name: 'Submit the amendment' }).waitFor();
      expect(await ask.count()).toBe(0);
      await c.getByTestId('amendment-status').getByText('Draft').waitFor();
      await c.getByRole('button', { name: 'Submit the amendment' }).click();
      await ask.getByRole('button', { name: 'Yes, submit it' }).click();
      await c.getByTestId('amendment-status').getByText('Submitted').waitFor();

      // Lucía's browser runs no script: the question is a page of its own.
      await l.goto(`${server.url}${path(id)}`);
      await l.getByRole('button', { name: 'Withdraw the amendment' }).click();
      await l.getByTestId('confirm-withdraw').getByText('It is withdrawn for all its authors').waitFor();
      await l.getByTestId('amendment-status').getByText('Submitted').waitFor();
      await l.getByRole('button', { name: 'Yes, withdraw it' }).click();
      await l.getByTestId('amendment-status').getByText('Withdrawn').waitFor();

      await c.goto(`${server.url}${path(id)}`);
      await c
        .getByTestId('withdrawn-by')
        .getByText(/^Withdrawn by Lucía García on .+\.$/)
        .waitFor();
      await c
        .getByTestId('timeline')
        .getByText(/Withdrawn by Lucía García/)
        .waitFor();
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
    }
  });
});

describe('the debate’s forms', () => {
  it('close and forget their text once sent; a hidden comment offers no reply', async () => {
    await session.post(path(ids.a), 'lucia', { intent: 'comment', stance: 'FOR', body: 'Enfin une bonne idée.' });
    const [yanis, y] = await person('yanis');
    try {
      await y.goto(`${server.url}${path(ids.a)}`);
      const found = y.getByTestId('comment').filter({ hasText: 'Enfin une bonne idée.' }).first();
      const commentId = (await found.getAttribute('id'))!.replace('comment-', '');
      const comment = y.locator(`#comment-${commentId}`);
      const own = comment.locator(':scope > .comment-actions');
      // A comment being written below is not lost when another form is sent.
      const draft = y.getByTestId('new-comment').getByLabel('Your comment', { exact: true });
      await draft.fill('Un avis en cours d’écriture.');
      await own.getByText('Reply', { exact: true }).click();
      await own.getByLabel('Your reply').fill('Pourquoi 2 % ?');
      await own.getByRole('button', { name: 'Post the reply' }).click();
      await y.getByText('Your comment is posted.').waitFor();
      await y.locator('.replies', { hasText: 'Pourquoi 2 % ?' }).waitFor();
      expect(await own.getByLabel('Your reply').isVisible()).toBe(false);
      expect(await draft.inputValue()).toBe('Un avis en cours d’écriture.');
      await own.getByText('Reply', { exact: true }).click();
      expect(await own.getByLabel('Your reply').inputValue()).toBe('');

      await own.getByText('Report', { exact: true }).click();
      await own.getByLabel('Why should moderators look at it?').fill('Hors sujet');
      await own.getByRole('button', { name: 'Send the report' }).click();
      await y.getByText('Thank you: moderators will look at it.').waitFor();
      expect(await own.getByLabel('Why should moderators look at it?').isVisible()).toBe(false);

      await session.post(path(ids.a), 'moderation', { intent: 'hideComment', commentId, reason: 'Hors sujet' });
      await y.reload();
      await comment.getByText('Hidden by moderation: Hors sujet').waitFor();
      expect(await own.getByText('Reply', { exact: true }).count()).toBe(0);
      // Its replies can still be answered.
      const reply = y.getByTestId('comment').filter({ hasText: 'Pourquoi 2 % ?' });
      expect(await reply.locator(':scope > .comment-actions').getByText('Reply', { exact: true }).count()).toBe(1);
    } finally {
      await yanis.cleanup();
    }
  });

  it('are rendered once opened, and reached without JavaScript through a link that opens them', async () => {
    await session.post(path(ids.a), 'camille', { intent: 'comment', stance: 'QUESTION', body: 'Et les communes ?' });
    // The page sends no comment's forms: each disclosure holds a link until it is opened.
    const cookie = session.cookies.get('yanis')!;
    const html = await (await fetch(`${server.url}${path(ids.a)}`, { headers: { cookie } })).text();
    expect(html).toContain('Et les communes ?');
    expect(html).toContain('form=reply-');
    expect(html).not.toContain('name="parentId"');

    const [lucia, l] = await person('lucia', { javaScript: false });
    try {
      await l.goto(`${server.url}${path(ids.a)}`);
      const question = l.getByTestId('comment').filter({ hasText: 'Et les communes ?' }).first();
      const actions = question.locator(':scope > .comment-actions');
      await actions.getByText('Reply', { exact: true }).click();
      await actions.getByRole('link', { name: 'Open the form' }).first().click();
      // A new page, with this comment's reply form open and in view.
      expect(new URL(l.url()).searchParams.get('form')).toMatch(/^reply-/);
      const answer = l.getByTestId('comment').filter({ hasText: 'Et les communes ?' }).first();
      await answer.getByLabel('Your reply').fill('Elles gardent leur part.');
      await answer.getByRole('button', { name: 'Post the reply' }).click();
      await l.getByText('Your comment is posted.').waitFor();
      await l.locator('.replies', { hasText: 'Elles gardent leur part.' }).waitFor();
    } finally {
      await lucia.cleanup();
    }
  });
});
