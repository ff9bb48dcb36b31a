import fs from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, connectClient, eventually, sectionIds, sessionCookie } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';

// Runs only in the PostgreSQL project with TEST_REDIS_URL set (vitest.config.ts): two processes cannot share the
// embedded database, and a fresh machine has no Redis.
const REDIS_URL = process.env.TEST_REDIS_URL!;
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  // Pages kept a minute: only the processes' word to each other can make one stop serving a page after a change.
  const env = { REDIS_URL, PAGE_CACHE_TTL_MS: '60000' };
  first = await startServer({ env });
  second = await startServer({
    reuse: { dataDir: first.dataDir + '-b', databaseUrl: first.databaseUrl },
    env,
  });
});
afterAll(async () => {
  await second?.stop({ keep: true }); // the database is the first server's, dropped with it
  await first?.stop();
  await fs.rm(`${first?.dataDir}-b`, { recursive: true, force: true });
});

describe('two server processes behind one address, with Redis', () => {
  it('share live documents: edits and presence cross, and each update is stored exactly once', async () => {
    const logins = first.logins;
    const camille = await sessionCookie(first.url, 'camille@plenum.localhost', logins.get('camille@plenum.localhost')!);
    const lucia = await sessionCookie(second.url, 'lucia@plenum.localhost', logins.get('lucia@plenum.localhost')!);
    const [section] = await sectionIds(first.url);
    const docName = `section:${section}`;
    const a = connectClient(first.url, docName, camille);
    const b = connectClient(second.url, docName, lucia);
    try {
      await Promise.all([a.synced, b.synced]);
      a.provider.awareness.setLocalStateField('user', { name: 'Camille Martin' });
      await eventually(
        () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Camille Martin'),
        10_000,
        'presence to cross processes',
      );
      for (let i = 0; i < 5; i++) {
        appendParagraph(a.doc, `Camille ${i}`);
        appendParagraph(b.doc, `Lucía ${i}`);
      }
      await eventually(
        () => a.text() === b.text() && a.text().includes('Camille 4') && a.text().includes('Lucía 4'),
        10_000,
        'both processes to converge',
      );
      const db = new pg.Client({ connectionString: first.databaseUrl });
      await db.connect();
      const { rows } = await db.query('SELECT count(*)::int AS n FROM "CollabUpdate" WHERE "docName" = $1', [docName]);
      await db.end();
      expect(rows[0].n).toBe(10);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('tell each other of their writes: a member page kept by one is not served after a change made through the other', async () => {
    const logins = first.logins;
    const login = (who: string) =>
      sessionCookie(first.url, `${who}@plenum.localhost`, logins.get(`${who}@plenum.localhost`)!);
    const [camille, yanis] = [await login('camille'), await login('yanis')];
    const [section] = await sectionIds(first.url);
    const path = `/p/programme-2027/sections/${section}`;
    const page = async (url: string, cookie: string) => {
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      return { state: res.headers.get('x-page-cache'), following: (await res.text()).includes('>Ne plus suivre<') };
    };
    // The second process keeps the page of members who do not follow the section, rendered for Yanis.
    expect(await page(second.url, yanis)).toEqual({ state: 'miss', following: false });
    expect(await page(second.url, camille)).toEqual({ state: 'hit', following: false });
    // Camille follows it through the first process, then reads it through the second: her own page, at once.
    const followed = await fetch(`${first.url}/follow`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: first.url, cookie: camille },
      body: new URLSearchParams({ intent: 'follow', target: `section:${section}`, back: path }).toString(),
    });
    expect(followed.status).toBe(302);
    expect(await page(second.url, camille)).toEqual({ state: 'miss', following: true });
    // And Yanis, who does not follow it, still does not.
    expect((await page(second.url, yanis)).following).toBe(false);
  });
});
