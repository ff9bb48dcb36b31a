import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_CURSORS, readQueueCursor } from '../../app/modules/amendments/queue-cursor.ts';
import { CONTROL_SOCKET } from '../../server/backup/control-socket.ts';
import { eventually, sectionIds } from '../e2e/support/collab.ts';
import { sqlOn, startServer, type TestServer } from '../e2e/support/server.ts';
import { DEMO as PROGRAM, draftAmendment, prepareVotedRound } from '../e2e/support/scenarios.ts';
import { readOutbox } from '../factories/outbox.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 16's review of the hostile-input work: what an attacker can forge beyond the forms issue 15 covered. A
 * stop-reminders link rewritten for someone else, follow targets that name what the member may not read (or
 * nothing at all), a bulk decision over more amendments than the queue shows, a setup form stuffed to the body
 * limit, and garbage written to the backup socket. Each is refused in words, stores nothing, and leaves the
 * server answering.
 */

let target: Target;
let voted: Awaited<ReturnType<typeof prepareVotedRound>>;

beforeAll(async () => {
  target = await startTarget();
  voted = await prepareVotedRound(target);
}, 120_000);
afterAll(async () => {
  await target?.stop();
});

/** A page's words, without markup. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.8' };

/** What the attacks left to check in the database once the server stops (the last describe). */
const checked: {
  stop?: { r: string; m: string };
  draftId?: string;
  registers?: { first: string[]; second: string[] };
} = {};

describe('forged stop-reminders links', () => {
  /** The stop link of the call to vote mailed to a demo member. */
  async function stopLinkOf(email: string) {
    let link = '';
    await eventually(
      () => {
        void readOutbox(target.outboxDir, email).then((mails) => {
          link = mails.map((m) => m.body.match(/https?:\/\/\S+\/reminders\/stop\?\S+/)?.[0] ?? '').find(Boolean) ?? '';
        });
        return link !== '';
      },
      30_000,
      `the call to vote mailed to ${email}`,
    );
    return new URL(link);
  }

  it('shows no round and stops nothing for a link rewritten for another member, re-signed or cut', async () => {
    const yanis = await stopLinkOf(DEMO.member3);
    const lucia = await stopLinkOf(DEMO.member2);
    const r = yanis.searchParams.get('r')!;
    const m = yanis.searchParams.get('m')!;
    const s = yanis.searchParams.get('s')!;
    const otherMember = lucia.searchParams.get('m')!;
    expect(otherMember).not.toBe(m);
    const forged: Record<string, string>[] = [
      // Yanis's signature on Lucía's account: the signature covers the member.
      { r, m: otherMember, s },
      // One character of the signature changed, the signature cut, or none.
      { r, m, s: `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}` },
      { r, m, s: s.slice(0, 10) },
      { r, m, s: '' },
      // A signature and a member id thousands of characters long (a longer address is refused by Node: 431).
      { r, m, s: 'x'.repeat(8_000) },
      { r, m: 'm'.repeat(8_000), s },
      // Another round, a round id full of SQL, no round.
      { r: 'nosuchround00000', m, s },
      { r: `${r}' OR '1'='1`, m, s },
      { r: '', m, s },
    ];
    await underAttack(target, async () => {
      for (const link of forged) {
        const query = new URLSearchParams(link).toString();
        const page = await fetch(`${target.url}/reminders/stop?${query}`, { headers: ENGLISH });
        const html = await page.text();
        expect(page.status, `GET ${query.slice(0, 80)}`).toBe(200);
        expect(words(html)).toContain('This link is not valid.');
        expect(html).not.toContain('Amendements au chapitre 1');
        const stop = await postForm(target, '/reminders/stop', new URLSearchParams(link), { headers: ENGLISH });
        expect(stop.status, `POST ${query.slice(0, 80)}`).toBe(400);
        expect(words(await stop.text())).toContain('This link is not valid.');
      }
      // The same parameter twice: the first counts, and it is Yanis's genuine link once.
      const doubled = `r=${r}&r=nosuchround00000&m=${m}&m=${otherMember}&s=${s}`;
      const page = await fetch(`${target.url}/reminders/stop?${doubled}`, { headers: ENGLISH });
      expect(page.status).toBe(200);
      expect(words(await page.text())).toContain('Amendements au chapitre 1');
    });
    // The genuine link works, once: only Yanis stopped his reminders.
    const genuine = await postForm(target, '/reminders/stop', new URLSearchParams({ r, m, s }), { headers: ENGLISH });
    expect(genuine.status).toBe(200);
    expect(words(await genuine.text())).toContain('you will get no more reminders of this vote');
    checked.stop = { r, m };
  }, 120_000);
});

