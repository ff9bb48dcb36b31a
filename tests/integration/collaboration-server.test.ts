import http from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readLiveText } from '../../app/modules/live-text/live-text.server.ts';
import { docToPlainText } from '../../app/rich-text/document.ts';
import { createSession } from '../../app/modules/members/sessions.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { COMPACTION } from '../../server/collaboration/compaction.ts';
import { DOCUMENT_LIMITS } from '../../server/collaboration/document-limits.ts';
import { storeUpdates } from '../../app/modules/live-text/storage.server.ts';
import { CollaborationServer } from '../../server/collaboration/server.ts';
import { appendParagraph, connectClient, eventually } from '../e2e/support/collab.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();
let server: http.Server;
let collaboration: CollaborationServer;
let baseUrl: string;
let docName: string;
/** More sections, one for each test that needs a document of its own. */
let otherDocs: string[];
let cookie: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  collaboration = new CollaborationServer([baseUrl]);
  server.on('upgrade', (req, socket, head) => void collaboration.handleUpgrade(req, socket, head));
  const { slug } = await createTestProgram({ shape: [5] });
  const sections = (await getProgramOutline(null, slug)).chapters[0]!.sections.map((s) => `section:${s.id}`);
  [docName, ...otherDocs] = sections as [string, ...string[]];
  const member = await createMember();
  cookie = `plenum_session=${(await createSession(member.id)).token}`;
});
afterAll(async () => {
  await collaboration.close();
  await new Promise((r) => server.close(r));
});

describe('server-side changes', () => {
  it('reach every open editor at once, and are stored like anyone’s', async () => {
    const reader = connectClient(baseUrl, docName);
    await reader.synced;
    await collaboration.changeDocument(docName, (doc) => appendParagraph(doc, 'Amendement 12 adopté'));
    await eventually(() => reader.text().includes('Amendement 12 adopté'), 5_000, 'the reader to see the change');
    expect(docToPlainText(await readLiveText(docName, null))).toContain('Amendement 12 adopté');
    expect(await db().collabUpdate.count({ where: { docName } })).toBeGreaterThan(0);
    reader.destroy();
  });
});

describe('document size', () => {
  it('closes a connection whose change would make the document too large, and stores nothing of it', async () => {
    const limit = DOCUMENT_LIMITS.maxBytes;
    DOCUMENT_LIMITS.maxBytes = 20_000;
    const writer = connectClient(baseUrl, docName, cookie);
    try {
      await writer.synced;
      const closed = new Promise<number>((resolve) =>
        writer.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
      );
      appendParagraph(writer.doc, 'x'.repeat(30_000));
      expect(await closed).toBe(4413);
      expect(docToPlainText(await readLiveText(docName, null))).not.toContain('x'.repeat(100));
    } finally {
      writer.destroy();
      DOCUMENT_LIMITS.maxBytes = limit;
    }
  });
});

/** What is stored of a document: how many updates wait after its snapshot, and the snapshot's sequence number. */
async function stored(name: string) {
  const document = await db().collabDocument.findUniqueOrThrow({ where: { name } });
  return { updates: await db().collabUpdate.count({ where: { docName: name } }), snapshotSeq: document.snapshotSeq };
}

describe('compaction', () => {
  it('waits for the document to be quiet, unless too many updates wait; the text never changes', async () => {
    const saved = { ...COMPACTION };
    Object.assign(COMPACTION, { afterUpdates: 5, idleMs: 400, forcedUpdates: 25 });
    const name = otherDocs[0]!;
    const writer = connectClient(baseUrl, name, cookie);
    const reader = connectClient(baseUrl, name);
    try {
      await Promise.all([writer.synced, reader.synced]);
      const type = async (count: number, from: number) => {
        for (let i = from; i < from + count; i++) {
          appendParagraph(writer.doc, `Ligne ${i}`);
          await eventually(() => reader.text().includes(`Ligne ${i}<`), 5_000, `line ${i} to be relayed`);
        }
      };
      // Busy: ten changes in a row, each stored one by one; past 5 the compaction waits for a quiet moment.
      await type(10, 0);
      const busy = await stored(name);
      expect(busy.updates).toBeGreaterThanOrEqual(10);
      expect(busy.snapshotSeq).toBe(0n);
      // Quiet: folded into the snapshot, nothing left to replay, and the text is the same.
      await new Promise((r) => setTimeout(r, 1_000));
      const quiet = await stored(name);
      expect(quiet.updates).toBe(0);
      expect(quiet.snapshotSeq).toBeGreaterThan(0n);
      expect(docToPlainText(await readLiveText(name, null))).toContain('Ligne 9');
      // Never quiet: past 25 updates waiting, it folds them at once, while typing goes on.
      await type(30, 10);
      const forced = await stored(name);
      expect(forced.updates).toBeLessThan(30);
      expect(forced.snapshotSeq).toBeGreaterThan(quiet.snapshotSeq);
      const text = docToPlainText(await readLiveText(name, null));
      for (let i = 0; i < 40; i++) expect(text).toContain(`Ligne ${i}`);
    } finally {
      writer.destroy();
      reader.destroy();
      Object.assign(COMPACTION, saved);
    }
  });
});

