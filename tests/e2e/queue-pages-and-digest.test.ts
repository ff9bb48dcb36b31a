import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeKey } from '../../app/modules/amendments/duplicates.server.ts';
import { moderationDigestUnsubscribeLink } from '../../app/modules/notifications/moderators.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { launchBrowser } from './support/browser.ts';
import { amendingProgram, DEMO, demoSessions } from './support/scenarios.ts';
import { onStoppedServer, startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 21 (ADR 0039, 0044): the moderation queue past its first page of qualified amendments, page by page, each
 * page's selection deciding its own amendments; its reported comments past their first page; and the moderators'
 * daily digest's one-click unsubscribe link, opened signed out: it works once, and a wrong link says so. The 105
 * amendments and 55 reported comments are written straight into the stopped server's database (the module path
 * takes seconds each), the amendments measured for duplicates as one change.
 */

// A page of qualified amendments (QUALIFIED_PAGE, 100) and 5 more.
const COUNT = 105;
const REPORTED = 55;
let server: TestServer;
let unsubscribePath = '';

/** Writes the qualified amendments and turns the moderator's digest on, on the database of the stopped server. */
async function seed(stopped: TestServer) {
  await onStoppedServer(stopped, async () => {
    const program = await db().program.findUniqueOrThrow({ where: { slug: DEMO } });
    const sections = (await getProgramOutline(null, DEMO)).chapters.flatMap((c) => c.sections);
    const author = await db().member.findUniqueOrThrow({ where: { email: 'camille@plenum.localhost' } });
    const start = Date.now() - COUNT * 60_000;
    for (const [i, section] of sections.entries()) {
      const content = (await db().section.findUniqueOrThrow({ where: { id: section.id } })).content as object;
      const mine = Array.from({ length: COUNT }, (_, n) => n).filter((n) => n % sections.length === i);
      const rows = mine.map((n) => {
        const proposedText = {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `Mesure ${n + 1} des habitants.` }] }],
        };
        return {
          id: newId(),
          programId: program.id,
          sectionId: section.id,
          kind: 'CHANGE' as const,
          status: 'QUALIFIED' as const,
          title: `Motion ${String(n + 1).padStart(3, '0')}`,
          justification: 'Seeded.',
          baseText: content,
          proposedText,
          createdById: author.id,
          submittedAt: new Date(start + n * 60_000),
          qualifiedAt: new Date(start + n * 60_000),
          duplicateKey: changeKey({ kind: 'CHANGE', baseText: content, proposedText }),
        };
      });
      await db().amendment.createMany({ data: rows });
    }
    // 55 reported comments on the first motion: a page of 50, then 5.
    const motion = await db().amendment.findFirstOrThrow({ where: { programId: program.id, title: 'Motion 001' } });
    const lucia = await db().member.findUniqueOrThrow({ where: { email: 'lucia@plenum.localhost' } });
    const comments = Array.from({ length: REPORTED }, (_, n) => ({
      id: newId(),
      amendmentId: motion.id,
      authorId: author.id,
      stance: 'AGAINST' as const,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Remark ${n + 1}` }] }] },
      source: `Remark ${n + 1}`,
    }));
    await db().comment.createMany({ data: comments });
    await db().commentReport.createMany({
      data: comments.map((c) => ({ commentId: c.id, memberId: lucia.id, reason: 'Off topic' })),
    });
    const moderator = await db().member.findUniqueOrThrow({ where: { email: 'moderation@plenum.localhost' } });
    const secret = newId() + newId();
    await db().member.update({
      where: { id: moderator.id },
      data: { moderationDigest: 'DAILY', moderationDigestSecret: secret },
    });
    const link = new URL(moderationDigestUnsubscribeLink(moderator.id, secret));
    unsubscribePath = `${link.pathname}${link.search}`;
  });
}

beforeAll(async () => {
  const first = await startServer();
  await amendingProgram(await demoSessions(first, ['moderation']));
  await first.stop({ keep: true });
  await seed(first);
  server = await startServer({ reuse: { dataDir: first.dataDir, databaseUrl: first.databaseUrl } });
  server.logins = first.logins;
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

describe('the queue past its first page', () => {
  it('lists 100, then the rest on the next page, where a bulk decision decides that page’s', async () => {
    const context = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await context.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
      const rows = m.getByTestId('bulk-list').getByRole('listitem');
      // The reported comments have pages of their own: these are the qualified amendments'.
      const pages = m.getByRole('navigation', { name: 'Pages of qualified amendments' });
      expect(await rows.count()).toBe(100);
      await m.getByText(`Amendments 1 to 100 of ${COUNT} are listed`).waitFor();
      expect(await m.getByRole('checkbox', { name: 'Motion 001' }).count()).toBe(1);
      expect(await m.getByRole('checkbox', { name: 'Motion 101' }).count()).toBe(0);

      await pages.getByRole('link', { name: 'Next page' }).click();
      await m.getByRole('checkbox', { name: 'Motion 101' }).waitFor();
      expect(await rows.count()).toBe(COUNT - 100);
      await m.getByText(`Amendments 101 to ${COUNT} of ${COUNT} are listed`).waitFor();
      expect(await pages.getByRole('link', { name: 'Next page' }).count()).toBe(0);
      const page = m.url();

      await m.getByRole('checkbox', { name: 'Motion 102' }).check();
      await m.getByRole('checkbox', { name: 'Motion 104' }).check();
      await m.getByRole('radio', { name: 'Admissible (a)' }).check();
      await m.getByLabel(/^Reason \(public/).fill('In order.');
      await m.getByRole('button', { name: 'Decide the selected amendments' }).click();
      await m.getByText('Decisions recorded').waitFor();
      // Back on the same page, without the two decided.
      expect(m.url()).toBe(page);
      await m.waitForFunction(() => document.querySelectorAll('[data-testid="bulk-list"] li').length === 3);
      expect(await m.getByRole('checkbox', { name: 'Motion 102' }).count()).toBe(0);
      expect(await m.getByRole('checkbox', { name: 'Motion 103' }).count()).toBe(1);

      await pages.getByRole('link', { name: 'First page' }).click();
      await m.getByRole('checkbox', { name: 'Motion 001' }).waitFor();
      expect(await rows.count()).toBe(100);
    } finally {
      await context.cleanup();
    }
  });
});

describe('the reported comments past their first page', () => {
  it('lists 50 of 55, then the other 5, keeping the page of qualified amendments shown', async () => {
    const context = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await context.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
      await m
        .getByRole('navigation', { name: 'Pages of qualified amendments' })
        .getByRole('link', { name: 'Next page' })
        .click();
      await m.getByText(/Amendments 101 to/).waitFor();
      const reported = m.getByTestId('reported-comments').locator(':scope > li');
      await m.getByTestId('queue-reports').getByText(`50 of ${REPORTED} listed here`).waitFor();
      expect(await reported.count()).toBe(50);

      await m
        .getByRole('navigation', { name: 'Pages of reported comments' })
        .getByRole('link', { name: 'Next page' })
        .click();
      await m.waitForURL(/reports=/);
      await m.waitForFunction(() => document.querySelectorAll('[data-testid="reported-comments"] > li').length === 5);
      // Still on the second page of qualified amendments, landed on the reports.
      await m.getByText(/Amendments 101 to/).waitFor();
      expect(new URL(m.url()).searchParams.get('after')).toBeTruthy();
      expect(new URL(m.url()).hash).toBe('#queue-reports');
    } finally {
      await context.cleanup();
    }
  });
});

describe('the moderators’ digest unsubscribe link', () => {
  it('turns the digest off in one click, signed out, once; a wrong link says it is not valid', async () => {
    const context = await launchBrowser({ locale: 'en-GB' });
    try {
      const p = await context.newPage();
      const wrong = unsubscribePath.replace(/k=./, (s) => (s.endsWith('A') ? 'k=B' : 'k=A'));
      await p.goto(`${server.url}${wrong}`);
      await p.getByRole('button', { name: 'Stop the moderators’ daily digest' }).click();
      await p.getByText('This link is not valid any more').waitFor();

      await p.goto(`${server.url}${unsubscribePath}`);
      await p.getByRole('button', { name: 'Stop the moderators’ daily digest' }).click();
      await p.getByText('Done: you will receive no more digests.').waitFor();

      await p.goto(`${server.url}${unsubscribePath}`);
      await p.getByRole('button', { name: 'Stop the moderators’ daily digest' }).click();
      await p.getByText('This link is not valid any more').waitFor();
    } finally {
      await context.cleanup();
    }
  });
});