describe('forged follow targets', () => {
  it('refuses targets the member may not read, or that do not exist, and never leaves the site', async () => {
    const camille = voted.cookies.get('camille')!;
    // Lucía's draft: not submitted, so closed to everyone but its authors.
    const sections = await sectionIds(target.url);
    const draftId = await draftAmendment(target, voted, 'lucia', sections[1]!, {
      title: 'Brouillon de Lucía',
      justification: 'Pas encore prêt.',
      text: 'Une phrase que personne ne doit suivre.',
    });
    const refused = [
      `amendment:${draftId}`,
      'amendment:nosuchamendment0',
      'member:abcdef',
      `section:${'a'.repeat(41)}`,
      'program:../../etc/passwd',
      `chapter:${draftId}:x`,
      'amendment:',
      ':',
      'x'.repeat(200_000),
    ];
    await underAttack(target, async () => {
      for (const follow of refused) {
        const res = await postForm(
          target,
          '/follow',
          new URLSearchParams({ intent: 'follow', target: follow, back: '/' }),
          {
            cookie: camille,
            headers: ENGLISH,
          },
        );
        await res.arrayBuffer();
        expect([400, 404], `follow ${follow.slice(0, 60)}`).toContain(res.status);
      }
      // A way back to another site goes home instead.
      for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/ok\nLocation: //evil']) {
        const res = await postForm(
          target,
          '/follow',
          new URLSearchParams({ intent: 'unfollow', target: `amendment:${voted.amendmentId}`, back }),
          { cookie: camille },
        );
        await res.arrayBuffer();
        expect(res.status).toBe(302);
        const location = res.headers.get('location') ?? '';
        expect(location, `back=${JSON.stringify(back)}`).toMatch(/^\/(?![/\\])/);
        expect(location).not.toContain('evil');
      }
    });
    // Camille's page of what she follows lists nothing of the refused targets.
    const me = words(await (await fetch(`${target.url}/me`, { headers: { cookie: camille, ...ENGLISH } })).text());
    expect(me).not.toContain('Brouillon de Lucía');
    checked.draftId = draftId;
  }, 120_000);
});

