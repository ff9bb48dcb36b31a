import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 15, item 14: a program whose draft is closed to the public and which has published nothing must not
 * exist for the public: not its title on a page, not a 401/403 or a login redirect that a program which does not
 * exist would not get. A visitor probing addresses learns nothing from them.
 */

const HIDDEN = [
  // A program just created: its draft is closed to the public by default.
  { slug: 'interne-secret', title: 'Programme interne confidentiel', summary: 'Brouillon du bureau.' },
  // A program taking amendments among members only.
  { slug: 'ferme-secret', title: 'Programme fermé réservé', summary: 'Amendements entre membres.' },
];
const NOWHERE = 'no-such-program';
const ID = 'aaaaaaaaaaaaaaaa';

/** Every address under a program a visitor could try, pages, their single-fetch data and the API. */
const PATHS = [
  '/p/SLUG',
  '/p/SLUG/search',
  '/p/SLUG/search?q=eau',
  '/p/SLUG/search.data',
  '/p/SLUG/compare',
  '/p/SLUG/compare?from=1&to=2',
  '/p/SLUG/compare.data',
  '/p/SLUG/participation',
  '/p/SLUG/amendments',
  `/p/SLUG/amendments/${ID}`,
  '/p/SLUG/moderation',
  '/p/SLUG/moderation/queue',
  '/p/SLUG/rounds',
  '/p/SLUG/rounds/new',
  `/p/SLUG/rounds/${ID}`,
  `/p/SLUG/rounds/${ID}/board`,
  `/p/SLUG/rounds/${ID}/board.json`,
  `/p/SLUG/sections/${ID}`,
  `/p/SLUG/chapters/${ID}`,
  '/p/SLUG/settings',
  '/p/SLUG/structure',
  '/p/SLUG/import',
  '/p/SLUG/publish',
  '/p/SLUG/editing',
  '/p/SLUG/v/1',
  '/p/SLUG/v/1/all',
  '/api/v1/programs/SLUG',
  '/api/v1/programs/SLUG/versions/1',
];

let target: Target;

beforeAll(async () => {
  target = await startTarget();
  const cookie = await target.cookieOf(DEMO.moderator);
  for (const program of HIDDEN) {
    const res = await postForm(target, '/programs/new', new URLSearchParams(program), { cookie });
    expect(res.status, `creating ${program.slug}`).toBe(302);
  }
  const settings = await postForm(
    target,
    '/p/ferme-secret/settings',
    new URLSearchParams({
      phase: 'AMENDING',
      supportRule: 'ABSOLUTE',
      supportValue: '1',
      supportDays: '14',
      reason: 'Amendements entre membres',
    }),
    { cookie },
  );
  expect(settings.status).toBe(302);
});
afterAll(async () => {
  await target?.stop();
});

/** A visitor's GET: status, where it redirects, and the body. */
async function visit(path: string) {
  const res = await fetch(`${target.url}${path}`, { redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, location: res.headers.get('location'), body };
}

/** A page with what changes on every answer (nonces, request ids) and the slug asked for taken out. */
const normalized = (body: string, slug: string) =>
  body
    .replaceAll(slug, 'SLUG')
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\b[a-z2-7]{16}\b/g, 'ID');

describe('a program the public may not know exists', () => {
  it('answers a visitor exactly as a program that does not exist, and never shows its title', async () => {
    await underAttack(target, async () => {
      for (const path of PATHS) {
        const nowhere = await visit(path.replace('SLUG', NOWHERE));
        for (const program of HIDDEN) {
          const hidden = await visit(path.replace('SLUG', program.slug));
          const what = `${path.replace('SLUG', program.slug)}: ${hidden.status} ${hidden.location ?? ''}`;
          expect(hidden.body, what).not.toContain(program.title);
          expect(hidden.body, what).not.toContain(program.summary);
          expect(hidden.status, what).toBe(nowhere.status);
          expect(hidden.location?.replace(program.slug, 'SLUG') ?? null, what).toBe(
            nowhere.location?.replace(NOWHERE, 'SLUG') ?? null,
          );
          expect(normalized(hidden.body, program.slug), what).toBe(normalized(nowhere.body, NOWHERE));
        }
      }
    });
    // The pages the issue names, and the API, say "not found".
    for (const path of ['/p/SLUG', '/p/SLUG/search', '/p/SLUG/compare', '/api/v1/programs/SLUG']) {
      for (const program of HIDDEN) expect((await visit(path.replace('SLUG', program.slug))).status, path).toBe(404);
    }
  });

  it('is listed nowhere the public looks, and stays readable by members', async () => {
    for (const path of ['/', '/api/v1/programs']) {
      const { body } = await visit(path);
      for (const program of HIDDEN) expect(body, path).not.toContain(program.title);
    }
    const cookie = await target.cookieOf(DEMO.member);
    for (const program of HIDDEN) {
      for (const path of [`/p/${program.slug}`, `/p/${program.slug}/search`, `/p/${program.slug}/compare`]) {
        const res = await fetch(`${target.url}${path}`, { headers: { cookie } });
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).toContain(program.title);
      }
    }
  });
});
