import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { actorOfMember } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { qualifiedAmendment } from '../factories/amendments.ts';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { amendingProgram, DEMO, demoSessions, type DemoSession } from './support/scenarios.ts';
import { onStoppedServer, startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

/**
 * Issue 21, items 3 and 7: a moderator handles 50 qualified amendments from the queue with bulk decisions and
 * reason templates, by keyboard (j/k, x, a/i, Enter). The 50 are seeded through the module functions on the
 * server's own database (stopped meanwhile), not by clicking. A bulk decision naming an amendment another
 * moderator decided meanwhile decides nothing and says which one. Items 1 and 7: the moderator pages through the
 * amendments collecting supports (55, written straight into the table: 52 in the first chapter, 3 in the second)
 * and narrows the queue to the chapter they took.
 */

const COUNT = 50;
const COLLECTING = 55;
let chapters: { id: string; title: string }[] = [];
let server: TestServer;
let session: DemoSession;
const titles: string[] = [];
const ids = new Map<string, string>();

/** Seeds the 50 qualified amendments through the modules, on the database of the stopped server. */
async function seedAmendments(stopped: TestServer) {
  await onStoppedServer(stopped, async () => {
    const person = async (who: string) =>
      actorOfMember({
        ...(await db().member.findUniqueOrThrow({ where: { email: `${who}@plenum.localhost` } })),
        suspended: null,
      });
    const [camille, yanis, lucia] = await Promise.all(['camille', 'yanis', 'lucia'].map(person));
    const sections = (await getProgramOutline(null, DEMO)).chapters.flatMap((c) => c.sections.map((s) => s.id));
    for (let i = 0; i < COUNT; i++) {
      const title = `Proposition ${String(i + 1).padStart(2, '0')}`;
      const id = await qualifiedAmendment(
        { slug: DEMO, sectionId: sections[i % sections.length]!, author: i % 2 ? camille! : yanis!, supporter: lucia! },
        { title, text: `Mesure numéro ${i + 1} : la commune finance le projet ${i + 1} des habitants.` },
      );
      titles.push(title);
      ids.set(title, id);
    }
    const outline = (await getProgramOutline(null, DEMO)).chapters;
    chapters = outline.map((c) => ({ id: c.id, title: c.title }));
    const first = await db().amendment.findUniqueOrThrow({ where: { id: ids.get('Proposition 01')! } });
    const start = Date.now() - COLLECTING * 60_000;
    await db().amendment.createMany({
      data: Array.from({ length: COLLECTING }, (_, n) => ({
        id: newId(),
        programId: first.programId,
        sectionId: outline[n < 52 ? 0 : 1]!.sections[0]!.id,
        kind: 'CHANGE' as const,
        status: 'SUBMITTED' as const,
        title: `Collecte ${String(n + 1).padStart(2, '0')}`,
        justification: 'Seeded.',
        baseText: { type: 'doc', content: [] },
        createdById: yanis!.id,
        submittedAt: new Date(start + n * 60_000),
        supportsNeeded: 3,
      })),
    });
  });
}

beforeAll(async () => {
  const first = await startServer();
  await amendingProgram(await demoSessions(first, ['moderation']));
  await first.stop({ keep: true });
  await seedAmendments(first);
  server = await startServer({ reuse: { dataDir: first.dataDir, databaseUrl: first.databaseUrl } });
  server.logins = first.logins;
  session = await demoSessions(server, ['moderation']);
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const rows = (m: Page) => m.getByTestId('bulk-list').getByRole('listitem');
const focusedLabel = (m: Page) =>
  m.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.type === 'checkbox' ? (el.labels?.[0]?.textContent ?? null) : null;
  });

describe('a moderator handles 50 amendments', () => {
  it(
    'keeps reason templates, then decides the queue by keyboard in a few bulk decisions',
    { timeout: 180_000 },
    async () => {
      const context = await launchBrowser({ locale: 'en-GB' });
      try {
        const m = await context.newPage();
        await logInAsDemo(m, server, 'moderation');

        // Templates: two added, one rewritten, one deleted.
        await m.goto(`${server.url}/p/${DEMO}/moderation/templates`);
        const add = async (name: string, text: string) => {
          const before = await m.locator('input[name="name"]').count();
          await m.getByLabel('Name').last().fill(name);
          await m.getByLabel('Reason').last().fill(text);
          await m.getByRole('button', { name: 'Add the template' }).click();
          await m.waitForFunction((n) => document.querySelectorAll('input[name="name"]').length === n, before + 1);
        };
        await add('Out of scope', 'Outside what this program decides.');
        await add('In order', 'Within the program and the statutes.');
        await add('Draft', 'A reason to delete.');
        const inOrder = m.locator('form', { has: m.locator('[value="In order"]') });
        await inOrder.getByLabel('Reason').fill('Within the program and the statutes: it goes to the vote.');
        await inOrder.getByRole('button', { name: 'Save' }).click();
        await m.getByText('Template saved.').waitFor();
        await m.getByRole('button', { name: 'Delete “Draft”' }).click();
        await m.getByText('Template deleted.').waitFor();
        expect(
          await m.locator('input[name="name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
        ).toEqual(['In order', 'Out of scope', '']);

        // The queue lists the 50, each a real checkbox labelled by its title, and passes the accessibility check.
        await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
        expect(await rows(m).count()).toBe(COUNT);
        expect(await m.getByRole('checkbox', { name: 'Proposition 01' }).count()).toBe(1);
        expect(await violations(m)).toEqual([]);

        // Keyboard: j moves down (k up), x selects; ten selected, one unselected again.
        await m.locator('body').click();
        for (let i = 0; i < 10; i++) {
          await m.keyboard.press('j');
          await m.keyboard.press('x');
        }
        expect(await focusedLabel(m)).toBe('Proposition 10');
        await m.keyboard.press('k');
        expect(await focusedLabel(m)).toBe('Proposition 09');
        await m.keyboard.press('x');
        await m.getByTestId('bulk-selected').getByText('9 selected').waitFor();
        // The focused row is visibly marked (outline on the box, background on the row).
        expect(await m.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

        // i: inadmissible, and the focus goes to the reason; a template fills it; Enter sends.
        await m.keyboard.press('i');
        expect(await m.getByRole('radio', { name: 'Inadmissible (i)' }).isChecked()).toBe(true);
        expect(await m.evaluate(() => document.activeElement?.id)).toBe('bulk-reason');
        await m.getByLabel('Reason template').selectOption({ label: 'Out of scope' });
        expect(await m.getByLabel(/^Reason \(public/).inputValue()).toBe('Outside what this program decides.');
        await m.getByLabel(/^Reason \(public/).press('Enter');
        await m.getByText('Decisions recorded').waitFor();
        await m.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="bulk-list"] li').length === n,
          COUNT - 9,
        );
        // 01 to 08 and 10 were decided; 09, selected then unselected, is still there.
        expect(await m.getByRole('checkbox', { name: 'Proposition 09' }).count()).toBe(1);
        expect(await m.getByRole('checkbox', { name: 'Proposition 10' }).count()).toBe(0);

        // Another moderator decides one meanwhile: the next bulk decision decides nothing and names it.
        await m.getByLabel('Select all').check();
        await m
          .getByTestId('bulk-selected')
          .getByText(`${COUNT - 9} selected`)
          .waitFor();
        await session.post(`/p/${DEMO}/amendments/${ids.get('Proposition 11')!}`, 'moderation', {
          intent: 'admissible',
          reason: 'Decided from its own page',
        });
        await m.locator('body').press('a');
        await m.getByLabel('Reason template').selectOption({ label: 'In order' });
        await m.getByLabel(/^Reason \(public/).press('Enter');
        const refusal = m.locator('#bulk-errors');
        await refusal.getByText('Nothing was decided').waitFor();
        expect(await refusal.textContent()).toContain('“Proposition 11”');
        // Nothing was decided: reloaded, the queue lists the 40 others, which the moderator decides again.
        await m.reload();
        expect(await rows(m).count()).toBe(COUNT - 10);
        expect(await m.getByRole('checkbox', { name: 'Proposition 11' }).count()).toBe(0);
        await m.getByLabel('Select all').check();
        await m
          .getByTestId('bulk-selected')
          .getByText(`${COUNT - 10} selected`)
          .waitFor();
        await m.locator('body').press('a');
        await m.getByLabel('Reason template').selectOption({ label: 'In order' });
        await m.getByRole('button', { name: 'Decide the selected amendments' }).click();
        await m.getByText('Decisions recorded').waitFor();
        await m.getByTestId('queue-qualified').getByText('Nothing here.').waitFor();

        // The moderation log: one line per amendment, each with its reason.
        await m.goto(`${server.url}/p/${DEMO}/moderation`);
        const log = m.getByTestId('moderation-log');
        await log.waitFor();
        const text = (await log.textContent()) ?? '';
        expect(text.split('Outside what this program decides.').length - 1).toBe(9);
        expect(text.split('Within the program and the statutes: it goes to the vote.').length - 1).toBe(COUNT - 10);
        expect(text.split('Decided from its own page').length - 1).toBe(1);
      } finally {
        await context.cleanup();
      }
    },
  );

  it('searches amendments from the queue, with / and the list’s filters', async () => {
    const context = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await context.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
      await m.locator('body').press('/');
      expect(await m.evaluate(() => document.activeElement?.id)).toBe('queue-search');
      await m.keyboard.type('habitants projet 7');
      await m.keyboard.press('Enter');
      await m.waitForURL(/\/amendments\/search\?q=/);
      const results = m.getByTestId('search-results');
      await results.getByRole('link', { name: 'Proposition 07' }).waitFor();
      expect(await results.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['habitants', 'projet']));
      // Proposition 07 was declared inadmissible: the status filter keeps it or leaves it out.
      await m.getByLabel('Status').selectOption({ label: 'Admissible' });
      await m.getByRole('button', { name: 'Search' }).click();
      await m.getByRole('status').getByText('0 results for “habitants projet 7”').waitFor();
      await m.getByLabel('Status').selectOption({ label: 'Inadmissible' });
      await m.getByRole('button', { name: 'Search' }).click();
      await m.getByRole('status').getByText('1 result for “habitants projet 7”').waitFor();
      await results.getByRole('link', { name: 'Proposition 07' }).waitFor();
      expect(await violations(m)).toEqual([]);
    } finally {
      await context.cleanup();
    }
  });

  it('pages through the amendments collecting supports, and narrows the queue to the chapter taken', async () => {
    const [, second] = chapters;
    await session.post(`/p/${DEMO}/chapters/${second!.id}`, 'moderation', { intent: 'take' });
    const context = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await context.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}/moderation/queue`);
      const collecting = m.getByTestId('queue-collecting');
      const items = collecting.getByRole('listitem');
      expect(await collecting.locator('.badge').textContent()).toBe(String(COLLECTING));
      expect(await items.count()).toBe(50);
      await collecting.getByText(`50 of ${COLLECTING} listed here`).waitFor();
      expect(await collecting.getByRole('link', { name: 'Collecte 01' }).count()).toBe(1);
      expect(await collecting.getByRole('link', { name: 'Collecte 51' }).count()).toBe(0);

      // The next page of that list, landing on it; the first page again.
      await collecting.getByRole('link', { name: 'Next page' }).click();
      await collecting.getByRole('link', { name: 'Collecte 51' }).waitFor();
      expect(m.url()).toMatch(/[?&]collecting=[^&#]+.*#queue-collecting$/);
      expect(await items.allTextContents()).toEqual(
        [51, 52, 53, 54, 55].map((n) => expect.stringContaining(`Collecte ${n}`)),
      );
      expect(await collecting.getByRole('link', { name: 'Next page' }).count()).toBe(0);
      await collecting.getByRole('link', { name: 'First page' }).click();
      await collecting.getByRole('link', { name: 'Collecte 01' }).waitFor();
      expect(await items.count()).toBe(50);

      // The chapter the moderator took comes first in the filter, and says so; chosen, it stays in the address.
      const filter = m.getByLabel('Chapter', { exact: true });
      const options = await filter.locator('option').allTextContents();
      expect(options[0]).toBe('All chapters');
      expect(options[1]).toBe(`2. ${second!.title} (a chapter you took)`);
      await filter.selectOption({ label: `2. ${second!.title} (a chapter you took)` });
      await m.getByRole('button', { name: 'Show', exact: true }).click();
      await m.waitForURL(new RegExp(`[?&]chapter=${second!.id}`));
      await collecting.getByRole('link', { name: 'Collecte 53' }).waitFor();
      expect(await items.allTextContents()).toEqual([53, 54, 55].map((n) => expect.stringContaining(`Collecte ${n}`)));
      expect(await collecting.locator('.badge').textContent()).toBe('3');
      expect(await collecting.getByRole('link', { name: 'Next page' }).count()).toBe(0);
      await m.reload();
      expect(await filter.inputValue()).toBe(second!.id);
      expect(await violations(m)).toEqual([]);
    } finally {
      await context.cleanup();
    }
  });
});