describe('storage failure', () => {
  it('closes the writer’s connection unstored, keeps serving, and stores the change once it is sent again', async () => {
    const name = otherDocs[1]!;
    const writer = connectClient(baseUrl, name, cookie);
    const reader = connectClient(baseUrl, name);
    try {
      await Promise.all([writer.synced, reader.synced]);
      const closed = new Promise<number>((resolve) =>
        writer.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
      );
      // The updates' table is out of reach for a moment: a real failure of the database's, not a stub.
      await db().$executeRawUnsafe('ALTER TABLE "CollabUpdate" RENAME TO "CollabUpdateAway"');
      try {
        appendParagraph(writer.doc, 'Écrit pendant la panne');
        expect(await closed).toBe(1011);
        expect(reader.text()).not.toContain('Écrit pendant la panne');
      } finally {
        await db().$executeRawUnsafe('ALTER TABLE "CollabUpdateAway" RENAME TO "CollabUpdate"');
      }
      // The stock client reconnects by itself and sends what the server lacks: stored, then relayed.
      await eventually(() => reader.text().includes('Écrit pendant la panne'), 10_000, 'the change to arrive');
      expect(docToPlainText(await readLiveText(name, null))).toContain('Écrit pendant la panne');
      // The document still takes changes from anyone.
      appendParagraph(writer.doc, 'Après la panne');
      await eventually(() => reader.text().includes('Après la panne'), 5_000, 'the next change to arrive');
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });
});

/**
 * A y-protocols client on a bare \`ws\` socket, to see exactly which frames the server sends: it syncs, then
 * keeps every document update frame it receives.
 */
async function rawClient(name: string, headers: Record<string, string> = {}) {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${name}`, {
    headers: { origin: baseUrl, ...headers },
  });
  const updates: Uint8Array[] = [];
  let synced!: () => void;
  const ready = new Promise<void>((resolve) => (synced = resolve));
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return; // presence
    const kind = decoding.peekVarUint(decoder);
    if (kind === syncProtocol.messageYjsUpdate) updates.push(data);
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
    if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
    if (kind === syncProtocol.messageYjsSyncStep2) synced();
  });
  await new Promise((resolve) => ws.once('open', resolve));
  const hello = encoding.createEncoder();
  encoding.writeVarUint(hello, 0);
  syncProtocol.writeSyncStep1(hello, doc);
  ws.send(encoding.toUint8Array(hello));
  await ready;
  /** Sends a change typing `text` in a paragraph of its own (not applied here: only what comes back is). */
  const type = (text: string) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    appendParagraph(copy, text);
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0);
    syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(copy, before));
    ws.send(encoding.toUint8Array(message));
    copy.destroy();
  };
  /** How many received update frames carry `text`. */
  const received = (text: string) => updates.filter((u) => Buffer.from(u).includes(text)).length;
  return { doc, ws, type, received, text: () => doc.getXmlFragment('default').toString() };
}

describe('fan-out', () => {
  it('sends changes stored together to everyone, once each, and never a writer’s own change back', async () => {
    const name = otherDocs[2]!;
    const writers = await Promise.all([1, 2, 3].map(() => rawClient(name, { cookie })));
    const reader = await rawClient(name);
    try {
      // The three changes leave at once, and the server reads them in one go: they are stored as one batch.
      writers.forEach((w, i) => w.type(`Écrit par ${i + 1}`));
      const until = Date.now() + 150;
      while (Date.now() < until); // (the server runs in this process: it reads once this loop ends)
      const all = [1, 2, 3].map((i) => `Écrit par ${i}`);
      await eventually(() => all.every((t) => reader.text().includes(t)), 5_000, 'the reader to get all three');
      await eventually(
        () => writers.every((w, i) => all.every((t, j) => j === i || w.text().includes(t))),
        5_000,
        'every writer to get the two others',
      );
      await new Promise((r) => setTimeout(r, 200));
      for (const t of all) expect(reader.received(t)).toBe(1);
      writers.forEach((w, i) => all.forEach((t, j) => expect(w.received(t)).toBe(j === i ? 0 : 1)));
      const stored = docToPlainText(await readLiveText(name, null));
      for (const t of all) expect(stored).toContain(t);
    } finally {
      for (const c of [...writers, reader]) {
        c.ws.terminate();
        c.doc.destroy();
      }
    }
  });
});

describe('storing a removed document', () => {
  it('is refused, and nothing of it is stored', async () => {
    const name = otherDocs[3]!;
    const reader = connectClient(baseUrl, name); // loads it, so that it is stored
    await reader.synced;
    reader.destroy();
    const seed = new Y.Doc();
    appendParagraph(seed, 'Trop tard');
    await db().collabDocument.delete({ where: { name } });
    await expect(storeUpdates(name, [Y.encodeStateAsUpdate(seed)])).rejects.toThrow();
    expect(await db().collabUpdate.count({ where: { docName: name } })).toBe(0);
    seed.destroy();
  });
});
