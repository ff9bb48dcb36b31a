import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteWriters } from '~/modules/live-text/storage.server.ts';
import { setDatabase } from '~/utils/db.server.ts';
import { templatePGlite } from '../../tests/setup/database.ts';
import { openDatabase, type OpenedDatabase } from '../database/open.ts';
import { WriterNoteQueue, WriterNotes } from './writer-notes.ts';

let database: OpenedDatabase;
beforeAll(async () => {
  database = await openDatabase({ pglite: await templatePGlite() });
  setDatabase(database);
  const prisma = database.prisma;
  await prisma.program.create({ data: { id: 'p1', slug: 'p1', title: 'Programme', summary: 'Résumé' } });
  await prisma.chapter.create({ data: { id: 'c1', programId: 'p1', position: 1, title: 'Chapitre' } });
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texte.' }] }] };
  for (const [position, id] of [SECTION_A, SECTION_B].entries()) {
    await prisma.section.create({ data: { id, chapterId: 'c1', position, title: `S${position}`, content } });
  }
  for (const id of ['ana', 'ben', 'cleo']) {
    await prisma.member.create({ data: { id, email: `${id}@example.org`, displayName: id, passwordHash: 'x' } });
  }
});
afterAll(async () => {
  setDatabase(undefined);
  await database?.close();
});

const SECTION_A = 'aaaaaaaaaaaaaaaa';
const SECTION_B = 'bbbbbbbbbbbbbbbb';
const A = `section:${SECTION_A}`;
const B = `section:${SECTION_B}`;

/** The writers the changelog would read, as "document member" pairs. */
async function noted(): Promise<string[]> {
  const rows = await database.prisma.liveTextWriter.findMany({ orderBy: [{ docName: 'asc' }, { memberId: 'asc' }] });
  return rows.map((r) => `${r.docName} ${r.memberId} ${r.phase}`);
}

describe('writer notes (who wrote a section directly, issue 17)', () => {
  it('gathers every document’s writers into one statement, and notes a member again only after ten seconds', async () => {
    const writes: number[] = [];
    const queue = new WriterNoteQueue(async (notes) => {
      writes.push(notes.length);
      await noteWriters(notes);
    }, 60_000);
    const a = new WriterNotes(A, queue);
    const b = new WriterNotes(B, queue);
    a.note(['ana', null, 'ben']);
    a.note(['ana']);
    b.note(['ana', 'cleo', undefined]);
    expect(await noted()).toEqual([]);
    await queue.flush();
    // Two documents, four writers, one statement; the public (null) is nobody's name.
    expect(writes).toEqual([4]);
    expect(await noted()).toEqual([
      `${A} ana DRAFTING`,
      `${A} ben DRAFTING`,
      `${B} ana DRAFTING`,
      `${B} cleo DRAFTING`,
    ]);
    // Within ten seconds, the same writers are not noted again: nothing to write.
    a.note(['ana', 'ben']);
    await queue.flush();
    expect(writes).toEqual([4]);
  });

  it('writes by itself after gathering, and notes again a writer whose note failed', async () => {
    let fail = true;
    const written: string[][] = [];
    const queue = new WriterNoteQueue(async (notes) => {
      if (fail) throw new Error('the database is away');
      written.push(notes.map((n) => `${n.name} ${n.memberId}`));
      await noteWriters(notes);
    }, 20);
    const a = new WriterNotes(A, queue);
    a.note(['cleo']);
    await queue.flush();
    expect(written).toEqual([]);
    // The failure forgot the note: Cléo's next keystroke queues it again, and it goes on its own.
    fail = false;
    a.note(['cleo']);
    await expect.poll(() => written, { timeout: 5_000 }).toEqual([[`${A} cleo`]]);
    expect(await noted()).toContain(`${A} cleo DRAFTING`);
  });
});
