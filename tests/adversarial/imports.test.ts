import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MAX_UNPACKED_BYTES } from '../../app/modules/programs/docx.server.ts';
import { sqlOn } from '../e2e/support/server.ts';
import { docxBomb, lieAboutSize } from '../factories/docx.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 15, item 4: a 123 KB .docx that unpacks to 30 MB froze the server for six minutes at 1.25 GB, and
 * Markdown imports slowed down faster than they grew. Sizes are checked before unpacking, conversions run in a
 * worker with limits of time and memory, and the server keeps answering during any import.
 */

let target: Target;
let moderator: string;
let chaptersBefore: number;
const IMPORT = '/p/programme-2027/import';

beforeAll(async () => {
  target = await startTarget();
  moderator = await target.cookieOf(DEMO.moderator);
  chaptersBefore = await chapterCount();
});
afterAll(async () => {
  await target?.stop();
});

/** The chapters the program page lists (what a reader sees). */
async function chapterCount() {
  const html = await (await fetch(`${target.url}/p/programme-2027`, { headers: { cookie: moderator } })).text();
  return new Set([...html.matchAll(/\/chapters\/([a-z2-7]{16})"/g)].map((m) => m[1])).size;
}

/** Sends a file to the import page as the browser's form does; returns the status and the page's text. */
async function upload(name: string, bytes: Uint8Array | string, language = 'en-GB,en;q=0.8') {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  const res = await postForm(target, IMPORT, form, { cookie: moderator, headers: { 'accept-language': language } });
  const html = await res.text();
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, '’')
    .replace(/\s+/g, ' ');
  return { status: res.status, text };
}

describe('hostile imports', () => {
  it('refuses the issue’s zip bomb before unpacking it, in the user’s language', async () => {
    const bomb = await docxBomb({ unpackedBytes: 30 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    const [en, fr] = await underAttack(target, () =>
      Promise.all([upload('programme.docx', bomb), upload('programme.docx', bomb, 'fr-FR,fr;q=0.9')]),
    );
    expect(en).toMatchObject({ status: 400 });
    expect(en.text).toMatch(/This Word file unpacks to more than 16 MB/);
    expect(fr).toMatchObject({ status: 400 });
    expect(fr.text).toMatch(/Ce fichier Word fait plus de 16 Mo une fois décompressé/);
  });

  it('refuses a file of thousands of parts, and one that lies about its sizes', async () => {
    const [parts, liar] = await underAttack(target, async () => [
      await upload('parts.docx', await docxBomb({ extraParts: 5_000 })),
      await upload(
        'liar.docx',
        lieAboutSize(await docxBomb({ unpackedBytes: 4 * DOCX_MAX_UNPACKED_BYTES }), 'word/document.xml', 4096),
      ),
    ]);
    expect(parts).toMatchObject({ status: 400 });
    expect(parts.text).toMatch(/holds more than 1,000 parts/);
    expect(liar).toMatchObject({ status: 400 });
    expect(liar.text).toMatch(/This Word file could not be read/);
  });

  it('keeps answering while files just under the limits are converted, several at once', async () => {
    const heavy = await docxBomb({ unpackedBytes: DOCX_MAX_UNPACKED_BYTES - 512 * 1024 });
    const answers = await underAttack(target, () =>
      Promise.all([upload('lourd.docx', heavy), upload('lourd.docx', heavy), upload('lourd.docx', heavy)]),
    );
    for (const answer of answers) {
      // Too long to import, or stopped by the worker's limits: a reason either way, never a 500.
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/too long for one import|too long or too complex/);
    }
  });

  it('reads pathological Markdown in time proportional to it, off the server’s thread', async () => {
    const heading = '# Programme\n\n## Section\n\n';
    const files = {
      'emphasis.md': heading + '*a '.repeat(300_000),
      'brackets.md': heading + '[a]('.repeat(200_000),
      'list.md': heading + '1. a\n'.repeat(8_000),
    };
    const answers = await underAttack(target, async () => {
      const out = [];
      for (const [name, text] of Object.entries(files)) out.push(await upload(name, text));
      return out;
    });
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toMatch(/Preview: 1 chapter and 1 section/);
    }
  });

  it('refuses Markdown too long for one import, with a clear message', async () => {
    const text = '# Programme\n\n## Section\n\n' + '*a '.repeat(1_500_000);
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    const answer = await underAttack(target, () => upload('long.md', text));
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/This file is too long for one import/);
  });

  it('refuses Markdown nested thousands deep with a clear message', async () => {
    const deep = await underAttack(target, () => upload('deep.md', `# A\n\n## B\n\n${'> '.repeat(50_000)}x`));
    expect(deep.status).toBe(400);
    expect(deep.text).toMatch(/nests lists or quotes more than 32 levels deep/);
  });

  it('added nothing to the program', async () => {
    expect(await chapterCount()).toBe(chaptersBefore);
    await target.stop({ keep: true });
    const rows = await sqlOn(target, `SELECT count(*)::int AS n FROM "Chapter" WHERE title = 'Bombe'`);
    expect(rows[0]).toEqual({ n: 0 });
  });
});
