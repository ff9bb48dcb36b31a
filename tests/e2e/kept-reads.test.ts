import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, prepareVotedRound } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * ADR 0048: a program's frame, a round's ballot and its casting rules are read once for every request while none of
 * their tables is written. The server runs as every journey's does, with PLENUM_VERIFY_KEPT_READS=1 (a read found
 * is read again and compared: a stale one answers 500), and here with its statements counted too, so that a kept
 * read that reads a table it does not name answers 500 as well.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { PLENUM_COUNT_QUERIES: '1' } });
});
afterAll(async () => {
  await server?.stop();
});

describe('reads kept across requests', () => {
  it('serve every voter, and show a new argument, a new title and a ballot cast since', async () => {
    // Three members vote (each cast reads the round's rules and mails its confirmation from kept reads).
    const { cookies, post, amendmentId, roundId, sections } = await prepareVotedRound(server);
    const ballotPath = `/p/${DEMO}/rounds/${roundId}/ballot`;
    const as = async (who: 'camille' | 'lucia' | 'yanis', path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies.get(who)! } });
      const html = await res.text();
      expect(res.status, `${path} as ${who}`).toBe(200);
      return html;
    };
    const before = await as('camille', ballotPath);
    const debate = /Débat : (\d+) pour/.exec(before)?.[1];
    expect(debate, 'the debate in brief on the ballot').toBeTruthy();
    // The voters read the same ballot, each told whether they voted.
    for (const who of ['lucia', 'yanis'] as const)
      expect(await as(who, ballotPath)).toContain(`Débat : ${debate} pour`);

    // Lucía argues for the amendment while the round is open: the next ballot read shows it, to everyone.
    await post(`/p/${DEMO}/amendments/${amendmentId}`, 'lucia', {
      intent: 'comment',
      stance: 'FOR',
      body: 'Un argument décisif, écrit pendant le vote.',
    });
    for (const who of ['camille', 'yanis'] as const) {
      const after = await as(who, ballotPath);
      expect(after).toContain(`Débat : ${Number(debate) + 1} pour`);
      expect(after).toContain('Un argument décisif, écrit pendant le vote.');
    }

    // The moderator renames the section's chapter: every page's table of contents shows the new title at once.
    const sectionPage = await as('camille', `/p/${DEMO}/sections/${sections[0]}`);
    const chapterId = new RegExp(`/p/${DEMO}/chapters/([a-z0-9]+)`).exec(sectionPage)?.[1];
    expect(chapterId, 'the chapter of the section').toBeTruthy();
    await post(`/p/${DEMO}/structure`, 'moderation', {
      intent: 'renameChapter',
      chapterId: chapterId!,
      title: 'Un chapitre renommé pendant le vote',
    });
    expect(await as('yanis', `/p/${DEMO}/sections/${sections[0]}`)).toContain('Un chapitre renommé pendant le vote');
    expect(await as('lucia', ballotPath)).toContain('Un chapitre renommé pendant le vote');

    // Camille votes again: the receipt still comes, on the same ballot.
    const paper = await as('camille', ballotPath);
    const question = /name="q\.([a-z2-7]{16})"/.exec(paper)?.[1];
    const receipt = await fetch(`${server.url}${ballotPath}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.url,
        cookie: cookies.get('camille')!,
      },
      body: new URLSearchParams({ [`q.${question}`]: 'NO' }).toString(),
    });
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain('Votre bulletin est enregistré');
    // No kept read was found stale, nor reading a table it does not name.
    expect(server.output()).not.toMatch(/a kept read (differs|reads tables)/);
  });
});
