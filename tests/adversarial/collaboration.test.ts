import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { launchBrowser } from '../e2e/support/browser.ts';
import { sqlOn } from '../e2e/support/server.ts';
import { appendParagraph, connectClient, sectionIds, upgradeStatus } from '../e2e/support/collab.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';
import { awarenessMessage, awarenessUpdate, updateMessage } from '../../server/collaboration/frames.ts';

/**
 * Issue 15, items 1 and 2, replayed against the real server as an attacker would: presence that crashed the
 * process, presence that put any name under "editing now", changes outside the editor's schema that broke a
 * section for good, and a section poisoned by an older version, then restored by a moderator.
 */
let target: Target;
let sections: string[];
let camille: string;
let moderator: string;

beforeAll(async () => {
  target = await startTarget();
  camille = await target.cookieOf(DEMO.member);
  moderator = await target.cookieOf(DEMO.moderator);
  sections = await sectionIds(target.url, camille);
});
afterAll(async () => {
  await target?.stop();
});

const wsUrl = (docName: string) => `${target.url.replace('http', 'ws')}/collab/${docName}`;

/** A raw socket, as a forged client opens one (this site's Origin, a cookie or none). */
async function rawSocket(docName: string, cookie?: string) {
  const ws = new WebSocket(wsUrl(docName), { headers: { origin: target.url, ...(cookie ? { cookie } : {}) } });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return { ws, closed };
}

/** Resolves to `promise`, or rejects after `ms` (a dead server would otherwise be waited for until the timeout). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => {
        try {
          target.assertAlive();
          reject(new Error(`no ${what} within ${ms} ms`));
        } catch (died) {
          reject(died as Error);
        }
      }, ms),
    ),
  ]);
}

const awarenessFrame = (clientId: number, clock: number, json: string) =>
  awarenessMessage(awarenessUpdate([{ clientId, clock, json }]));

/** The update a client holding the live text sends after `edit`. */
async function editOf(docName: string, edit: (doc: Y.Doc) => void, cookie?: string): Promise<Uint8Array> {
  const client = connectClient(target.url, docName, cookie);
  await client.synced;
  const before = Y.encodeStateVector(client.doc);
  edit(client.doc);
  const update = Y.encodeStateAsUpdate(client.doc, before);
  client.destroy();
  return update;
}

