import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let sectionPath: string;
beforeAll(async () => {
  server = await startServer({ env: { PAGE_CACHE_TTL_MS: '60000' } });
  const toc = await (await fetch(`${server.url}/p/programme-2027`)).text();
  sectionPath = toc.match(/href="(\/p\/programme-2027\/sections\/[a-z2-7]+)"/)![1]!;
});
afterAll(async () => {
  await server?.stop();
});

const nonceOf = (res: Response) => res.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;

describe('pages the public sees', () => {
  it('are rendered once and served again with a fresh nonce and request id', async () => {
    const first = await fetch(`${server.url}${sectionPath}`);
    const firstHtml = await first.text();
    const second = await fetch(`${server.url}${sectionPath}`);
    const html = await second.text();
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    // The scripts carry this response's nonce (the old one would be refused by the CSP), and the error page
    // would show this request's id.
    expect(html).toContain(`nonce="${nonceOf(second)}"`);
    expect(html).not.toContain(nonceOf(first));
    expect(html).toContain(second.headers.get('x-request-id')!);
    expect(html.replaceAll(nonceOf(second), '').replaceAll(second.headers.get('x-request-id')!, '')).toBe(
      firstHtml.replaceAll(nonceOf(first), '').replaceAll(first.headers.get('x-request-id')!, ''),
    );
  });

  it('are kept per language', async () => {
    const es = await fetch(`${server.url}${sectionPath}`, { headers: { 'accept-language': 'es' } });
    expect(await es.text()).toContain('lang="es"');
    const en = await fetch(`${server.url}${sectionPath}`, { headers: { 'accept-language': 'en' } });
    expect(await en.text()).toContain('lang="en"');
  });

  it('are rendered anew after any change, and never shared with a signed-in member', async () => {
    await fetch(`${server.url}${sectionPath}`);
    const change = await fetch(`${server.url}/locale`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'locale=fr&redirectTo=/',
    });
    expect(change.status).toBe(302);
    expect((await fetch(`${server.url}${sectionPath}`)).headers.get('x-page-cache')).toBe('miss');

    const login = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({
        email: 'camille@plenum.localhost',
        password: server.logins.get('camille@plenum.localhost')!,
      }).toString(),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const asMember = await fetch(`${server.url}${sectionPath}`, { headers: { cookie } });
    // Not the public's page: the members' own (rendered for the members who see it alike, ADR 0047).
    expect(asMember.headers.get('x-page-cache')).toBe('miss');
    expect(await asMember.text()).toContain('Camille Martin');
    const anonymous = await fetch(`${server.url}${sectionPath}`);
    expect(await anonymous.text()).not.toContain('Camille Martin');
  });

  it('tags a published version’s pages, and answers 304 to a reader who has them, without a new CSP', async () => {
    const cookie = await sessionCookie(
      server.url,
      'moderation@plenum.localhost',
      server.logins.get('moderation@plenum.localhost')!,
    );
    const published = await fetch(`${server.url}/p/programme-2027/publish`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie },
      body: new URLSearchParams({ note: 'Version for the cache test.' }).toString(),
    });
    expect(published.status).toBe(302);
    const path = published.headers.get('location')!;
    const first = await fetch(`${server.url}${path}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    await first.text();
    // Rendered again (the cache emptied by a POST): same content, same tag.
    const change = await fetch(`${server.url}/locale`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'locale=fr&redirectTo=/',
    });
    expect(change.status).toBe(302);
    const again = await fetch(`${server.url}${path}`);
    expect(again.headers.get('x-page-cache')).toBe('miss');
    expect(again.headers.get('etag')).toBe(etag);
    const revalidated = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('content-security-policy')).toBeNull();
    expect(revalidated.headers.get('etag')).toBe(etag);
    // Another language is another page; a member's page is private and untagged.
    const spanish = await fetch(`${server.url}${path}`, {
      headers: { 'accept-language': 'es', 'if-none-match': etag },
    });
    expect(spanish.status).toBe(200);
    expect(spanish.headers.get('etag')).not.toBe(etag);
    const member = await fetch(`${server.url}${path}`, { headers: { cookie, 'if-none-match': etag } });
    expect(member.status).toBe(200);
    expect(member.headers.get('etag')).toBeNull();
    expect(member.headers.get('cache-control')).toBe('private, no-store');
  });
});