describe('forged addresses of the moderation queue’s pages', () => {
  /** Cursors as an attacker or a mangled link writes them: almost none parses, and those lists start at the top. */
  const HOSTILE = [
    'x',
    '.',
    '....',
    '1e309.abc',
    'NaN.abc',
    '-Infinity.abc',
    '99999999999999999999999999999.abc',
    '1.5.abc',
    "1.abc' OR '1'='1",
    '1.abc;DROP TABLE "Amendment"',
    `1.${'a'.repeat(65)}`,
    '1.é',
    '1.a.b.c.d.e',
    '%00',
    `${'9'.repeat(400)}.abc`,
  ];

  it('answers every list’s forged cursor with the top of that list, never an error', async () => {
    const moderator = voted.cookies.get('moderation')!;
    const queue = `${target.url}/p/${PROGRAM}/moderation/queue`;
    const read = async (query: string) => {
      const res = await fetch(`${queue}?${query}`, { headers: { cookie: moderator, ...ENGLISH } });
      return { status: res.status, text: words(await res.text()) };
    };
    const top = await read('');
    expect(top.status).toBe(200);
    // The lists as the top page shows them: what each forged cursor must give back.
    const lists = (text: string) =>
      text.slice(text.indexOf('Adopted amendments waiting'), text.indexOf('Moderation log'));
    await underAttack(target, async () => {
      for (const param of Object.keys(QUEUE_CURSORS) as (keyof typeof QUEUE_CURSORS)[]) {
        for (const value of HOSTILE) {
          const page = await read(new URLSearchParams({ [param]: value }).toString());
          expect(page.status, `${param}=${value}`).toBe(200);
          // A cursor of the right shape ("1.5.abc" for the duplicates: a similarity of 1, then two ids) is one.
          if (!readQueueCursor(param, value)) expect(lists(page.text), `${param}=${value}`).toBe(lists(top.text));
        }
      }
      // A NUL byte is refused before any page, in words (server/http/guards.ts).
      const nul = await read('reports=1.abc%00');
      expect(nul.status).toBe(400);
      expect(nul.text.length).toBeGreaterThan(10);
      // Every list forged at once, and a chapter that does not exist: a page still, in words.
      const all = new URLSearchParams({ chapter: 'nochapter' });
      for (const param of ['after', 'collecting', 'updates', 'groups', 'duplicates', 'reports', 'rolls'])
        all.set(param, HOSTILE[7]!);
      const forged = await read(all.toString());
      expect([200, 404]).toContain(forged.status);
      expect(forged.text).not.toMatch(/Error:|at \w+ \(/);
    });
  }, 120_000);
});

describe('forged addresses of a debate’s pages', () => {
  /** ?debate= and ?comment= as a mangled link or an attacker writes them: the debate's first page, in words. */
  const HOSTILE = ['0', '-1', '1.5', '1e309', 'NaN', '9'.repeat(400), "1' OR '1'='1", '%ZZ', 'é', ''];

  it('answers a forged page number or comment with the debate’s first page, for members and the public', async () => {
    const page = `${target.url}/p/${PROGRAM}/amendments/${voted.amendmentId}`;
    const read = async (query: string, cookie?: string) => {
      const res = await fetch(`${page}?${query}`, { headers: { ...ENGLISH, ...(cookie ? { cookie } : {}) } });
      return { status: res.status, text: words(await res.text()) };
    };
    await underAttack(target, async () => {
      for (const cookie of [voted.cookies.get('yanis')!, undefined]) {
        for (const value of [...HOSTILE, 'a'.repeat(65), '<script>alert(1)</script>', 'aaaaaaaaaaaaaaaa']) {
          for (const param of ['debate', 'comment']) {
            const answer = await read(`${param}=${encodeURIComponent(value)}`, cookie);
            expect(answer.status, `${param}=${value}`).toBe(200);
            expect(answer.text, `${param}=${value}`).toContain('Debate');
            expect(answer.text).not.toMatch(/Error:|at \w+ \(|alert\(1\)/);
          }
        }
        // Both at once, repeated: the first of each is read.
        const both = await read('debate=2&debate=x&comment=&comment=aaaaaaaaaaaaaaaa', cookie);
        expect(both.status).toBe(200);
      }
    });
  }, 120_000);
});

describe('a bulk decision over more than the queue shows', () => {
  it('refuses more amendments than a bulk decision takes, and decides none of them', async () => {
    const moderator = voted.cookies.get('moderation')!;
    const queue = `/p/${PROGRAM}/moderation/queue`;
    // 499 fields: just under the form limit, so the module's own limit answers, not the field counter.
    const tooMany = new URLSearchParams({ intent: 'decideBulk', decision: 'INADMISSIBLE', reason: 'Hors sujet' });
    tooMany.append('picked', `${voted.amendmentId}:ADMISSIBLE`);
    for (let i = 0; i < 495; i++) tooMany.append('picked', `forged${'abcdefghij'[i % 10]!.repeat(10)}:QUALIFIED`);
    const overLimit = new URLSearchParams(tooMany);
    for (let i = 0; i < 2000; i++) overLimit.append('picked', `${voted.amendmentId}:ADMISSIBLE`);
    await underAttack(target, async () => {
      const res = await postForm(target, queue, tooMany, { cookie: moderator, headers: ENGLISH });
      expect(res.status).toBe(400);
      const said = words(await res.text());
      // Said once, on the page, though 496 rows were refused.
      expect(said.split('At most 200 amendments at once.').length).toBe(2);
      const counted = await postForm(target, queue, overLimit, { cookie: moderator, headers: ENGLISH });
      expect(counted.status).toBe(413);
      expect(await counted.text()).toMatch(/too many fields/i);
      // A member who is not a moderator, with one real amendment: refused.
      const member = await postForm(
        target,
        queue,
        new URLSearchParams({
          intent: 'decideBulk',
          decision: 'INADMISSIBLE',
          reason: 'Hors sujet',
          picked: `${voted.amendmentId}:ADMISSIBLE`,
        }),
        { cookie: voted.cookies.get('yanis')!, headers: ENGLISH },
      );
      await member.arrayBuffer();
      expect(member.status).toBe(403);
    });
    // The amendment is in a round: still in the vote, with no decision of the forged bulk in the public log.
    const page = words(
      await (await fetch(`${target.url}/p/${PROGRAM}/amendments/${voted.amendmentId}`, { headers: ENGLISH })).text(),
    );
    expect(page).not.toContain('Hors sujet');
  }, 120_000);
});

describe('garbage on the backup socket', () => {
  it('survives bytes that are not HTTP, a header flood and idle connections, then still makes a backup', async () => {
    const socket = path.join(target.dataDir, CONTROL_SOCKET);
    /** Writes `bytes` to the socket and resolves to what came back before it closed (or after `ms`). */
    const send = (bytes: Buffer | string, ms = 2000) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const client = net.createConnection({ path: socket });
        client.on('data', (d: Buffer) => (answer += d.toString('latin1')));
        client.on('error', () => resolve(answer));
        client.on('close', () => resolve(answer));
        client.on('connect', () => client.write(bytes));
        setTimeout(() => {
          client.destroy();
          resolve(answer);
        }, ms);
      });
    const idle = Array.from({ length: 50 }, () => net.createConnection({ path: socket }).on('error', () => {}));
    await underAttack(target, async () => {
      const answers = await Promise.all([
        send(Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256))),
        send('GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'),
        send(`POST /backup HTTP/1.1\r\nHost: x\r\n${'X-Flood: y\r\n'.repeat(20_000)}\r\n`),
        send('POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc'),
      ]);
      expect(answers[0]).toMatch(/^(HTTP\/1\.1 400|)/);
      expect(answers[1]).toMatch(/^HTTP\/1\.1 404/);
      expect(answers[2]).toMatch(/^(HTTP\/1\.1 431|)/);
      expect(answers[3]).toMatch(/^(HTTP\/1\.1 404|)/);
    });
    // Connections that never send a request are dropped by the server: they cannot pile up, or hold its exit.
    await Promise.all(
      idle.map((c) => new Promise((resolve) => (c.destroyed ? resolve(null) : c.once('close', resolve)))),
    );
    // A real backup over the same socket: the snapshot comes back whole.
    const backup = await new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const client = net.createConnection({ path: socket });
      let raw = Buffer.alloc(0);
      client.on('data', (d: Buffer) => (raw = Buffer.concat([raw, d])));
      client.on('error', reject);
      client.on('end', () => {
        const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? -1);
        resolve({ status: Number(head.split(' ')[1]), bytes: raw.length - head.length - 4 === length ? length : -1 });
      });
      client.write('POST /backup HTTP/1.1\r\nHost: plenum\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    expect(backup.status).toBe(200);
    expect(backup.bytes).toBeGreaterThan(100_000);
  }, 120_000);
});

