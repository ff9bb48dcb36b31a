import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, readOutbox } from '../factories/outbox.ts';
import { sessionCookie } from '../e2e/support/collab.ts';
import { DEMO as PROGRAM, prepareVotedRound } from '../e2e/support/scenarios.ts';
import { postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 18 item 3: who voted is for the round's census and the moderators. The public and a member outside the
 * census ask for the roll as a page, as single-fetch data and as a report: none of them gets a voter's name.
 */

const VOTERS = ['Camille Martin', 'Lucía García', 'Yanis Benali'];
let target: Target;
let roll = '';
let round = '';
let voter = '';
let outsider = '';

beforeAll(async () => {
  target = await startTarget();
  const voted = await prepareVotedRound(target);
  await voted.close();
  round = `/p/${PROGRAM}/rounds/${voted.roundId}`;
  roll = `${round}/roll`;
  voter = voted.cookies.get('yanis')!;
  // A member who joined after the round opened: verified, signed in, not in its census.
  const email = `late-${Date.now()}@example.org`;
  const password = 'a long enough password';
  const signup = await postForm(target, '/signup', new URLSearchParams({ displayName: 'Late Comer', email, password }));
  await signup.arrayBuffer();
  let mail: Awaited<ReturnType<typeof readOutbox>>[number] | undefined;
  for (let i = 0; i < 100 && !mail; i++) {
    [mail] = await readOutbox(target.outboxDir, email);
    if (!mail) await new Promise((r) => setTimeout(r, 100));
  }
  const token = new URL(linkIn(mail)).searchParams.get('token')!;
  const verified = await postForm(target, '/verify-email', new URLSearchParams({ token }));
  await verified.arrayBuffer();
  outsider = await sessionCookie(target.url, email, password);
}, 180_000);

afterAll(async () => {
  await target?.stop();
});

async function get(path: string, cookie = '') {
  const res = await fetch(`${target.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get('location'), body: await res.text(), headers: res.headers };
}

describe('the voter roll of a closed round', () => {
  it('is shown to a census member, privately', async () => {
    const page = await get(roll, voter);
    expect(page.status).toBe(200);
    for (const name of VOTERS) expect(page.body).toContain(name);
    expect(page.headers.get('cache-control')).toContain('no-store');
  });

  it('gives the public the login page and an outsider a 403, with no voter named in HTML or data', async () => {
    await underAttack(target, async () => {
      const asPublic = await get(roll);
      expect(asPublic.status).toBe(302);
      expect(asPublic.location).toMatch(/^\/login\?redirectTo=/);
      const asOutsider = await get(roll, outsider);
      expect(asOutsider.status).toBe(403);
      for (const [who, cookie] of [
        ['public', ''],
        ['outsider', outsider],
      ] as const) {
        for (const path of [roll, `${roll}.data`, `${round}`, `${round}.data`, `${round}/board.json`]) {
          const answer = await get(path, cookie);
          expect(answer.status, `${path} as ${who}`).toBeLessThan(500);
          // Camille wrote the amendment (public authorship): only Lucía's and Yanis's votes would be a leak.
          for (const name of VOTERS.slice(1)) expect(answer.body, `${path} as ${who}`).not.toContain(name);
          expect(answer.body).not.toContain('Lucía');
        }
      }
    });
  });

  it('refuses a report from the public and from an outsider, storing nothing the moderators see', async () => {
    await underAttack(target, async () => {
      const form = new URLSearchParams({ message: 'I never voted, I promise.' });
      const asPublic = await postForm(target, roll, form);
      await asPublic.arrayBuffer();
      expect(asPublic.status).toBe(302);
      expect(asPublic.headers.get('location')).toMatch(/^\/login/);
      const asOutsider = await postForm(target, roll, form, { cookie: outsider });
      await asOutsider.arrayBuffer();
      expect(asOutsider.status).toBe(403);
    });
    const moderator = await target.cookieOf('moderation@plenum.localhost');
    const queue = await get(`/p/${PROGRAM}/moderation/queue`, moderator);
    expect(queue.status).toBe(200);
    expect(queue.body).not.toContain('I never voted, I promise.');
  });
});