const firstText = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
const page = async (path: string, cookie?: string) => {
  const res = await fetch(`${target.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
};

describe('presence (item 1)', () => {
  it('a state nested 300,000 levels deep, from a reader or a writer, crashes nothing and reaches nobody', async () => {
    const docName = `section:${sections[0]}`;
    await underAttack(target, async () => {
      for (const cookie of [undefined, camille]) {
        const attacker = await rawSocket(docName, cookie);
        attacker.ws.send(awarenessFrame(4242, 1, '['.repeat(300_000) + ']'.repeat(300_000)));
        // The attacker stops reading: the server's close (if it closes) is never answered, so whatever state it
        // kept stays for the ~30 s of the closing handshake.
        (attacker.ws as unknown as { _socket: { pause(): void } })._socket.pause();
        await new Promise((r) => setTimeout(r, 500));
        // The next newcomer makes the server greet it with everyone's presence: this is where the process died.
        const newcomer = connectClient(target.url, docName);
        await within(newcomer.synced, 10_000, 'greeting for the newcomer');
        expect(newcomer.provider.awareness.getStates().has(4242)).toBe(false);
        newcomer.destroy();
        attacker.ws.terminate();
      }
    });
  });

  it('puts under “editing now” the names of the sessions, never a reader’s nor a name a client chose', async () => {
    const docName = `section:${sections[1]}`;
    await underAttack(target, async () => {
      const reader = await rawSocket(docName);
      reader.ws.send(awarenessFrame(1001, 1, JSON.stringify({ user: { name: 'Troll du public' } })));
      const writer = await rawSocket(docName, camille);
      const bloat = 'x'.repeat(1500);
      writer.ws.send(awarenessFrame(2002, 1, JSON.stringify({ user: { name: 'Alice Admin', bloat }, cursor: null })));
      await new Promise((r) => setTimeout(r, 500));
      const { html } = await page('/p/programme-2027');
      expect(html).toContain('Camille Martin');
      expect(html).not.toContain('Troll du public');
      expect(html).not.toContain('Alice Admin');
      expect(html).not.toContain(bloat);
      reader.ws.close();
      writer.ws.close();
    });
  });

  it('random presence payloads, from readers and writers, never break the server', async () => {
    const docName = `section:${sections[2]}`;
    const reader = await rawSocket(docName);
    const writer = await rawSocket(docName, camille);
    await underAttack(target, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.nat({ max: 2 ** 31 }),
          fc.oneof(
            fc.json(),
            fc.string({ maxLength: 3000 }),
            fc.jsonValue().map((v) => JSON.stringify({ user: v, cursor: v })),
            fc.constantFrom('null', '{}', '[]', '{"cursor":{"anchor":{"type":{"client":-1}}}}'),
          ),
          async (asWriter, clientId, json) => {
            (asWriter ? writer : reader).ws.send(awarenessFrame(clientId, 1 + (clientId % 5), json));
          },
        ),
        { numRuns: 200 },
      );
      // Garbage that is not an awareness update at all only closes its own socket.
      reader.ws.send(Uint8Array.from([1, 5, 200, 1]));
      expect(await reader.closed).toBe(4400);
      const newcomer = connectClient(target.url, docName);
      await newcomer.synced;
      for (const [id, state] of newcomer.provider.awareness.getStates()) {
        if (id !== newcomer.provider.awareness.clientID) expect(Object.keys(state).sort()).toEqual(['cursor', 'user']);
      }
      newcomer.destroy();
    });
    writer.ws.close();
  });
});

describe('changes outside the schema (item 2)', () => {
  it('are refused with 4422, stored nowhere, and every page of the section keeps answering', async () => {
    const docName = `section:${sections[3]}`;
    const witness = connectClient(target.url, docName);
    await witness.synced;
    const poisons = {
      'javascript: link': await editOf(docName, (d) =>
        firstText(d).format(0, 4, { link: { href: 'javascript:alert(document.cookie)' } }),
      ),
      'unknown node': await editOf(docName, (d) => d.getXmlFragment('default').push([new Y.XmlElement('iframe')])),
      'heading of level 9': await editOf(docName, (d) => {
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('level', 9 as unknown as string);
        heading.push([new Y.XmlText('Titre poison')]);
        d.getXmlFragment('default').push([heading]);
      }),
    };
    await underAttack(target, async () => {
      for (const [what, poison] of Object.entries(poisons)) {
        const attacker = await rawSocket(docName, camille);
        attacker.ws.send(updateMessage(poison));
        expect(await within(attacker.closed, 10_000, `close after the ${what}`), what).toBe(4422);
      }
    });
    expect(witness.text()).not.toMatch(/javascript|iframe|Titre poison/);
    witness.destroy();
    const { status, html } = await page(`/p/programme-2027/sections/${sections[3]}`, camille);
    expect(status).toBe(200);
    expect(html).not.toMatch(/javascript:|Titre poison/);
  });
});

describe('a section poisoned by an older version (item 2)', () => {
  it('answers every page, shows moderators what is wrong, and is restored to its last valid text', async () => {
    const sectionId = sections[4]!;
    const docName = `section:${sectionId}`;
    const writer = connectClient(target.url, docName, camille);
    await writer.synced;
    appendParagraph(writer.doc, 'Écrit avant le poison');
    for (let i = 0; !(await page(`/p/programme-2027/sections/${sectionId}`)).html.includes('avant le poison'); i++) {
      if (i > 100) throw new Error('the honest change was not stored');
      await new Promise((r) => setTimeout(r, 50));
    }
    // What a version without the check stored, from a copy of the live text: written straight into the database.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(writer.doc));
    writer.destroy();
    const poison: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => poison.push(u));
    firstText(client).format(0, 4, { link: { href: 'javascript:alert(1)' } });
    client.getXmlFragment('default').push([new Y.XmlElement('iframe')]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 9 as unknown as string);
    client.getXmlFragment('default').push([heading]);
    appendParagraph(client, 'Écrit après le poison');
    const stopped = { dataDir: target.dataDir, databaseUrl: target.databaseUrl };
    await target.stop({ keep: true });
    const values = poison.map((u) => `('${docName}', '\\x${Buffer.from(u).toString('hex')}')`).join(', ');
    await sqlOn(stopped, `INSERT INTO "CollabUpdate" ("docName", "data") VALUES ${values}`);
    const logins = target.logins;
    target = await startTarget({ reuse: stopped });
    for (const [email, password] of logins) target.logins.set(email, password);
    camille = await target.cookieOf(DEMO.member);
    moderator = await target.cookieOf(DEMO.moderator);

    await underAttack(target, async () => {
      // Everything that answered 500: the section, its chapter, its removal, publishing, starting an amendment.
      const section = await page(`/p/programme-2027/sections/${sectionId}`, camille);
      expect(section.status).toBe(200);
      expect(section.html).toContain('Écrit après le poison');
      expect(section.html).not.toContain('javascript:');
      expect(section.html).not.toContain('data-testid="section-invalid-content"');
      const chapterId = /\/p\/programme-2027\/chapters\/([a-z2-7]{16})/.exec(section.html)![1];
      expect((await page(`/p/programme-2027/chapters/${chapterId}`)).status).toBe(200);
      expect((await page(`/p/programme-2027/structure?remove=${sectionId}`, moderator)).status).toBe(200);
      expect((await page(`/p/programme-2027/publish`, moderator)).status).toBe(200);
    });
    // Publishing renders every section (not an attack: it may take the server more than a second on PGlite).
    target.resetErrors();
    const published = await postForm(
      target,
      '/p/programme-2027/publish',
      new URLSearchParams({ note: 'Version test' }),
      {
        cookie: moderator,
      },
    );
    expect(published.status).toBe(302);
    const version = await page(`${published.headers.get('location')!}/sections/${sectionId}`);
    expect(version.status).toBe(200);
    expect(version.html).toContain('Écrit après le poison');
    expect(version.html).not.toContain('javascript:');
    expect(target.serverErrors()).toEqual([]);

    await underAttack(target, async () => {});
    // The live editor, in a browser, shows the text without the script link (whatever is stored). (Outside the
    // health watch: starting Chromium is no attack, and takes the two cores for a moment.)
    {
      const browser = await launchBrowser({ locale: 'en-GB' });
      try {
        const [name, value] = camille.split('=') as [string, string];
        await browser.addCookies([{ name, value, url: target.url }]);
        const tab = await browser.newPage();
        await tab.goto(`${target.url}/p/programme-2027/sections/${sectionId}`);
        await tab.getByTestId('connection-status').getByText('Connected').waitFor();
        await tab.getByRole('textbox', { name: 'Section text' }).getByText('Écrit après le poison').waitFor();
        const hrefs = await tab.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
        expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
        expect(await tab.locator('iframe').count()).toBe(0);
      } finally {
        await browser.cleanup();
      }
    }

    await underAttack(target, async () => {
      // The moderator is told, and restores.
      const asModerator = await page(`/p/programme-2027/sections/${sectionId}`, moderator);
      expect(asModerator.html).toContain('data-testid="section-invalid-content"');
      const forbidden = await postForm(target, `/p/programme-2027/sections/${sectionId}`, 'intent=restore', {
        cookie: camille,
      });
      expect(forbidden.status).toBe(403);
      const restored = await postForm(target, `/p/programme-2027/sections/${sectionId}`, 'intent=restore', {
        cookie: moderator,
      });
      expect(restored.status).toBe(302);
      const after = await page(`/p/programme-2027/sections/${sectionId}`, moderator);
      expect(after.html).not.toContain('data-testid="section-invalid-content"');
      expect(after.html).toContain('Écrit avant le poison');
      expect(after.html).toContain('Écrit après le poison');
    });
    // Stored, the text is valid again: a fresh editor reads no link to javascript: and no unknown element.
    const fresh = connectClient(target.url, docName);
    await fresh.synced;
    expect(fresh.text()).not.toMatch(/javascript|iframe|level="9"/);
    fresh.destroy();
  });

  it('the public socket answers 404 for a draft that is not public', async () => {
    const settings = await postForm(
      target,
      '/p/programme-2027/settings',
      new URLSearchParams({ phase: 'DRAFTING', reason: 'Draft closed to the public' }),
      { cookie: moderator },
    );
    expect(settings.status).toBe(302);
    expect(await upgradeStatus(wsUrl(`section:${sections[0]}`), { origin: target.url })).toBe(404);
  });
});