describe('register uploads raced and forged', () => {
  /** Uploads a register as the admin; resolves to the preview's upload id. */
  async function preview(admin: string, lines: string[]) {
    const form = new FormData();
    form.set('file', new File([`email;nom\n${lines.join('\n')}\n`], 'register.csv'));
    const res = await postForm(target, '/admin/register', form, { cookie: admin, headers: ENGLISH });
    const html = await res.text();
    expect(res.status).toBe(200);
    const id = /name="uploadId" value="([^"]+)"/.exec(html)?.[1];
    expect(id, 'the preview names its upload').toBeTruthy();
    return id!;
  }
  const confirm = (admin: string, uploadId: string, columns: Record<string, string> = {}) =>
    postForm(target, '/admin/register', new URLSearchParams({ intent: 'confirm', uploadId, ...columns }), {
      cookie: admin,
      headers: ENGLISH,
    });

  it('refuses forged column choices in words, and settles two imports confirmed at once as one of them', async () => {
    const admin = await target.cookieOf(DEMO.admin);
    const first = ['ana@example.org;Ana', 'bea@example.org;Bea', 'carla@example.org;Carla'];
    const second = ['dani@example.org;Dani', 'eva@example.org;Eva'];
    const a = await preview(admin, first);
    const forged: [Record<string, string>, string][] = [
      [{ 'column.email': '99999' }, 'Choose a column of the file'],
      [{ 'column.email': '-1' }, 'Choose a column of the file'],
      [{ 'column.email': '1e3' }, 'Choose a column of the file'],
      [{ 'column.email': '9'.repeat(5000) }, 'Choose a column of the file'],
      [{ 'column.email': '0', 'column.name': '0' }, 'The same column is chosen for two fields'],
    ];
    await underAttack(target, async () => {
      for (const [columns, message] of forged) {
        for (const intent of ['columns', 'confirm']) {
          const res = await postForm(
            target,
            '/admin/register',
            new URLSearchParams({ intent, uploadId: a, ...columns }),
            { cookie: admin, headers: ENGLISH },
          );
          expect(res.status, `${intent} ${JSON.stringify(columns).slice(0, 60)}`).toBe(400);
          expect(words(await res.text())).toContain(message);
        }
      }
      // Another admin's upload id, or none: gone, in words.
      for (const uploadId of ['', 'nosuchupload0000', `${a}x`]) {
        const res = await confirm(admin, uploadId);
        expect(res.status).toBe(409);
        expect(words(await res.text())).toContain('This preview has expired or was already imported.');
      }
    });
    // Two previews confirmed at the same moment, and the first one twice (a double click): nothing is mixed.
    const b = await preview(admin, second);
    const answers = await underAttack(target, () =>
      Promise.all(
        [a, b, a].map(async (uploadId) => {
          const res = await confirm(admin, uploadId);
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    for (const status of answers) expect([302, 409]).toContain(status);
    expect(answers.filter((s) => s === 302).length).toBeGreaterThanOrEqual(2);
    checked.registers = { first, second };
  }, 120_000);
});

describe('the stored state after the attacks', () => {
  it('holds one reminder stop (the genuine one) and no follow of a forged target', async () => {
    await target.stop({ keep: true });
    const stops = await sqlOn(target, 'SELECT "roundId", "memberId" FROM "ReminderStop"');
    expect(stops).toEqual([{ roundId: checked.stop!.r, memberId: checked.stop!.m }]);
    const follows = await sqlOn(
      target,
      `SELECT target FROM "Follow" WHERE "memberId" IN (SELECT id FROM "Member" WHERE email = '${DEMO.member}')`,
    );
    expect(follows.map((f) => f.target)).not.toContain(`amendment:${checked.draftId}`);
    for (const f of follows) expect(String(f.target)).toMatch(/^(program|chapter|section|amendment):[a-z0-9]+$/);
    // The register holds one of the two files whole: the other's lines lapsed, none half-imported.
    const listed = await sqlOn(target, 'SELECT email FROM "RegisterEntry" WHERE "lapsedAt" IS NULL ORDER BY email');
    const emails = (lines: string[]) => lines.map((l) => l.split(';')[0]).sort();
    expect([emails(checked.registers!.first), emails(checked.registers!.second)]).toContainEqual(
      listed.map((r) => r.email),
    );
    // Each new entry was invited once, whatever the number of imports that ran.
    const invited = (await readOutbox(target.outboxDir)).filter((m) => /example\.org/.test(m.to)).map((m) => m.to);
    expect(invited.length).toBe(new Set(invited).size);
    const decisions = await sqlOn(target, `SELECT status FROM "Amendment" WHERE id = '${voted.amendmentId}'`);
    expect(decisions).toEqual([{ status: 'IN_VOTE' }]);
  }, 120_000);
});

describe('a setup form stuffed to the body limit', () => {
  let fresh: TestServer;
  afterAll(async () => {
    await fresh?.stop();
  });

  it('refuses a megabyte name in words and keeps the one-time setup link working', async () => {
    fresh = await startServer({ env: { PLENUM_DEMO: '0' } });
    const token = /\/setup\?token=([\w-]+)/.exec(fresh.output())?.[1];
    expect(token, 'the setup link printed at the first start').toBeTruthy();
    const fields = (name: string) =>
      new URLSearchParams({
        token: token!,
        movementName: name,
        displayName: 'Alice Admin',
        email: 'alice@example.org',
        password: 'correct horse battery staple',
        confirm: 'correct horse battery staple',
        locales: 'en',
      });
    const res = await postForm(fresh, `/setup?token=${token}`, fields('M'.repeat(1024 * 1024 - 300)), {
      headers: ENGLISH,
    });
    const text = words(await res.text());
    expect(res.status).toBe(400);
    expect(text).toContain('The movement’s name can have at most 120 characters.');
    expect(text).not.toMatch(/Error:|at \w+ \(/);
    const over = await postForm(fresh, `/setup?token=${token}`, fields('M'.repeat(2 * 1024 * 1024)), {
      headers: ENGLISH,
    });
    expect(over.status).toBe(413);
    await over.arrayBuffer();
    // The link still sets the movement up.
    const page = await fetch(`${fresh.url}/setup?token=${token}`, { headers: ENGLISH });
    expect(page.status).toBe(200);
    expect(fresh.output()).not.toMatch(/"status":5\d\d/);
  }, 120_000);
});
