/**
 * bench:collab, document part — the cost of ONE document of 10,000 updates inside Plenum's own code, on the
 * embedded database, in a process of its own (run by collab.ts as `node --expose-gc --import tsx`):
 *
 * - memory: how much heap + external memory a loaded document holds, Plenum's LiveDocument (loaded by its cold
 *   path from the database) against a bare Y.Doc holding the same state, and a Y.Doc built update by update as
 *   a live session leaves it; measured on K copies after a forced GC, divided by K;
 * - cold load: `LiveDocument.load` (database read of the snapshot and of the updates stored after it, then
 *   Y.applyUpdate) against a bare `Y.applyUpdate` of the snapshot, medians of many alternated runs. No forced
 *   collection before each run: right after one, every first step costs about half a millisecond more (even a
 *   `SELECT 1` goes from 0.06 to 0.55 ms here, a bare Y.applyUpdate from 0.9 to 2.4-6 ms), which made the ratio
 *   swing from 1 to 3 between runs and which no load in a running server pays.
 *
 * - the schema check (issue 15): microseconds per incoming update (decoded and checked), beside applying it.
 *
 * The 10,000 updates go through the server's own write path (LiveDocument.submit: stored in batches, applied,
 * compacted every 200 updates), so the database ends as a server leaves it. Prints one line of JSON.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { db } from '~/utils/db.server.ts';
import { readEnv } from '~/utils/env.server.ts';
import { install, openAndMigrate } from '../../server/boot.ts';
import { checkUpdate } from '../../app/modules/live-text/schema-check.ts';
import { LiveDocument } from '../../server/collaboration/live-document.ts';
import { readStored } from '../../app/modules/live-text/storage.server.ts';
import { seedDemo } from '../../server/database/seed.ts';

const UPDATES = Number(process.env.BENCH_DOC_UPDATES ?? 10_000);
const WRITERS = 10; // people typing in the document, each in a paragraph of their own
const COPIES = 20; // documents held at once for the memory measure
const BUILT_COPIES = 5; // the same, for documents rebuilt update by update (slower to make)
const RUNS = 100; // alternated timing runs for the cold load
const TAIL = 150; // typing updates stored after the last compaction (+ the writers' paragraphs; at most 200)

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect = () => {
  for (let i = 0; i < 3; i++) gc();
};
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const MiB = 1024 * 1024;

/** A person typing: a Y.Doc that starts from the document's state, types in its own paragraph. */
class Writer {
  readonly doc = new Y.Doc();
  private readonly text = new Y.XmlText();
  private readonly outbox: Uint8Array[] = [];
  private seed = 1;

  constructor(state: Uint8Array, index: number) {
    Y.applyUpdate(this.doc, state, 'load');
    this.seed = index + 1;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'load') this.outbox.push(update);
    });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [this.text]);
    this.doc.getXmlFragment('default').push([paragraph]);
  }

  private random() {
    this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }

  /** One keystroke-sized change: 1 to 3 characters typed at the end, or one erased (1 in 10). */
  type(): Uint8Array {
    if (this.random() < 0.1 && this.text.length > 0) this.text.delete(this.text.length - 1, 1);
    else this.text.insert(this.text.length, 'abcdefghij '.slice(0, 1 + Math.floor(this.random() * 3)));
    return this.take()[0]!;
  }

  take(): Uint8Array[] {
    return this.outbox.splice(0);
  }
}

