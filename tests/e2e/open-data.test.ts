import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import { DEMO as PROGRAM, DRAFTED, prepareVotedRound } from './support/scenarios.ts';

// The open data API (docs/api.md), over HTTP as any program would use it: a round is voted and closed, a
// version published, and every endpoint read without an account.

let server: TestServer;
let voted: Awaited<ReturnType<typeof prepareVotedRound>>;
let amendmentId = '';
let roundId = '';

async function api(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const text = await res.text();
  return { res, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** The headers every answer of the API carries. */
function expectOpenDataHeaders(res: Response, maxAge: number) {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe(`public, max-age=${maxAge}`);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
}

/** The answer is a JSON refusal with this status. */
async function expectJsonError(path: string, status: number) {
  const { res, json } = await api(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
  expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
  expect(typeof json?.error, path).toBe('string');
  return json!.error as string;
}

/** Revalidating with the ETag gets a 304 without a body, with the same cache headers. */
async function expectNotModified(path: string) {
  const first = await fetch(`${server.url}${path}`);
  await first.arrayBuffer();
  const etag = first.headers.get('etag')!;
  for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
    const again = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': tag } });
    expect(again.status, `${path} with If-None-Match: ${tag}`).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
  }
  const changed = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': '"something-else"' } });
  expect(changed.status).toBe(200);
  await changed.arrayBuffer();
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  server = await startServer();
  voted = await prepareVotedRound(server);
  amendmentId = voted.amendmentId;
  roundId = voted.roundId;
});
afterAll(async () => {
  await server?.stop();
});

describe('the open data API', () => {
  it('lists the programs the public may read, with CORS, caching and revalidation', async () => {
    // A program whose draft is closed to the public, with no published version, is not listed.
    await voted.post('/programs/new', 'moderation', {
      title: 'Programme interne',
      summary: 'Brouillon.',
      slug: 'interne',
    });
    const { res, json, text } = await api('/api/v1/programs');
    expect(res.status).toBe(200);
    expectOpenDataHeaders(res, 60);
    // Counting SQL statements is off unless PLENUM_COUNT_QUERIES=1 (tests/e2e/query-budget.test.ts).
    expect(res.headers.get('x-plenum-queries')).toBeNull();
    const programs = json!.programs as { slug: string; title: string; phase: string; versions: unknown[] }[];
    expect(programs.map((p) => p.slug)).toEqual([PROGRAM]);
    expect(programs[0]).toMatchObject({ title: 'Programme 2027 du Mouvement Commun', phase: 'AMENDING' });
    expect(programs[0]).toHaveProperty('summary');
    expect(programs[0]!.versions).toEqual([]);
    expect(programs[0]).toMatchObject({ links: { self: `/api/v1/programs/${PROGRAM}`, html: `/p/${PROGRAM}` } });
    await expectNotModified('/api/v1/programs');
    // A signed-in member gets the same public answer (it may be cached for anyone).
    const signedIn = await fetch(`${server.url}/api/v1/programs`, {
      headers: { cookie: voted.cookies.get('moderation')! },
    });
    expect(await signedIn.text()).toBe(text);
    // Nor found: for the public it does not exist, exactly like a program that does not (issue 15).
    const hidden = await expectJsonError('/api/v1/programs/interne', 404);
    expect(hidden).toEqual(await expectJsonError('/api/v1/programs/no-such-program', 404));
    // The API is read-only; a browser's preflight is answered.
    const post = await fetch(`${server.url}/api/v1/programs`, { method: 'POST', headers: { origin: server.url } });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const preflight = await fetch(`${server.url}/api/v1/programs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('publishes results and the ballot board only once the round closes, with the hash the round shows', async () => {
    // Open: a program's rounds are listed, but neither results nor board exist yet.
    const open = await api(`/api/v1/programs/${PROGRAM}`);
    expect(open.res.status).toBe(200);
    expectOpenDataHeaders(open.res, 60);
    expect(open.json!.rounds).toEqual([
      expect.objectContaining({ id: roundId, number: 1, title: 'Amendements au chapitre 1', status: 'OPEN' }),
    ]);
    expect(await expectJsonError(`/api/v1/rounds/${roundId}/results`, 404)).toBe(
      'Results are published when the round closes.',
    );
    expect(await expectJsonError(`/api/v1/rounds/${roundId}/board`, 404)).toBe(
      'The ballot board is published when the round closes.',
    );

    // The moderator closes the vote now: it is counted, the amendment adopted and written into the text.
    await voted.close();
    const results = await api(`/api/v1/rounds/${roundId}/results`);
    expect(results.res.status).toBe(200);
    expectOpenDataHeaders(results.res, 3600);
    const round = results.json!.round as Record<string, unknown>;
    expect(round).toMatchObject({
      id: roundId,
      number: 1,
      title: 'Amendements au chapitre 1',
      program: PROGRAM,
      status: 'CLOSED',
      census: { size: 5 },
    });
    expect(round.closedAt).toEqual(expect.any(String));
    expect((round.census as { rule: string }).rule).toContain('joined before');
    expect(results.json!.results).toMatchObject({
      censusSize: 5,
      ballots: 3,
      questions: [{ kind: 'YES_NO', yes: 2, no: 1, abstain: 0, adopted: true }],
    });
    expect(results.json!.questions).toEqual([expect.objectContaining({ kind: 'YES_NO', amendmentId })]);
    await expectNotModified(`/api/v1/rounds/${roundId}/results`);

    // The board is the published text, byte for byte: its SHA-256 is the one the round and its download show.
    const board = await fetch(`${server.url}/api/v1/rounds/${roundId}/board`);
    expect(board.status).toBe(200);
    const text = await board.text();
    expect(board.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(board.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(board.headers.get('access-control-allow-origin')).toBe('*');
    const download = await fetch(`${server.url}/p/${PROGRAM}/rounds/${roundId}/board.json`);
    expect(await download.text()).toBe(text);
    const published = download.headers.get('x-board-sha256')!;
    expect(published).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(text)).toBe(published);
    expect(board.headers.get('x-board-sha256')).toBe(published);
    expect(board.headers.get('etag')).toBe(`"${published}"`);
    expect(round.boardSha256).toBe(published);
    const page = await (await fetch(`${server.url}/p/${PROGRAM}/rounds/${roundId}/board`)).text();
    expect(page).toContain(`data-testid="board-sha">${published}<`);
    const parsed = JSON.parse(text) as { format: string; ballots: unknown[]; results: { ballots: number } };
    expect(parsed.format).toBe('plenum-board-1');
    expect(parsed.ballots).toHaveLength(3);
    await expectNotModified(`/api/v1/rounds/${roundId}/board`);

    const closed = await api(`/api/v1/programs/${PROGRAM}`);
    expect(closed.json!.rounds).toEqual([
      expect.objectContaining({
        id: roundId,
        status: 'CLOSED',
        links: expect.objectContaining({ results: `/api/v1/rounds/${roundId}/results` }) as unknown,
      }),
    ]);
  });

  it('serves a published version whole, with the provenance of every passage an amendment wrote', async () => {
    expect(await expectJsonError(`/api/v1/programs/${PROGRAM}/versions/1`, 404)).toBeTruthy();
    const location = await voted.post(`/p/${PROGRAM}/publish`, 'moderation', { note: 'Première version publiée.' });
    expect(location).toBe(`/p/${PROGRAM}/v/1`);

    const programs = await api('/api/v1/programs');
    expect((programs.json!.programs as { versions: unknown[] }[])[0]!.versions).toEqual([
      {
        number: 1,
        publishedAt: expect.any(String) as unknown,
        note: 'Première version publiée.',
        links: { self: `/api/v1/programs/${PROGRAM}/versions/1`, html: `/p/${PROGRAM}/v/1` },
      },
    ]);

    const { res, json } = await api(`/api/v1/programs/${PROGRAM}/versions/1`);
    expect(res.status).toBe(200);
    expectOpenDataHeaders(res, 3600);
    expect(json).toMatchObject({ number: 1, note: 'Première version publiée.', program: { slug: PROGRAM } });
    expect(json!.publishedAt).toEqual(expect.any(String));
    expect(json!.changelog).toEqual([
      expect.objectContaining({ amendmentId, title: 'Un RIC plus accessible', roundId }),
    ]);
    type Section = {
      id: string;
      number: string;
      title: string;
      text: string;
      doc: { type: string };
      provenance: { text: string; amendmentId: string }[];
    };
    const chapters = json!.chapters as { id: string; number: string; title: string; sections: Section[] }[];
    expect(chapters).toHaveLength(4);
    const sections = chapters.flatMap((c) => c.sections);
    expect(sections).toHaveLength(12);
    expect(sections[0]!.number).toBe('1.1');
    for (const s of sections) {
      expect(s.id).toMatch(/^[a-z2-7]{16}$/);
      expect(s.doc.type).toBe('doc');
      expect(s.text.length).toBeGreaterThan(0);
    }
    // Section 1.1 carries the adopted amendment's words, attributed; the others none.
    expect(sections[0]!.text).toContain(DRAFTED);
    expect(sections[0]!.provenance).toEqual([{ text: DRAFTED, amendmentId }]);
    expect(JSON.stringify(sections[0]!.doc)).toContain(`"src":"${amendmentId}"`);
    expect(sections.slice(1).flatMap((s) => s.provenance)).toEqual([]);
    expect((json!.sources as Record<string, unknown>)[amendmentId]).toMatchObject({
      title: 'Un RIC plus accessible',
      authors: ['Camille Martin'],
      round: { id: roundId, number: 1 },
      result: { kind: 'YES_NO', yes: 2, no: 1, abstain: 0, adopted: true },
      turnout: { ballots: 3, census: 5 },
    });
    await expectNotModified(`/api/v1/programs/${PROGRAM}/versions/1`);
  });

  it('answers odd addresses with a JSON 400 or 404, never HTML nor a 500', async () => {
    const v = `/api/v1/programs/${PROGRAM}/versions`;
    expect(await expectJsonError(`${v}/abc`, 400)).toContain('positive whole number');
    expect(await expectJsonError(`${v}/-1`, 400)).toBeTruthy();
    expect(await expectJsonError(`${v}/1.5`, 400)).toBeTruthy();
    expect(await expectJsonError(`${v}/1e3`, 400)).toBeTruthy();
    expect(await expectJsonError(`${v}/${'9'.repeat(400)}`, 404)).toBeTruthy();
    expect(await expectJsonError(`${v}/99999999999999999999`, 404)).toBeTruthy();
    expect(await expectJsonError(`${v}/2147483648`, 404)).toBeTruthy();
    expect(await expectJsonError(`${v}/0`, 404)).toBeTruthy();
    expect(await expectJsonError(`${v}/2`, 404)).toBeTruthy();
    expect(await expectJsonError(`${v}/1/extra`, 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/programs/nope', 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/programs/nope/versions/1', 404)).toBeTruthy();
    expect(await expectJsonError(`/api/v1/programs/${'x'.repeat(500)}`, 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/programs/Programme%202027', 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/programs/%E0%A4%A', 400)).toBeTruthy();
    expect(await expectJsonError('/api/v1/rounds/aaaaaaaaaaaaaaaa/results', 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/rounds/aaaaaaaaaaaaaaaa/board', 404)).toBeTruthy();
    expect(await expectJsonError(`/api/v1/rounds/${roundId}'--/results`, 404)).toBeTruthy();
    expect(await expectJsonError('/api/v1/rounds/%00/board', 400)).toBeTruthy();
    expect(await expectJsonError('/api/v1/nothing-here', 404)).toBeTruthy();
    expect(await expectJsonError('/api/v2/programs', 404)).toBeTruthy();
  });

  it('keeps versions and closed rounds readable when the draft closes to the public', async () => {
    await voted.post(`/p/${PROGRAM}/settings`, 'moderation', {
      phase: 'AMENDING',
      supportRule: 'ABSOLUTE',
      supportValue: '1',
      supportDays: '14',
      reason: 'Draft closed to the public',
    });
    const program = await api(`/api/v1/programs/${PROGRAM}`);
    expect(program.res.status).toBe(200);
    // A closed round is public record from its close, in any phase (issue 17, item 9): listed, results, board.
    expect((program.json!.rounds as { id: string; status: string }[]).map((r) => [r.id, r.status])).toEqual([
      [roundId, 'CLOSED'],
    ]);
    expect((program.json!.versions as unknown[]).length).toBe(1);
    expect((await api(`/api/v1/programs/${PROGRAM}/versions/1`)).res.status).toBe(200);
    const results = await api(`/api/v1/rounds/${roundId}/results`);
    expect(results.res.status).toBe(200);
    expect((results.json!.round as { status: string }).status).toBe('CLOSED');
    const board = await api(`/api/v1/rounds/${roundId}/board`);
    expect(board.res.status).toBe(200);
    expect(board.res.headers.get('x-board-sha256')).toBe(sha256(board.text));
    const listed = await api('/api/v1/programs');
    expect((listed.json!.programs as { slug: string }[]).map((p) => p.slug)).toEqual([PROGRAM]);
  });
});
