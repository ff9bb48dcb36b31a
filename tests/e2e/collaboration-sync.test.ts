import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  connectClient,
  eventually,
  sectionIds,
  sessionCookie,
  upgradeStatus,
} from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let logins: Map<string, string>;
let camille: string;
let lucia: string;
let sections: string[];
const ws = (path: string) => `${server.url.replace(/^http/, 'ws')}${path}`;

beforeAll(async () => {
  server = await startServer();
  logins = server.logins;
  camille = await sessionCookie(server.url, 'camille@plenum.localhost', logins.get('camille@plenum.localhost')!);
  lucia = await sessionCookie(server.url, 'lucia@plenum.localhost', logins.get('lucia@plenum.localhost')!);
  sections = await sectionIds(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('live documents over the y-websocket protocol', () => {
  it('seeds a section from its text, and two members’ clients converge', async () => {
    const a = connectClient(server.url, `section:${sections[0]}`, camille);
    const b = connectClient(server.url, `section:${sections[0]}`, lucia);
    try {
      await Promise.all([a.synced, b.synced]);
      expect(a.text()).toContain('<paragraph>');
      expect(a.text()).toBe(b.text());
      appendParagraph(a.doc, 'Ajout de Camille');
      appendParagraph(b.doc, 'Ajout de Lucía');
      await eventually(
        () => a.text() === b.text() && a.text().includes('Ajout de Lucía') && b.text().includes('Ajout de Camille'),
      );
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('gives the public a read-only connection: it sees edits live, and its own writes go nowhere', async () => {
    const member = connectClient(server.url, `section:${sections[1]}`, camille);
    const writing = connectClient(server.url, `section:${sections[1]}`);
    const visitor = connectClient(server.url, `section:${sections[1]}`);
    try {
      await Promise.all([member.synced, writing.synced, visitor.synced]);
      // A change sent without the right to write is refused out loud, saying why (issue 17), never stored.
      const refused = new Promise<{ code: number; reason: string }>((resolve) =>
        writing.provider.once('connection-close', (event: { code: number; reason: string } | null) =>
          resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
        ),
      );
      appendParagraph(writing.doc, 'Graffiti du visiteur');
      expect(await refused).toEqual({ code: 4423, reason: expect.stringMatching(/^signedOut /) });
      appendParagraph(member.doc, 'Texte du membre');
      await eventually(() => visitor.text().includes('Texte du membre'), 10_000, 'the visitor to see the edit');
      await new Promise((r) => setTimeout(r, 300));
      expect(member.text()).not.toContain('Graffiti du visiteur');
      const late = connectClient(server.url, `section:${sections[1]}`, lucia);
      await late.synced;
      expect(late.text()).toContain('Texte du membre');
      expect(late.text()).not.toContain('Graffiti du visiteur');
      late.destroy();
    } finally {
      member.destroy();
      writing.destroy();
      visitor.destroy();
    }
  });

  it('opens no socket without the right to read, for an unknown document, or from another site', async () => {
    const origin = server.url;
    expect(await upgradeStatus(ws(`/collab/section:${sections[0]}`), { origin })).toBe(101);
    expect(await upgradeStatus(ws('/collab/section:aaaaaaaaaaaaaaaa'), { origin, cookie: camille })).toBe(404);
    expect(await upgradeStatus(ws('/collab/whatever'), { origin, cookie: camille })).toBe(404);
    expect(
      await upgradeStatus(ws(`/collab/section:${sections[0]}`), { origin: 'https://evil.example', cookie: camille }),
    ).toBe(403);
    expect(await upgradeStatus(ws('/elsewhere'), { origin })).toBe(404);
  });

  it('closes a connection that sends malformed frames, and keeps serving everyone else', async () => {
    const witness = connectClient(server.url, `section:${sections[2]}`, lucia);
    await witness.synced;
    const frames = [
      Buffer.from([0, 2, 200, 1, 2, 3]), // an update whose length runs past the frame
      Buffer.from([0, 9]), // unknown sync message
      Buffer.from([7, 7, 7]), // unknown message type
      Buffer.from([0, 2, 5, 1, 2, 3, 4, 5]), // a syntactically framed but invalid Yjs update
      Buffer.from('not binary at all'),
    ];
    for (const [i, frame] of frames.entries()) {
      const socket = new WebSocket(ws(`/collab/section:${sections[2]}`), {
        headers: { origin: server.url, cookie: camille },
      });
      await new Promise((r) => socket.once('open', r));
      const closed = new Promise<number>((r) => socket.once('close', (code) => r(code)));
      socket.send(frame, { binary: i !== 4 });
      expect(await closed, `frame ${i}`).toBe(4400);
    }
    appendParagraph(witness.doc, 'Toujours là');
    const check = connectClient(server.url, `section:${sections[2]}`, camille);
    await check.synced;
    await eventually(() => check.text().includes('Toujours là'));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    witness.destroy();
    check.destroy();
  });
});

describe('fuzzing', () => {
  it('survives hundreds of random and truncated frames, still serving every honest client', async () => {
    const docName = `section:${sections[5]}`;
    const honest = connectClient(server.url, docName, lucia);
    await honest.synced;
    // Valid frames to truncate: a sync step 1 and an update, as a client sends them.
    const valid = [Buffer.from([0, 0, 1, 0]), Buffer.from([0, 2, 10, 1, 1, 200, 155, 220, 6, 0, 4, 1, 7, 0])];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const frame = (i: number) => {
      if (i % 3 === 0) {
        const base = valid[i % valid.length]!;
        return base.subarray(0, Math.floor(random() * base.length));
      }
      return Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
    };
    let sent = 0;
    for (let batch = 0; batch < 10; batch++) {
      const socket = new WebSocket(ws(`/collab/${docName}`), { headers: { origin: server.url, cookie: camille } });
      await new Promise((r) => socket.once('open', r));
      const closed = new Promise((r) => socket.once('close', r));
      for (let i = 0; i < 30 && socket.readyState === socket.OPEN; i++) {
        socket.send(frame(batch * 30 + i));
        sent++;
      }
      socket.close();
      await closed;
    }
    expect(sent).toBeGreaterThanOrEqual(10);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    appendParagraph(honest.doc, 'Après le bruit');
    const check = connectClient(server.url, docName, camille);
    await check.synced;
    await eventually(() => check.text().includes('Après le bruit'), 10_000, 'an honest edit after the fuzzing');
    honest.destroy();
    check.destroy();
  });
});

describe('rights that change while connected', () => {
  it('closes the public’s sockets when the draft closes, and makes members read-only out of DRAFTING', async () => {
    const docName = `section:${sections[4]}`;
    const visitor = connectClient(server.url, docName);
    const member = connectClient(server.url, docName, camille);
    const other = connectClient(server.url, docName, lucia);
    await Promise.all([visitor.synced, member.synced, other.synced]);
    const closed = (client: typeof visitor) =>
      new Promise<number>((resolve) =>
        client.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
      );
    const visitorClosed = closed(visitor);
    const memberClosed = closed(member);
    visitor.provider.shouldConnect = true;

    const moderator = await sessionCookie(
      server.url,
      'moderation@plenum.localhost',
      logins.get('moderation@plenum.localhost')!,
    );
    const changed = await fetch(`${server.url}/p/programme-2027/settings`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: moderator },
      body: new URLSearchParams({ phase: 'AMENDING', reason: 'Amendments open' }).toString(),
    });
    expect(changed.status).toBe(302);
    const changedAt = Date.now();
    expect(await visitorClosed).toBe(4403);
    // The member's editor is told its right to write ended (issue 17: it reconnects read-only, offering what was
    // not stored).
    expect(await memberClosed).toBe(4010);
    expect(Date.now() - changedAt).toBeLessThan(5_000);
    // A draft the public may no longer read is, to the public, a document that does not exist (issue 15).
    expect(await upgradeStatus(ws(`/collab/${docName}`), { origin: server.url })).toBe(404);

    await eventually(() => member.provider.wsconnected && member.provider.synced, 10_000, 'the member to reconnect');
    appendParagraph(member.doc, 'Écrit après la fin de la rédaction');
    await new Promise((r) => setTimeout(r, 500));
    expect(other.text()).not.toContain('Écrit après la fin de la rédaction');
    visitor.destroy();
    member.destroy();
    other.destroy();

    const reopened = await fetch(`${server.url}/p/programme-2027/settings`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: moderator },
      body: new URLSearchParams({ phase: 'DRAFTING', draftIsPublic: 'on', reason: 'Back to drafting' }).toString(),
    });
    expect(reopened.status).toBe(302);
  });
});

describe('durability', () => {
  it('keeps every relayed update through kill -9, and a restart duplicates nothing', async () => {
    const docName = `section:${sections[3]}`;
    const typist = connectClient(server.url, docName, camille);
    const watcher = connectClient(server.url, docName, lucia);
    await Promise.all([typist.synced, watcher.synced]);
    for (let i = 0; i < 20; i++) appendParagraph(typist.doc, `Ligne ${i}`);
    // What the watcher received was stored before it was relayed.
    await eventually(() => watcher.text().includes('Ligne 19'), 10_000, 'the watcher to receive every line');
    const seen = watcher.text();
    typist.destroy();
    watcher.destroy();

    server.process.kill('SIGKILL');
    await new Promise((r) => server.process.once('exit', r));
    const again = await startServer({ reuse: { dataDir: server.dataDir, databaseUrl: server.databaseUrl } });
    server = again;
    const cookie = await sessionCookie(again.url, 'camille@plenum.localhost', logins.get('camille@plenum.localhost')!);
    const reader = connectClient(again.url, docName, cookie);
    await reader.synced;
    expect(reader.text()).toBe(seen);
    expect(reader.text().match(/Ligne 7</g)).toHaveLength(1);
    reader.destroy();
  });
});
