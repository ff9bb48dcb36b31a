import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionIds } from '../e2e/support/collab.ts';
import { amendingProgram, demoSessions } from '../e2e/support/scenarios.ts';
import { readOutbox } from '../factories/outbox.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

// Attacks on accounts (issue 15): what an attacker can do with the login, sign-up and reset forms alone.
let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target?.stop();
});

/** The address a browser goes to on receiving `location` from the login page. */
const landing = (location: string | null) => new URL(location ?? '', `${target.url}/login`);

/** Every spelling of "go to evil.example" that a browser, a URL parser or a path normaliser might read so. */
const HOSTILE = [
  'https://evil.example/',
  '//evil.example/',
  '/.//evil.example/',
  '/..//evil.example/',
  '/a/..//evil.example/',
  '/%2e//evil.example/',
  '/%2e%2e//evil.example/',
  '/.%2E//evil.example/',
  '/\\evil.example/',
  '/%5Cevil.example/',
  '/%2F%2Fevil.example/',
  '/\t/evil.example/',
  '/%09/evil.example/',
  ' //evil.example/',
  'javascript:alert(1)',
  '/leave?to=https%3A%2F%2Fevil.example%2F',
  '/leave?to=/leave?to=https://evil.example/',
];

describe('open redirects through the login page', () => {
  it('logs in and lands on this site, whatever redirectTo says', async () => {
    const password = target.logins.get(DEMO.member2)!;
    const locations = await underAttack(target, async () => {
      const seen: [string, string | null][] = [];
      for (const redirectTo of HOSTILE.slice(0, 10)) {
        const res = await postForm(
          target,
          '/login',
          new URLSearchParams({ email: DEMO.member2, password, redirectTo }),
        );
        await res.arrayBuffer();
        expect(res.status, redirectTo).toBe(302);
        seen.push([redirectTo, res.headers.get('location')]);
      }
      return seen;
    });
    for (const [redirectTo, location] of locations) {
      expect(landing(location).origin, `${redirectTo} -> ${location}`).toBe(target.url);
    }
  });

  it('sends a member already signed in to this site only, where nothing bounces them elsewhere', async () => {
    const cookie = await target.cookieOf(DEMO.member);
    const locations = await underAttack(target, async () => {
      const seen: [string, string | null][] = [];
      for (const redirectTo of HOSTILE) {
        const res = await fetch(`${target.url}/login?redirectTo=${encodeURIComponent(redirectTo)}`, {
          headers: { cookie },
          redirect: 'manual',
        });
        await res.arrayBuffer();
        expect(res.status, redirectTo).toBe(302);
        seen.push([redirectTo, res.headers.get('location')]);
      }
      return seen;
    });
    for (const [redirectTo, location] of locations) {
      const to = landing(location);
      expect(to.origin, `${redirectTo} -> ${location}`).toBe(target.url);
      // Nor does the page it lands on bounce the browser further: /leave shows the address and waits for a click.
      const next = await fetch(to, { headers: { cookie }, redirect: 'manual' });
      await next.arrayBuffer();
      if (next.status >= 300 && next.status < 400)
        expect(landing(next.headers.get('location')).origin).toBe(target.url);
      else expect(next.status, `${redirectTo} -> ${location}`).toBeLessThan(500);
    }
    // A path of this site is where the member goes.
    const res = await fetch(`${target.url}/login?redirectTo=${encodeURIComponent('/groups?area=Lyon')}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(res.headers.get('location')).toBe('/groups?area=Lyon');
  });

  it('switches the language and stays on this site, whatever redirectTo says', async () => {
    const locations = await underAttack(target, async () => {
      const seen: (string | null)[] = [];
      for (const redirectTo of ['/.//evil.example/', '/%2e%2e//evil.example/', '//evil.example/']) {
        const res = await postForm(target, '/locale', new URLSearchParams({ locale: 'en', redirectTo }));
        await res.arrayBuffer();
        seen.push(res.headers.get('location'));
      }
      return seen;
    });
    for (const location of locations) expect(landing(location).origin).toBe(target.url);
  });
});

describe('mail bombing through the sign-up form', () => {
  it('mails the owner of a taken address five times an hour at most, all at once or one after another', async () => {
    const signUp = () =>
      postForm(
        target,
        '/signup',
        new URLSearchParams({ displayName: 'Mail Bomb', email: DEMO.member3, password: 'a long enough password' }),
      ).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      });
    const statuses = await underAttack(target, async () => {
      const burst = await Promise.all(Array.from({ length: 10 }, signUp));
      const more = [];
      for (let i = 0; i < 4; i++) more.push(await signUp());
      return [...burst, ...more];
    });
    // Every attempt gets the usual "check your inbox": nothing tells the attacker the address is taken.
    expect(new Set(statuses)).toEqual(new Set([200]));
    const mails = await readOutbox(target.outboxDir, DEMO.member3);
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.length).toBeLessThanOrEqual(5);
  });
});

describe('finding out who is a member through a co-author invitation', () => {
  it('answers the same for a member’s address and anyone else’s, and names nobody until they accept', async () => {
    const { post, cookies } = await demoSessions(target);
    await amendingProgram({ post });
    const [section] = await sectionIds(target.url);
    const here = await post(`/p/programme-2027/amend/${section}`, 'camille', {
      kind: 'CHANGE',
      title: 'Qui est membre ?',
      justification: 'Un brouillon pour inviter des adresses.',
    });
    const camille = cookies.get('camille')!;
    /** Invites `email` as Camille and reads the page she is sent to, as her browser would. */
    const invite = async (email: string) => {
      const res = await postForm(target, here, new URLSearchParams({ intent: 'invite', email }), { cookie: camille });
      await res.arrayBuffer();
      const flash = res.headers.get('set-cookie')?.split(';')[0];
      const page = await fetch(`${target.url}${res.headers.get('location')}`, {
        headers: { cookie: [camille, flash].filter(Boolean).join('; ') },
      });
      // What differs on every page anyway: its nonce and request id.
      const html = (await page.text()).replace(/nonce="[^"]*"|\\"requestId\\",\\"[a-z2-7]{16}\\"/g, '');
      return { status: res.status, location: res.headers.get('location'), flash, html };
    };
    const [stranger, member] = await underAttack(target, async () => [
      await invite('not-a-member@example.org'),
      await invite(DEMO.member2),
    ]);
    expect(member.status).toBe(302);
    expect({ ...member, html: undefined }).toEqual({ ...stranger, html: undefined });
    expect(member.html).toBe(stranger.html);
    expect(member.html).not.toContain('Lucía García');

    // Once she accepts, she is one of the authors, by name.
    await post(here, 'lucia', { intent: 'acceptInvite' });
    const page = await (await fetch(`${target.url}${here}`, { headers: { cookie: camille } })).text();
    expect(page).toContain('Lucía García');
  });
});

describe('what the log keeps of all this', () => {
  it('names no address and no link token, in any line the server logged (no SMTP: mails go to the outbox)', async () => {
    // One more reset and sign-up of a fresh address, so that the outbox has both kinds of link.
    const email = `log-check-${Date.now()}@example.org`;
    await underAttack(target, async () => {
      for (const [path, body] of [
        ['/signup', { displayName: 'Log Check', email, password: 'a long enough password' }],
        ['/forgot-password', { email: DEMO.member2 }],
      ] as const) {
        const res = await postForm(target, path, new URLSearchParams(body));
        await res.arrayBuffer();
        expect(res.status).toBe(200);
      }
    });
    const mails = await readOutbox(target.outboxDir);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([email, DEMO.member2]));
    const secrets = new Set<string>();
    for (const mail of mails) {
      secrets.add(mail.to);
      for (const [, token] of mail.body.matchAll(/[?&](?:token|k)=([^&\s]+)/g)) secrets.add(token!);
    }
    // The log is the JSON lines; the demo's logins are printed once at the first start, on purpose.
    const log = target
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(log.some((line) => line.includes('mail written to the outbox'))).toBe(true);
    for (const secret of secrets) {
      expect(
        log.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([]);
    }
  });
});