/** Sends `count` typing updates through the live document's own write path, as clients would. */
async function typeInto(live: LiveDocument, count: number, log?: Uint8Array[]) {
  const state = Y.encodeStateAsUpdate(live.doc);
  const writers = Array.from({ length: WRITERS }, (_, i) => new Writer(state, i));
  for (const w of writers) {
    for (const u of w.take()) {
      log?.push(u);
      await live.submit(u, 'server');
    }
  }
  let last: Promise<void> = Promise.resolve();
  for (let i = 0; i < count; i++) {
    const update = writers[i % WRITERS]!.type();
    log?.push(update);
    last = live.submit(update, 'server');
    if (i % 25 === 24) await last; // a few updates per stored batch, as a busy document gets
  }
  await last;
  for (const w of writers) w.doc.destroy();
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-doc-'));
const env = readEnv({ ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '' });
const database = await openAndMigrate(env);
try {
  install(env, database);
  await seedDemo('base');
  const { id } = await db().section.findFirstOrThrow({ select: { id: true }, orderBy: { id: 'asc' } });
  const name = `section:${id}`;

  // 1. The document of 10,000 updates, written through the server's path, then settled as on unload.
  const live = await LiveDocument.load(name);
  const seedState = Y.encodeStateAsUpdate(live.doc);
  const updates: Uint8Array[] = []; // every update, in the order the document applied them
  const writeStarted = performance.now();
  await typeInto(live, UPDATES, updates);
  await live.settle();
  const writeMs = performance.now() - writeStarted;
  const expected = live.doc.getXmlFragment('default').toString();
  live.doc.destroy();
  const stored = await db().collabDocument.findUniqueOrThrow({ where: { name } });
  const snapshot = new Uint8Array(stored.snapshot);
  const tailBefore = await db().collabUpdate.count({ where: { docName: name } });

  const check = await LiveDocument.load(name);
  if (check.doc.getXmlFragment('default').toString() !== expected) throw new Error('the reloaded document differs');
  check.doc.destroy();

  // 2. Cold load: Plenum's load path against a bare Y.applyUpdate of the same snapshot, alternated.
  const timeLoads = async (runs: number, bare: Uint8Array) => {
    const plenum: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      const loaded = await LiveDocument.load(name);
      plenum.push(performance.now() - t);
      loaded.doc.destroy();
      t = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, bare);
      raw.push(performance.now() - t);
      doc.destroy();
    }
    return { plenumMs: median(plenum), bareMs: median(raw), firstPlenumMs: plenum[0]! };
  };
  const cold = await timeLoads(RUNS, snapshot);
  // Where the difference goes: the one database read of the stored rows (snapshot and the updates after it).
  const queries: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await readStored(name);
    queries.push(performance.now() - t);
  }

  // 3. Memory of a loaded document: K LiveDocuments at once, then K bare Y.Docs of the same snapshot.
  collect();
  let before = used();
  const lives: LiveDocument[] = [];
  for (let i = 0; i < COPIES; i++) lives.push(await LiveDocument.load(name));
  collect();
  const liveBytes = (used() - before) / COPIES;
  for (const l of lives) l.doc.destroy();
  lives.length = 0;
  collect();
  before = used();
  const docs: Y.Doc[] = [];
  for (let i = 0; i < COPIES; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    docs.push(doc);
  }
  collect();
  const bareBytes = (used() - before) / COPIES;
  for (const d of docs) d.destroy();
  docs.length = 0;
  // As a live session leaves it: the seeded state, then every update applied one at a time, as they came.
  collect();
  before = used();
  for (let i = 0; i < BUILT_COPIES; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seedState);
    for (const u of updates) Y.applyUpdate(doc, u);
    docs.push(doc);
  }
  collect();
  const builtBytes = (used() - before) / BUILT_COPIES;
  if (docs[0]!.getXmlFragment('default').toString() !== expected) throw new Error('the rebuilt document differs');
  for (const d of docs) d.destroy();
  docs.length = 0;

  // 4. Cold load with a tail: 150 updates stored after the last compaction (no compaction at load under 200).
  const tailed = await LiveDocument.load(name);
  await typeInto(tailed, TAIL);
  tailed.doc.destroy();
  const tailRows = await db().collabUpdate.count({ where: { docName: name } });
  const tailState = await LiveDocument.load(name);
  const tailSnapshot = Y.encodeStateAsUpdate(tailState.doc);
  tailState.doc.destroy();
  const tail = await timeLoads(RUNS, tailSnapshot);

  // 5. The schema check of an incoming update (issue 15): every update of the document, replayed as the server
  // received it, checked against the document as it stood, then applied; both timed over the same replay.
  const replay = new Y.Doc();
  Y.applyUpdate(replay, seedState);
  let checkMs = 0;
  let applyMs = 0;
  for (const u of updates) {
    let t = performance.now();
    checkUpdate(replay, Y.decodeUpdate(u));
    checkMs += performance.now() - t;
    t = performance.now();
    Y.applyUpdate(replay, u);
    applyMs += performance.now() - t;
  }
  replay.destroy();

  console.log(
    JSON.stringify({
      schemaCheckMicrosPerUpdate: round((checkMs * 1000) / updates.length, 1),
      applyMicrosPerUpdate: round((applyMs * 1000) / updates.length, 1),
      schemaCheckVsApply: round(checkMs / applyMs),
      updates: UPDATES,
      writers: WRITERS,
      writeMs: Math.round(writeMs),
      snapshotBytes: snapshot.byteLength,
      storedUpdatesAfterSettle: tailBefore,
      memoryPerLiveDocumentMiB: round(liveBytes / MiB),
      memoryPerBareYDocMiB: round(bareBytes / MiB),
      memoryPerLiveBuiltYDocMiB: round(builtBytes / MiB),
      coldLoadMs: round(cold.plenumMs),
      coldLoadFirstMs: round(cold.firstPlenumMs),
      bareApplyUpdateMs: round(cold.bareMs),
      coldLoadRatio: round(cold.plenumMs / cold.bareMs),
      coldLoadQueryMs: round(median(queries)),
      tailUpdates: tailRows,
      coldLoadWithTailMs: round(tail.plenumMs),
      bareApplyUpdateWithTailMs: round(tail.bareMs),
      coldLoadWithTailRatio: round(tail.plenumMs / tail.bareMs),
    }),
  );
} finally {
  await database.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
