import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE, parseWriteEndedReason } from '../../app/modules/live-text/names.ts';
import { appendParagraph, connectClient, eventually, sectionIds } from '../e2e/support/collab.ts';
import { amendingProgram, demoSessions, draftAmendment, type DemoSession } from '../e2e/support/scenarios.ts';
import { sqlOn } from '../e2e/support/server.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 17 added inputs that only the generated route test attacked: the reason a moderator gives when dismissing
 * a pair of possible duplicates, the public audit page's filters, Word files with footnotes and tables (ADR 0023),
 * and the close of many writers at once when the right to write ends (ADR 0025). Each is attacked here against
 * one real server: no 5xx, /healthz answers within a second, and nothing refused is stored.
 */

let target: Target;
let session: DemoSession;
let sections: string[];
let moderator: string;
const SLUG = 'programme-2027';

beforeAll(async () => {
  target = await startTarget();
  session = await demoSessions(target);
  moderator = await target.cookieOf(DEMO.moderator);
  sections = await sectionIds(target.url, moderator);
});
afterAll(async () => {
  await target?.stop();
});

/** A page's text as a reader sees it: tags out, entities of quotes read, spaces folded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, '’')
    .replace(/\s+/g, ' ');

const FRENCH = 'fr-FR,fr;q=0.9';
const ENGLISH = 'en-GB,en;q=0.8';

/** A GET as `cookie` (or the public): status, location and body. */
async function visit(path: string, cookie?: string, language = ENGLISH) {
  const headers: Record<string, string> = { 'accept-language': language };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${target.url}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** The close a stock client's connection gets next: its code and reason. */
function nextClose(client: ReturnType<typeof connectClient>) {
  return new Promise<{ code: number; reason: string }>((resolve) =>
    client.provider.once('connection-close', (event: { code: number; reason: string } | null) =>
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
    ),
  );
}

describe('sixty writers lose the right to write at once (ADR 0025)', () => {
  it('closes every socket with 4010 and why, stores nothing sent after, and keeps serving readers', async () => {
    const docName = `section:${sections[0]}`;
    const members = [DEMO.member, DEMO.member2, DEMO.member3];
    const cookies = await Promise.all(members.map((email) => target.cookieOf(email)));
    const writers = Array.from({ length: 60 }, (_, i) => connectClient(target.url, docName, cookies[i % 3]));
    const reader = connectClient(target.url, docName);
    try {
      await Promise.all([reader.synced, ...writers.map((w) => w.synced)]);
      writers.forEach((w, i) => appendParagraph(w.doc, `Avant la fin ${i}.`));
      await eventually(
        () => writers.every((_, i) => reader.text().includes(`Avant la fin ${i}.`)),
        20_000,
        'the 60 writers’ paragraphs to be relayed',
      );
      const closedAt: number[] = [];
      const closes = writers.map((w) =>
        nextClose(w).then((close) => {
          closedAt.push(performance.now());
          return close;
        }),
      );
      // Each writer types again the moment it is closed: the stock client resends it when it reconnects.
      const refusals = writers.map(async (w, i) => {
        await closes[i];
        appendParagraph(w.doc, `Après la fin ${i}.`);
        // y-websocket stops reconnecting after a code in 4400-4499: the refusal is the connection's last close.
        return nextClose(w);
      });
      let answeredAt = 0;
      const [closed, refused] = await underAttack(target, async () => {
        await amendingProgram(session, { value: 3 });
        answeredAt = performance.now();
        return Promise.all([
          withTimeout(Promise.all(closes), 15_000, 'the 60 closes'),
          withTimeout(Promise.all(refusals), 30_000, 'the 60 refusals'),
        ]);
      });
      // A figure, not an assertion (the machine is shared): the re-check runs every 2 s.
      console.log(
        `last of 60 closes ${Math.round(Math.max(...closedAt) - answeredAt)} ms after the phase change was answered`,
      );
      for (const close of closed) {
        expect(close.code).toBe(CLOSE.writeEnded);
        // Why, and since when: the new phase's start, the same for every writer.
        expect(parseWriteEndedReason(close.reason)).toEqual(parseWriteEndedReason(closed[0]!.reason));
        expect(parseWriteEndedReason(close.reason).reason).toBe('phase');
        expect(parseWriteEndedReason(close.reason).since).not.toBeNull();
      }
      for (const refusal of refused) {
        expect(refusal.code).toBe(CLOSE.readOnly);
        expect(parseWriteEndedReason(refusal.reason).reason).toBe('phase');
      }

      // A reader connecting now gets what was written before, none of what was sent after.
      const newcomer = connectClient(target.url, docName);
      try {
        await withTimeout(newcomer.synced, 10_000, 'a new reader to sync');
        for (let i = 0; i < 60; i++) {
          expect(newcomer.text()).toContain(`Avant la fin ${i}.`);
          expect(newcomer.text()).not.toContain(`Après la fin ${i}.`);
        }
        expect(reader.text()).not.toContain('Après la fin');
        expect(reader.provider.wsconnected).toBe(true);
      } finally {
        newcomer.destroy();
      }
      const page = await visit(`/p/${SLUG}/sections/${sections[0]}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Avant la fin 59.');
      expect(page.html).not.toContain('Après la fin');
    } finally {
      for (const w of writers) w.destroy();
      reader.destroy();
    }
  });
});

/** Resolves to `promise`, or rejects after `ms` naming what did not come (a dead server is reported as such). */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        target.assertAlive();
        reject(new Error(`no ${what} within ${ms} ms`));
      }, ms);
    }),
  ]);
}

describe('the reason a moderator gives for “not duplicates”', () => {
  const SAME = 'Le référendum local peut être demandé par 2 % des inscrits de la commune.';
  /** A, B and C add the same sentence to section 2 (three listed pairs); D another to section 3. */
  const ids = { a: '', b: '', c: '', d: '' };
  const QUEUE = `/p/${SLUG}/moderation/queue`;
  const SCRIPT = '<script>alert("dup")</script><img src=x onerror=alert(2)>';
  const RTL = 'Motif \u202Efdp.exe\u202C et suite';

  beforeAll(async () => {
    const drafts = [
      ['a', 'camille', sections[1]!, SAME],
      ['b', 'lucia', sections[1]!, SAME],
      ['c', 'yanis', sections[1]!, SAME],
      ['d', 'camille', sections[2]!, SAME],
    ] as const;
    for (const [key, who, section, text] of drafts) {
      ids[key] = await draftAmendment(target, session, who, section, {
        title: `Doublon ${key.toUpperCase()}`,
        justification: 'Une proposition discutée en assemblée locale.',
        text,
      });
      await session.post(`/p/${SLUG}/amendments/${ids[key]}`, who, { intent: 'submit' });
    }
  });

  /** The pairs the queue lists, each as its form sends it. */
  async function listedPairs() {
    const { html } = await visit(QUEUE, moderator);
    return [
      ...html.matchAll(
        /name="id" value="([a-z2-7]{16})"\/><input type="hidden" name="otherId" value="([a-z2-7]{16})"/g,
      ),
    ].map((m) => ({ id: m[1]!, otherId: m[2]! }));
  }
  const pairOf = async (x: string, y: string) => {
    const pair = (await listedPairs()).find((p) => [p.id, p.otherId].sort().join() === [x, y].sort().join());
    if (!pair) throw new Error(`the pair ${x} ${y} is not listed`);
    return pair;
  };

  /** Posts the dismiss form as `cookie` (or the public), in `language`. */
  async function dismiss(fields: Record<string, string>, cookie: string | undefined, language = ENGLISH) {
    const res = await postForm(target, QUEUE, new URLSearchParams({ intent: 'dismissDuplicate', ...fields }), {
      ...(cookie ? { cookie } : {}),
      headers: { 'accept-language': language },
    });
    const html = await res.text();
    return { status: res.status, location: res.headers.get('location'), html, text: textOf(html) };
  }

  it('refuses an empty, a too short, a 100 KB or an invisible reason, in English and French, storing nothing', async () => {
    const pair = await pairOf(ids.a, ids.b);
    const cases = [
      { reason: '', en: /Say why \(at least 3 characters\)/, fr: /Indiquez le motif \(au moins 3 caractères\)/ },
      { reason: 'ab', en: /Say why \(at least 3 characters\)/, fr: /Indiquez le motif \(au moins 3 caractères\)/ },
      {
        reason: '   \n\t ',
        en: /Say why \(at least 3 characters\)/,
        fr: /Indiquez le motif \(au moins 3 caractères\)/,
      },
      // NULs are dropped from every form (forms.server.ts): what is left is too short.
      { reason: '\0\0\0\0a\0', en: /Say why \(at least 3 characters\)/, fr: /Indiquez le motif/ },
      {
        reason: 'Motif\u0001\u0007 caché',
        en: /Remove the invisible control characters/,
        fr: /Retirez les caractères de contrôle invisibles/,
      },
      {
        reason: 'x'.repeat(100 * 1024),
        en: /The reason can have at most 500 characters/,
        fr: /Le motif peut compter au plus 500 caractères/,
      },
    ];
    const answers = await underAttack(target, async () => {
      const out = [];
      for (const c of cases) {
        out.push([
          c,
          await dismiss({ ...pair, reason: c.reason }, moderator),
          await dismiss({ ...pair, reason: c.reason }, moderator, FRENCH),
        ] as const);
      }
      return out;
    });
    for (const [c, en, fr] of answers) {
      expect(en.status, JSON.stringify(c.reason.slice(0, 20))).toBe(400);
      expect(en.text).toMatch(c.en);
      expect(fr.status).toBe(400);
      expect(fr.text).toMatch(c.fr);
    }
    expect(await pairOf(ids.a, ids.b)).toEqual(pair);
  });

  it('refuses unknown ids, a pair across two sections and an amendment paired with itself', async () => {
    const answers = await underAttack(target, async () => ({
      unknown: await dismiss({ id: 'aaaaaaaaaaaaaaaa', otherId: ids.b, reason: 'Différents' }, moderator),
      unknownFr: await dismiss({ id: ids.a, otherId: 'aaaaaaaaaaaaaaaa', reason: 'Différents' }, moderator, FRENCH),
      garbage: await dismiss({ id: '../../etc/passwd', otherId: 'x'.repeat(5_000), reason: 'Différents' }, moderator),
      missing: await dismiss({ reason: 'Différents' }, moderator),
      acrossSections: await dismiss({ id: ids.a, otherId: ids.d, reason: 'Différents' }, moderator),
      acrossSectionsFr: await dismiss({ id: ids.a, otherId: ids.d, reason: 'Différents' }, moderator, FRENCH),
      itself: await dismiss({ id: ids.a, otherId: ids.a, reason: 'Différents' }, moderator),
    }));
    expect(answers.unknown.status).toBe(404);
    expect(answers.unknown.text).toMatch(/Page not found/);
    expect(answers.unknownFr.status).toBe(409);
    expect(answers.unknownFr.text).toMatch(/Ces deux amendements ne peuvent pas être comparés/);
    expect(answers.garbage.status).toBe(400);
    expect(answers.missing.status).toBe(400);
    expect(answers.acrossSections.status).toBe(409);
    expect(answers.acrossSections.text).toMatch(/These two amendments cannot be compared/);
    expect(answers.acrossSectionsFr.text).toMatch(/Ces deux amendements ne peuvent pas être comparés/);
    expect(answers.itself.status).toBe(409);
    expect((await listedPairs()).length).toBe(3);
  });

  it('refuses a plain member (403) and sends the public to log in, storing nothing', async () => {
    const pair = await pairOf(ids.a, ids.b);
    const camille = await target.cookieOf(DEMO.member);
    const [member, memberFr, visitor] = await underAttack(target, async () => [
      await dismiss({ ...pair, reason: 'Je décide moi-même' }, camille),
      await dismiss({ ...pair, reason: 'Je décide moi-même' }, camille, FRENCH),
      await dismiss({ ...pair, reason: 'Le public décide' }, undefined),
    ]);
    expect([403, 404]).toContain(member.status);
    expect(member.text).toMatch(/Not allowed|Page not found/);
    expect(memberFr.text).toMatch(/Accès non autorisé|Page introuvable/);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
    expect((await listedPairs()).length).toBe(3);
    const audit = await visit(`/p/${SLUG}/audit?kind=decisions`);
    expect(audit.html).not.toContain('Je décide moi-même');
    expect(audit.html).not.toContain('Le public décide');
  });

  it('stores the same pair once when 20 dismissals of it arrive at once, in both orders', async () => {
    const pair = await pairOf(ids.a, ids.b);
    const answers = await underAttack(target, () =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          dismiss(
            i % 2 ? { id: pair.otherId, otherId: pair.id, reason: SCRIPT } : { ...pair, reason: SCRIPT },
            moderator,
          ),
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.location).toBe(QUEUE);
    }
    const left = await listedPairs();
    expect(left.length).toBe(2);
    expect(left.some((p) => [p.id, p.otherId].includes(ids.a) && [p.id, p.otherId].includes(ids.b))).toBe(false);
  });

  it('keeps right-to-left overrides inside the reason’s own cell', async () => {
    const pair = await pairOf(ids.a, ids.c);
    const answer = await underAttack(target, () => dismiss({ ...pair, reason: RTL }, moderator));
    expect(answer.status).toBe(302);
    for (const path of [`/p/${SLUG}/audit?kind=decisions`, `/p/${SLUG}/moderation`]) {
      const { status, html } = await visit(path);
      expect(status).toBe(200);
      // The override and its end stay in one table cell, which ends the override for whatever follows.
      expect(html).toMatch(/<td>Motif \u202Efdp\.exe\u202C et suite<\/td>/);
    }
  });

  it('shows the script as text on the public audit page and the moderation log', async () => {
    for (const path of [`/p/${SLUG}/audit`, `/p/${SLUG}/audit?kind=decisions`, `/p/${SLUG}/moderation`]) {
      const { status, html } = await visit(path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(
        '&lt;script&gt;alert(&quot;dup&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',
      );
      expect(html, path).not.toContain('<script>alert(');
      expect(html, path).not.toContain('<img src=x');
      // Shown once: the 19 other dismissals of the pair recorded nothing.
      expect(html.split('&lt;script&gt;alert(&quot;dup&quot;)').length - 1, path).toBe(1);
    }
  });
});

describe('the public audit page’s filters', () => {
  it('answers any kind and page with the first page of every kind, never a 5xx', async () => {
    const queries: [string, number][] = [
      ['?kind=garbage', 200],
      ['?kind=', 200],
      ['?kind=decisions&kind=locks&kind=settings', 200],
      // Names every object inherits: `?kind=__proto__` answered 500.
      ['?kind=__proto__', 200],
      ['?kind=constructor', 200],
      ['?kind=toString', 200],
      ['?kind=hasOwnProperty', 200],
      [`?kind=decisions&page=${'9'.repeat(6_000)}`, 200],
      ['?page=-1', 200],
      ['?page=0', 200],
      ['?page=1e9', 200],
      ['?page=NaN', 200],
      ['?page=99999999999999999999', 200],
      ['?page=1.5', 200],
      // Read as page 16 (Number reads hexadecimal): a page past the end, empty.
      ['?page=0x10', 200],
      ['?page=&page=2', 200],
      ['?kind=%E2%80%AEdecisions', 200],
      // Longer than the server reads a request's head: refused before the app.
      [`?kind=${'k'.repeat(100_000)}`, 431],
      // A NUL or bytes that are no UTF-8 in the address: refused as a bad request.
      ['?page=%00', 400],
      ['?kind=%00decisions', 400],
      ['?kind=%ff%fe', 400],
    ];
    const answers = await underAttack(target, async () => {
      const out = [];
      for (const [query, expected] of queries)
        out.push({ query, expected, ...(await visit(`/p/${SLUG}/audit${query}`)) });
      return out;
    });
    for (const answer of answers) {
      expect(answer.status, answer.query.slice(0, 40)).toBe(answer.expected);
      if (answer.status === 200) {
        expect(answer.html).toContain('Audit log');
        // Unknown kinds and pages read as all kinds, first page: the dismissal made above is listed.
        if (!/page=(9|0x)/.test(answer.query)) expect(answer.html, answer.query).toContain('Pair dismissed');
      }
    }
  });

  it('answers a hidden program’s audit page as a program that does not exist, without its title', async () => {
    const hidden = { slug: 'audit-secret', title: 'Programme interne très confidentiel', summary: 'Bureau seul.' };
    const created = await postForm(target, '/programs/new', new URLSearchParams(hidden), { cookie: moderator });
    expect(created.status).toBe(302);
    const answers = await underAttack(target, async () => {
      const out = [];
      for (const query of ['', '?kind=decisions', '?kind=garbage&page=1e9', '?page=-1'])
        for (const slug of [hidden.slug, 'no-such-program'])
          out.push({ slug, query, ...(await visit(`/p/${slug}/audit${query}`)) });
      return out;
    });
    for (const answer of answers) {
      expect(answer.status, `${answer.slug}${answer.query}`).toBe(404);
      expect(answer.html).not.toContain(hidden.title);
      expect(answer.html).not.toContain(hidden.summary);
    }
    // Its moderator reads it.
    const own = await visit(`/p/${hidden.slug}/audit?kind=garbage&page=0`, moderator);
    expect(own.status).toBe(200);
  });
});

describe('malformed Word files with footnotes and tables (ADR 0023)', () => {
  const IMPORT = `/p/${SLUG}/import`;
  const fixture = (tool: string) => readFileSync(new URL(`../fixtures/docx/${tool}.docx`, import.meta.url));

  /** A fixture with some of its parts rewritten (`null` removes a part). */
  async function broken(
    tool: string,
    edit: (parts: { document: string; footnotes: string }) => {
      document?: string;
      footnotes?: string | null;
    },
  ) {
    const zip = await JSZip.loadAsync(fixture(tool));
    const document = await zip.file('word/document.xml')!.async('string');
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    const changed = edit({ document, footnotes });
    if (changed.document !== undefined) zip.file('word/document.xml', changed.document);
    if (changed.footnotes === null) zip.remove('word/footnotes.xml');
    else if (changed.footnotes !== undefined) zip.file('word/footnotes.xml', changed.footnotes);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  /** Sends a file as the import form does; the status and the page's text. */
  async function upload(bytes: Uint8Array, language = ENGLISH) {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], 'programme.docx'));
    const res = await postForm(target, IMPORT, form, { cookie: moderator, headers: { 'accept-language': language } });
    return { status: res.status, text: textOf(await res.text()) };
  }

  /** The first section's closing paragraph gets `xml` before it: where every fixture has body text. */
  const beforeBodyEnd = (document: string, xml: string) => document.replace(/<w:sectPr/, `${xml}<w:sectPr`);
  const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const table = (rows: number) =>
    `<w:tbl>${`<w:tr><w:tc>${paragraph('cellule')}</w:tc><w:tc>${paragraph('autre')}</w:tc></w:tr>`.repeat(rows)}</w:tbl>`;
  const nested = (depth: number): string =>
    depth === 0
      ? paragraph('au fond')
      : `<w:tbl><w:tr><w:tc>${nested(depth - 1)}${paragraph('x')}</w:tc></w:tr></w:tbl>`;
  const footnote = (id: number, body: string) => `<w:footnote w:id="${id}">${body}</w:footnote>`;

  let chaptersBefore: number;
  beforeAll(async () => {
    chaptersBefore = await chapterCount();
  });
  /** The chapters the program page lists (what a reader sees). */
  async function chapterCount() {
    const { html } = await visit(`/p/${SLUG}`, moderator);
    return new Set([...html.matchAll(/\/chapters\/([a-z2-7]{16})"/g)].map((m) => m[1])).size;
  }

  const PREVIEW = /Preview: 2 chapters and 3 sections/;
  const UNREADABLE = /could not be read/;

  it.each(['pandoc', 'libreoffice'])(
    'reads a %s file whose notes are missing, broken or point nowhere',
    async (tool) => {
      const files = {
        noFootnotesPart: await broken(tool, () => ({ footnotes: null })),
        malformedFootnotes: await broken(tool, ({ footnotes }) => ({
          footnotes: footnotes.slice(0, footnotes.length / 2),
        })),
        unknownNote: await broken(tool, ({ document }) => ({
          document: document.replace(/<w:footnoteReference w:id="\d+" ?\/>/, '<w:footnoteReference w:id="987654"/>'),
        })),
      };
      const answers = await underAttack(target, async () => {
        const out: Record<string, Awaited<ReturnType<typeof upload>>> = {};
        for (const [name, bytes] of Object.entries(files)) out[name] = await upload(bytes);
        out.malformedFr = await upload(files.malformedFootnotes, FRENCH);
        return out;
      });
      for (const [name, answer] of Object.entries(answers)) {
        if (answer.status === 200) expect(answer.text, name).toMatch(/Preview: 2 chapters and 3 sections|Aperçu/);
        else {
          expect(answer.status, name).toBe(400);
          expect(answer.text, name).toMatch(name.endsWith('Fr') ? /n’a pas pu être lu|Ce fichier/ : UNREADABLE);
        }
      }
      // A note pointing nowhere is left out; the text around it stays.
      expect(answers.unknownNote!.status).toBe(200);
      expect(answers.unknownNote!.text).toMatch(PREVIEW);
    },
  );

  it('reads a footnote holding a table and a reference to itself once, without recursion', async () => {
    const bytes = await broken('pandoc', ({ footnotes }) => ({
      footnotes: footnotes.replace(
        /(<w:footnote w:id="20">)/,
        `$1<w:tbl><w:tr><w:tc>${paragraph('Note en tableau')}<w:p><w:r><w:footnoteReference w:id="20"/></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:footnoteReference w:id="20"/></w:r></w:p>`,
      ),
    }));
    const answer = await underAttack(target, () => upload(bytes));
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(PREVIEW);
    expect(answer.text).toMatch(/\[Note: Note en tableau/);
  });

  const hostile: Record<string, () => Promise<Uint8Array>> = {
    'a table of 20,000 rows': () =>
      broken('pandoc', ({ document }) => ({ document: beforeBodyEnd(document, table(20_000)) })),
    'a table nested 200 deep': () =>
      broken('libreoffice', ({ document }) => ({ document: beforeBodyEnd(document, nested(200)) })),
    '10,000 footnotes': () =>
      broken('pandoc', ({ document, footnotes }) => ({
        document: beforeBodyEnd(
          document,
          `<w:p>${Array.from({ length: 10_000 }, (_, i) => `<w:r><w:t>m${i}</w:t></w:r><w:r><w:footnoteReference w:id="${1000 + i}"/></w:r>`).join('')}</w:p>`,
        ),
        footnotes: footnotes.replace(
          '</w:footnotes>',
          Array.from({ length: 10_000 }, (_, i) => footnote(1000 + i, paragraph(`note ${i}`))).join('') +
            '</w:footnotes>',
        ),
      })),
  };

  it.each(Object.keys(hostile))('refuses with a reason, or previews, %s', async (name) => {
    const bytes = await hostile[name]!();
    const answer = await underAttack(target, () => upload(bytes));
    console.log(`${name}: ${answer.status} ${answer.text.match(/Preview: [^.]*|This [^.]*\./)?.[0] ?? ''}`);
    if (answer.status === 200) expect(answer.text).toMatch(PREVIEW);
    else {
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(
        /This (Word )?file [^.]*(could not be read|too long|nests|more than)|it is too long or too complex/,
      );
    }
  });

  it('imported none of them', async () => {
    expect(await chapterCount()).toBe(chaptersBefore);
  });
});

describe('what was stored', () => {
  it('one dismissal per pair, one audit line each, no refused reason', async () => {
    await target.stop({ keep: true });
    const rows = await sqlOn(target, `SELECT reason FROM "DuplicateDismissal" ORDER BY reason`);
    expect(rows.map((r) => r.reason)).toEqual(
      ['<script>alert("dup")</script><img src=x onerror=alert(2)>', 'Motif \u202Efdp.exe\u202C et suite'].sort(),
    );
    const audit = await sqlOn(
      target,
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'amendment.not_duplicate'`,
    );
    expect(audit[0]).toEqual({ n: 2 });
  });
});
