import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import {
  amendingProgram,
  DEMO,
  demoSessions,
  draftAmendment,
  roundForm,
  type DemoSession,
} from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * Issue 19, item 2 (ADR 0047): a member's section page is rendered once for every member who sees it alike, and
 * filled with each reader's own name. The server runs with PLENUM_VERIFY_SHARED_PAGES=1: a page found is rendered
 * again for its reader all the same, and `X-Page-Cache` says `hit` only if both are alike (`mismatch` otherwise).
 */

let server: TestServer;
let session: DemoSession;
let sections: string[];
const sectionPath = () => `/p/${DEMO}/sections/${sections[0]}`;
/** A name with what HTML and scripts must escape, and letters beyond ASCII. */
const HOSTILE = `Zoé\u2028<b>"O'Hara"</b> & </script><script>alert(1)</script>`;

/** The section page as `who`: its cache state, and what it says of its reader. */
async function visit(who: 'moderation' | 'camille' | 'lucia' | 'yanis') {
  const res = await fetch(`${server.url}${sectionPath()}`, { headers: { cookie: session.cookies.get(who)! } });
  const html = await res.text();
  expect(res.status, who).toBe(200);
  return {
    state: res.headers.get('x-page-cache'),
    html,
    account: html.match(/<a[^>]*href="\/account"[^>]*>([^<]*)<\/a>/)?.[1],
    following: html.includes('>Ne plus suivre<'),
    listsDraft: html.includes('Mon brouillon à moi'),
  };
}

beforeAll(async () => {
  server = await startServer({
    env: {
      PAGE_CACHE_TTL_MS: '60000',
      PLENUM_VERIFY_SHARED_PAGES: '1',
      // No sweep writes between two visits that must find the page kept (the moderators' notice of a round closing
      // soon once did, in a CI rehearsal): the journey's round opens as it is created, without a sweep.
      ROUNDS_SWEEP_MS: '3600000',
      AMENDMENTS_SWEEP_MS: '3600000',
    },
  });
  session = await demoSessions(server);
  sections = await sectionIds(server.url);
  await amendingProgram(session);
});
afterAll(async () => {
  await server?.stop();
});

