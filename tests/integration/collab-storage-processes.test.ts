import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStored } from '../../app/modules/live-text/storage.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { compactDocument, storeStatement, storeUpdates } from '../../app/modules/live-text/storage.server.ts';
import { cloneTestDatabase } from '../setup/database.ts';

// Several processes storing and compacting one live document at once, on PostgreSQL (the embedded database has
// one connection and one process: nothing there can interleave). vitest.config.ts runs this file on PostgreSQL only.

let clone: Awaited<ReturnType<typeof cloneTestDatabase>>;
beforeAll(async () => {
  clone = await cloneTestDatabase();
  setDatabase(clone.database);
});
afterAll(async () => {
  await clone.database.close();
  setDatabase(undefined);
  await clone.drop();
});

/** A client's change: `text` typed at the start of the shared text, from the given state. */
function change(state: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

async function storedText(name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const row of await readStored(name)) Y.applyUpdate(doc, row.data);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}

describe('storage shared by several processes', () => {
  it('never folds a later update while an earlier one is still being written', async () => {
    const name = 'section:aaaaaaaaaaaaaaaa';
    const seed = new Y.Doc();
    seed.getText('t').insert(0, 'Texte.');
    const state = Y.encodeStateAsUpdate(seed);
    await db().collabDocument.create({ data: { name, snapshot: new Uint8Array(state) } });

    // Process A has written its update (id n) but not committed yet.
    const processA = new pg.Client({ connectionString: clone.url });
    await processA.connect();
    try {
      await processA.query('BEGIN');
      const { sql, params } = storeStatement(name, [change(state, 'Cent. ')]);
      await processA.query(sql, params);
      // Process B stores the next one (id n + 1), committed at once, then compacts.
      await storeUpdates(name, [change(state, 'Cent un. ')]);
      let compacted = false;
      const compaction = compactDocument(name).then(() => (compacted = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(compacted, 'the compaction waits for the write in flight').toBe(false);
      await processA.query('COMMIT');
      await compaction;
    } finally {
      await processA.end();
    }
    const text = await storedText(name);
    expect(text).toContain('Cent. ');
    expect(text).toContain('Cent un. ');
    expect(text).toContain('Texte.');
    // And the next compaction keeps them both.
    await compactDocument(name);
    expect(await storedText(name)).toBe(text);
  });
});
