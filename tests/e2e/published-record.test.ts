import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { appendParagraph, connectClient, eventually, sectionIds } from './support/collab.ts';
import {
  amendingProgram,
  DEMO,
  demoSessions,
  draftAmendment,
  DRAFTED,
  roundForm,
  utcMinute,
  type DemoSession,
} from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

// Issue 17, "the published record": what the public reads of a program once a version is published while its
// draft is closed to the public (items 6, 7, 9, 12 and part of 14). Two amendments go to one round: a change to
// section 1.1 (a new paragraph) and a new section after 1.2 whose text holds a bullet list.

const NEW_TITLE = 'Logement pour toutes et tous';
const LIST = ['Encadrement des loyers', 'Réquisition des logements vides'];

let server: TestServer;
let session: DemoSession;
let sections: string[] = [];
let changeId = '';
let addId = '';
let roundId = '';

/** Starts an ADD amendment after `sectionId` and writes a paragraph and a bullet list into its live draft. */
async function draftNewSection(sectionId: string) {
  const location = await session.post(`/p/${DEMO}/amend/${sectionId}`, 'lucia', {
    kind: 'ADD',
    newTitle: NEW_TITLE,
    title: 'Un chapitre logement',
    justification: 'Le logement manque au programme.',
  });
  const id = location.split('/').pop()!;
  const writer = connectClient(server.url, `amendment:${id}`, session.cookies.get('lucia'));
  try {
    await writer.synced;
    appendParagraph(writer.doc, 'Nous proposons :');
    const list = new Y.XmlElement('bulletList');
    list.insert(
      0,
      LIST.map((text) => {
        const item = new Y.XmlElement('listItem');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        item.insert(0, [paragraph]);
        return item;
      }),
    );
    writer.doc.getXmlFragment('default').push([list]);
    const reader = connectClient(server.url, `amendment:${id}`, session.cookies.get('lucia'));
    try {
      await reader.synced;
      await eventually(() => reader.text().includes(LIST[1]!), 10_000, 'the list to be stored');
    } finally {
      reader.destroy();
    }
  } finally {
    writer.destroy();
  }
  return id;
}

/** GETs a page as `who` (English) and returns its HTML. */
async function html(path: string, who?: 'moderation' | 'camille' | 'lucia' | 'yanis') {
  const res = await fetch(`${server.url}${path}`, {
    headers: { 'accept-language': 'en', ...(who ? { cookie: session.cookies.get(who)! } : {}) },
  });
  return res.text();
}