describe('a member’s section page, rendered once for the members who see it alike', () => {
  it('is shared by members alike, each seeing their own name, and never by those who see it otherwise', async () => {
    // Yanis follows the section; Lucía has a draft of her own on it (only she sees it listed).
    await session.post('/follow', 'yanis', { intent: 'follow', target: `section:${sections[0]}`, back: '/' });
    await draftAmendment(server, session, 'lucia', sections[0]!, {
      title: 'Mon brouillon à moi',
      justification: 'Pas encore soumis.',
      text: 'Un texte que seule Lucía voit dans la liste.',
    });

    const camille = await visit('camille');
    expect(camille.state).toBe('miss');
    expect(camille.account).toBe('Camille Martin');
    expect(camille.following).toBe(false);
    expect(camille.listsDraft).toBe(false);
    // Rendered for Camille, found for Camille again: alike.
    expect((await visit('camille')).state).toBe('hit');

    // Yanis follows the section: his page is not Camille's.
    const yanis = await visit('yanis');
    expect(yanis.state).toBe('miss');
    expect(yanis.account).toBe('Yanis Benali');
    expect(yanis.following).toBe(true);
    expect((await visit('yanis')).state).toBe('hit');

    // Lucía's page lists her draft: it is hers alone, rendered for her each time (not shared: no cache state),
    // and nobody else's shows it.
    for (let i = 0; i < 2; i++) {
      const lucia = await visit('lucia');
      expect(lucia.state).toBeNull();
      expect(lucia.listsDraft).toBe(true);
      expect(lucia.account).toBe('Lucía García');
    }
    // The moderator's page (another role) is his own too.
    const moderator = await visit('moderation');
    expect(moderator.state).toBe('miss');
    expect(moderator.account).toBe('Moussa Modérateur');

    // Yanis stops following: from then on he sees Camille's page, filled with his name.
    await session.post('/follow', 'yanis', { intent: 'unfollow', target: `section:${sections[0]}`, back: '/' });
    await visit('camille'); // a follow changes what the page shows: rendered again for Camille
    const after = await visit('yanis');
    expect(after.state).toBe('hit');
    expect(after.account).toBe('Yanis Benali');
    expect(after.following).toBe(false);
    expect(after.html).not.toContain('Camille Martin');
    expect(after.html).not.toContain('plenumslot');

    // The same for the data a client-side navigation asks for (single fetch), whole or for the section's loader.
    for (const query of ['', '?_routes=routes%2Fp.%24slug.sections.%24sectionId']) {
      const data = async (who: 'camille' | 'yanis') => {
        const res = await fetch(`${server.url}${sectionPath()}.data${query}`, {
          headers: { cookie: session.cookies.get(who)! },
        });
        return { state: res.headers.get('x-page-cache'), body: await res.text() };
      };
      const forCamille = await data('camille');
      expect(forCamille.state).toBe('miss');
      expect(forCamille.body).toContain('"Camille Martin"');
      const forYanis = await data('yanis');
      expect(forYanis.state).toBe('hit');
      expect(forYanis.body).toContain('"Yanis Benali"');
      expect(forYanis.body).not.toContain('Camille Martin');
      expect(forYanis.body).not.toContain('plenumslot');
    }
  });

  it('fills in a name that HTML and scripts must escape, as the page would have rendered it, and hydrates', async () => {
    await session.post('/account', 'yanis', { intent: 'name', displayName: HOSTILE });
    await visit('camille');
    const page = await visit('yanis');
    expect(page.state).toBe('hit');
    expect(page.html).not.toContain('<b>"O');
    expect(page.html).not.toContain('alert(1)</script>');

    const context = await launchBrowser({ locale: 'fr-FR' });
    try {
      const cookie = session.cookies.get('yanis')!;
      const at = cookie.indexOf('=');
      await context.addCookies([
        { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url, httpOnly: true, sameSite: 'Lax' },
      ]);
      const p = await context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (error) => errors.push(error.message));
      p.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const answer = await p.goto(`${server.url}${sectionPath()}`);
      expect(answer?.headers()['x-page-cache']).toBe('hit');
      const account = p.locator('.account-nav a[href="/account"]');
      await expect.poll(() => account.textContent()).toBe(HOSTILE);
      // Hydrated with the same name: the loader data the page's script read is his.
      type Router = { state: { initialized: boolean; loaderData: { root: { member: { displayName: string } } } } };
      const router = () => (window as unknown as { __remixRouter?: Router }).__remixRouter;
      await p.waitForFunction(`(${router.toString()})()?.state.initialized === true`);
      const shown = await p.evaluate(`(${router.toString()})().state.loaderData.root.member.displayName`);
      expect(shown).toBe(HOSTILE);
      // A client-side navigation (the page's own links) keeps his name.
      await p
        .getByRole('link', { name: /^1\.2 / })
        .first()
        .click();
      await p.waitForURL(/sections\//);
      await expect.poll(() => account.textContent()).toBe(HOSTILE);
      expect(errors).toEqual([]);
    } finally {
      await context.cleanup();
    }
    // A navigation's data holds his name as turbo-stream writes a string (rendered for Camille first).
    await fetch(`${server.url}${sectionPath()}.data`, { headers: { cookie: session.cookies.get('camille')! } });
    const data = await fetch(`${server.url}${sectionPath()}.data`, {
      headers: { cookie: session.cookies.get('yanis')! },
    });
    // On a mismatch, the server's log says where the two renders differ.
    const differs = () =>
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('differs from its render'));
    expect(data.headers.get('x-page-cache'), differs().join('\n')).toBe('hit');
    expect(await data.text()).toContain(JSON.stringify(HOSTILE));
    // Camille's page never held his name.
    expect((await visit('camille')).html).not.toContain('O&#x27;Hara');
  });

  it('stays kept while members vote, and is rendered again once something it shows changes', async () => {
    // An amendment to the section, in a round open now.
    const amendmentId = await draftAmendment(server, session, 'camille', sections[0]!, {
      title: 'Un seuil abaissé',
      justification: 'Une justification assez longue pour être acceptée.',
      text: 'Le seuil du référendum local est abaissé à 2 % des inscrits.',
    });
    const amendmentPath = `/p/${DEMO}/amendments/${amendmentId}`;
    await session.post(amendmentPath, 'camille', { intent: 'submit' });
    await session.post(amendmentPath, 'yanis', { intent: 'support' });
    await session.post(amendmentPath, 'moderation', { intent: 'admissible', reason: 'Conforme aux statuts' });
    const roundLocation = await session.post(`/p/${DEMO}/rounds/new`, 'moderation', {
      ...roundForm('Un vote pendant la lecture', 'Un vote par amendement recevable.'),
      amendmentIds: amendmentId,
    });
    const roundId = roundLocation.split('/').pop()!;
    await visit('camille');
    expect((await visit('camille')).state).toBe('hit');
    // Yanis and the moderator vote: the page was not emptied, and rendered again for Camille it is still alike (the
    // server verifies each page it finds: `hit`, not `mismatch`).
    const ballotPath = `/p/${DEMO}/rounds/${roundId}/ballot`;
    for (const who of ['yanis', 'moderation'] as const) {
      const cookie = session.cookies.get(who)!;
      const paper = await (await fetch(`${server.url}${ballotPath}`, { headers: { cookie } })).text();
      const question = /name="q\.([a-z2-7]{16})"/.exec(paper)?.[1];
      expect(question, `the ballot paper of ${who}`).toBeTruthy();
      const receipt = await fetch(`${server.url}${ballotPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
        body: new URLSearchParams({ [`q.${question}`]: 'YES' }).toString(),
      });
      expect(receipt.status, `${who}'s ballot`).toBe(200);
      expect(await receipt.text(), `${who}'s receipt`).toContain('Votre bulletin est enregistré');
      expect((await visit('camille')).state, `Camille's page after ${who}'s ballot`).toBe('hit');
    }
    // A write a kept page may show, even of another section (Yanis follows it): the pages kept before it are
    // rendered again.
    await session.post('/follow', 'yanis', { intent: 'follow', target: `section:${sections[1]}`, back: '/' });
    expect((await visit('camille')).state).toBe('miss');
    expect((await visit('camille')).state).toBe('hit');
  });

  it('stays kept while members support and debate, and is rendered again when a support qualifies', async () => {
    // Yanis's amendment to another section; Camille reads that section's page.
    const amendmentId = await draftAmendment(server, session, 'yanis', sections[2]!, {
      title: 'Un débat pendant la lecture',
      justification: 'Une justification assez longue pour être acceptée.',
      text: 'Les assemblées locales se réunissent chaque mois.',
    });
    const amendmentPath = `/p/${DEMO}/amendments/${amendmentId}`;
    await session.post(amendmentPath, 'yanis', { intent: 'submit' });
    const path = `/p/${DEMO}/sections/${sections[2]}`;
    const read = async () => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: session.cookies.get('camille')! } });
      const html = await res.text();
      expect(res.status).toBe(200);
      return { state: res.headers.get('x-page-cache'), html };
    };
    await read();
    const before = await read();
    expect(before.state).toBe('hit');
    expect(before.html).toContain('Un débat pendant la lecture');
    expect(before.html).toContain('>Déposé<');

    // Camille's support reaches the threshold (one, in this journey): the status the page lists changed.
    await session.post(amendmentPath, 'camille', { intent: 'support' });
    const qualified = await read();
    expect(qualified.state).toBe('miss');
    expect(qualified.html).not.toContain('>Déposé<');
    expect(qualified.html).toContain('>Qualifié<');
    expect((await read()).state).toBe('hit');

    // A support that qualifies nothing, a comment and a reply write nothing the page shows: it stays kept, and
    // rendered again for Camille it is alike (`hit`, not `mismatch`).
    await session.post(amendmentPath, 'lucia', { intent: 'support' });
    expect((await read()).state, 'after a support').toBe('hit');
    await session.post(amendmentPath, 'lucia', { intent: 'comment', stance: 'FOR', body: 'Une bonne idée.' });
    expect((await read()).state, 'after a comment').toBe('hit');
    const page = await (
      await fetch(`${server.url}${amendmentPath}`, { headers: { cookie: session.cookies.get('yanis')! } })
    ).text();
    const commentId = /id="comment-([a-z0-9]+)"/.exec(page)?.[1];
    expect(commentId, 'Lucía’s comment on the amendment’s page').toBeTruthy();
    await session.post(amendmentPath, 'yanis', { intent: 'comment', parentId: commentId!, body: 'Merci, Lucía.' });
    expect((await read()).state, 'after a reply').toBe('hit');
  });
});