beforeAll(async () => {
  server = await startServer();
  session = await demoSessions(server);
  sections = await sectionIds(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('the published record', () => {
  it('says who writes the draft when only named drafters may (item 14)', async () => {
    const { post } = session;
    await post(`/p/${DEMO}/settings`, 'moderation', {
      phase: 'DRAFTING',
      draftIsPublic: 'on',
      draftingAccess: 'NAMED_DRAFTERS',
      supportRule: 'ABSOLUTE',
      supportValue: '1',
      supportDays: '14',
      reason: 'Rédaction par l’équipe',
    });
    await post(`/p/${DEMO}/settings`, 'moderation', { intent: 'addDrafter', email: 'camille@plenum.localhost' });
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const member = await launchBrowser({ locale: 'en-GB' });
    const other = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');
      await m.goto(`${server.url}/p/${DEMO}`);
      expect(await m.getByTestId('drafting-access').textContent()).toBe(
        'Only the members the moderators named write this draft.',
      );
      const c = await member.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(`${server.url}/p/${DEMO}`);
      expect(await c.getByTestId('drafting-access').textContent()).toBe(
        'The draft is open to the members the moderators named, you among them.',
      );
      // Yanis, not named, may not write: nobody is told that "members write it together".
      const y = await other.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(`${server.url}/p/${DEMO}`);
      expect(await y.getByTestId('drafting-access').textContent()).toBe(
        'Only the members the moderators named write this draft.',
      );
    } finally {
      await moderator.cleanup();
      await member.cleanup();
      await other.cleanup();
    }
  });

  it('shows a new section’s title and its bullet list on the ballot (item 14)', async () => {
    const { post } = session;
    await amendingProgram(session);
    changeId = await draftAmendment(server, session, 'camille', sections[0]!, {
      title: 'Un RIC plus accessible',
      justification: '500 000 signatures, c’est trop.',
      text: DRAFTED,
    });
    addId = await draftNewSection(sections[1]!);
    for (const [id, author, supporter] of [
      [changeId, 'camille', 'lucia'],
      [addId, 'lucia', 'camille'],
    ] as const) {
      const path = `/p/${DEMO}/amendments/${id}`;
      await post(path, author, { intent: 'submit' });
      await post(path, supporter, { intent: 'support' });
      await post(path, 'moderation', { intent: 'admissible', reason: 'Conforme aux statuts' });
    }
    const form = new URLSearchParams(roundForm('Amendements de printemps', 'Deux amendements.'));
    form.append('amendmentIds', changeId);
    form.append('amendmentIds', addId);
    const res = await fetch(`${server.url}/p/${DEMO}/rounds/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.url,
        cookie: session.cookies.get('moderation')!,
      },
      body: form.toString(),
    });
    expect(res.status).toBe(302);
    roundId = res.headers.get('location')!.split('/').pop()!;

    const voter = await launchBrowser({ locale: 'en-GB' });
    try {
      const y = await voter.newPage();
      await logInAsDemo(y, server, 'yanis');
      await y.goto(`${server.url}/p/${DEMO}/rounds/${roundId}/ballot`);
      const brief = y.locator('.amendment-brief', { has: y.getByTestId('new-section-title') });
      expect(await brief.getByTestId('new-section-title').textContent()).toBe(`new section: “${NEW_TITLE}”`);
      // Each item of the list is its own line, behind its bullet (it was one run of words: "...loyersRéquisition").
      const added = (await brief.getByTestId('diff-inline').locator('ins').allInnerTexts()).join('');
      expect(added).toContain(`• ${LIST[0]}\n• ${LIST[1]}`);
    } finally {
      await voter.cleanup();
    }

    // Everyone votes yes to both (over HTTP: the ballot has its own journey), then the round closes.
    for (const who of ['camille', 'lucia', 'yanis'] as const) {
      const ballot = await html(`/p/${DEMO}/rounds/${roundId}/ballot`, who);
      const questions = [...ballot.matchAll(/name="q\.([a-z2-7]{16})"/g)].map((m) => m[1]!);
      expect(new Set(questions).size, `the questions on ${who}'s ballot`).toBe(2);
      await post(
        `/p/${DEMO}/rounds/${roundId}/ballot`,
        who,
        Object.fromEntries([...new Set(questions)].map((q) => [`q.${q}`, who === 'lucia' ? 'ABSTAIN' : 'YES'])),
        200,
      );
    }
    await post(`/p/${DEMO}/rounds/${roundId}`, 'moderation', {
      closesAt: utcMinute(0),
      closesAtOffset: '0',
      reason: 'Fin du vote',
    });
    for (const id of [changeId, addId]) {
      await expect
        .poll(
          async () => /data-testid="amendment-status"[^>]*>Applied</.test(await html(`/p/${DEMO}/amendments/${id}`)),
          {
            timeout: 30_000,
            interval: 500,
          },
        )
        .toBe(true);
    }
    // Version 1 holds both; then the draft closes to the public, the program still taking amendments.
    await post(`/p/${DEMO}/publish`, 'moderation', { note: 'Après le vote de printemps.' });
    await post(`/p/${DEMO}/settings`, 'moderation', {
      phase: 'AMENDING',
      supportRule: 'ABSOLUTE',
      supportValue: '1',
      supportDays: '14',
      reason: 'Brouillon réservé aux membres',
    });
  });

  it('copies, reads and speaks the published words without the note numbers (item 6)', async () => {
    const visitor = await launchBrowser({ locale: 'en-GB' });
    await visitor.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    try {
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}/v/1/sections/${sections[0]}`);
      const paragraph = v.locator('.rich-text p', { has: v.locator('mark.provenance') });
      // The page's plain text: the words alone (it read "...des inscrits.1").
      expect(await paragraph.innerText()).toBe(DRAFTED);
      // A real copy of the paragraph.
      await paragraph.selectText();
      await v.keyboard.press('Control+C');
      expect(await v.evaluate(() => navigator.clipboard.readText())).toBe(DRAFTED);
      // What a screen reader gets: the words, and apart from them a link named for the note.
      const aria = await paragraph.ariaSnapshot();
      expect(aria).toContain(DRAFTED);
      expect(aria).toContain('link "Note 1: why is this passage here?"');
      expect(aria).not.toContain('inscrits.1');
      // The marker is still there to see, and still leads to its provenance.
      const marker = paragraph.getByRole('link', { name: 'Note 1: why is this passage here?' });
      expect(await marker.evaluate((a) => getComputedStyle(a, '::after').content)).toMatch(/"1"/);
      expect((await marker.boundingBox())!.width).toBeGreaterThan(0);
      await marker.click();
      await v
        .getByTestId('provenance')
        .locator('li:target')
        .getByRole('link', { name: 'Un RIC plus accessible' })
        .waitFor();
    } finally {
      await visitor.cleanup();
    }
  });

  it('leads previous and next to the neighbouring published sections (item 7)', async () => {
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}/v/1/sections/${sections[0]}`);
      const around = v.getByRole('navigation', { name: 'Previous and next sections' });
      await around.locator('a[rel="next"]').click();
      await v.waitForURL(`${server.url}/p/${DEMO}/v/1/sections/${sections[1]}`);
      await v.getByRole('heading', { level: 1, name: /^1\.2 / }).waitFor();
      await around.locator('a[rel="prev"]').click();
      await v.waitForURL(`${server.url}/p/${DEMO}/v/1/sections/${sections[0]}`);
      await v.getByRole('heading', { level: 1, name: /^1\.1 / }).waitFor();
    } finally {
      await visitor.cleanup();
    }
  });

  it('opens provenance, round results and board to the public before the Published phase (item 9)', async () => {
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}/v/1/sections/${sections[0]}`);
      const why = v.getByTestId('provenance');
      await why.getByRole('link', { name: 'Un RIC plus accessible' }).click();
      await v.waitForURL(`${server.url}/p/${DEMO}/amendments/${changeId}`);
      await v.getByRole('heading', { level: 1, name: 'Un RIC plus accessible' }).waitFor();
      await v.goBack();
      await why.getByRole('link', { name: 'Vote 1: Amendements de printemps' }).click();
      await v.waitForURL(`${server.url}/p/${DEMO}/rounds/${roundId}`);
      await v.getByTestId('round-status').getByText('Closed').waitFor();
      expect(await v.getByTestId('results').count()).toBe(1);
      await v.goto(`${server.url}/p/${DEMO}/rounds/${roundId}/board`);
      await v.getByTestId('board-sha').waitFor();
      expect(v.url()).not.toContain('/login');
      // The API too.
      for (const path of [`/api/v1/rounds/${roundId}/results`, `/api/v1/rounds/${roundId}/board`]) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      }
      // The live draft stays closed to the public: its section page is still the login page.
      await v.goto(`${server.url}/p/${DEMO}/sections/${sections[0]}`);
      expect(v.url()).toContain('/login');
    } finally {
      await visitor.cleanup();
    }
  });

  it('tells an applied amendment’s vote, decision and application, with no countdown (item 12)', async () => {
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}/amendments/${changeId}`);
      const steps = (await v.getByTestId('timeline').locator('li').allInnerTexts()).map((s) =>
        s.replace(/^.*? — /, ''),
      );
      expect(steps.slice(-3)).toEqual([
        'Put to the vote — Vote 1: Amendements de printemps',
        'Adopted — Vote 1: Amendements de printemps — yes 2, no 0, abstain 1',
        'Written into the program — published in version 1',
      ]);
      await v.getByTestId('timeline').getByRole('link', { name: 'published in version 1' }).waitFor();
      const deadline = await v.getByTestId('supports-deadline').innerText();
      expect(deadline).toMatch(/^Support collection is over \(deadline: .+\)\.$/);
      expect(deadline).not.toContain('left');
    } finally {
      await visitor.cleanup();
    }
  });

  it('lists the amendment that created a section, and leads a published program’s contents to it (item 14)', async () => {
    // The new section, as version 1 numbers it (1.3, after 1.2).
    const version = await html(`/p/${DEMO}/v/1`);
    const created = new RegExp(`/p/${DEMO}/v/1/sections/([a-z2-7]{16})"[^>]*>[^<]*1\\.3`).exec(version)?.[1];
    expect(created, 'the new section in version 1').toBeTruthy();
    const member = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const c = await member.newPage();
      await logInAsDemo(c, server, 'camille');
      await c.goto(`${server.url}/p/${DEMO}/sections/${created}`);
      const listed = c.getByTestId('section-amendments').locator('li', { hasText: 'Un chapitre logement' });
      await listed.getByText('Created this section').waitFor();
      expect(await c.getByText('No amendment to this section yet.').count()).toBe(0);

      // Published: the contents lead to version 1, not to the live draft.
      await session.post(`/p/${DEMO}/settings`, 'moderation', {
        phase: 'PUBLISHED',
        draftIsPublic: 'on',
        supportRule: 'ABSOLUTE',
        supportValue: '1',
        supportDays: '14',
        reason: 'Programme adopté',
      });
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}`);
      const contents = v.locator('ol.contents');
      expect(await contents.getByRole('link', { name: new RegExp(`^1\\.3 ${NEW_TITLE}`) }).getAttribute('href')).toBe(
        `/p/${DEMO}/v/1/sections/${created}`,
      );
      await contents.getByRole('link', { name: /^1\.1 / }).click();
      await v.waitForURL(`${server.url}/p/${DEMO}/v/1/sections/${sections[0]}`);
      await v.goto(`${server.url}/p/${DEMO}/rounds`);
      expect(
        await v
          .locator('nav.toc')
          .getByRole('link', { name: /^1\.1 / })
          .getAttribute('href'),
      ).toBe(`/p/${DEMO}/v/1/sections/${sections[0]}`);
    } finally {
      await member.cleanup();
      await visitor.cleanup();
    }
  });
});
