import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Logs in over HTTP and returns the session cookie ("plenum_session=..."). */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`login of ${email} failed: ${res.status}`);
  return cookie;
}

/** The ids of the demo program's sections, in reading order. */
export async function sectionIds(baseUrl: string, cookie?: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/p/programme-2027`, { headers: cookie ? { cookie } : {} })).text();
  return [...new Set([...html.matchAll(/\/sections\/([a-z2-7]{16})"/g)].map((m) => m[1]!))];
}

/** A stock y-websocket client in Node, sending the given cookie and this site's Origin like a browser. */
export function connectClient(baseUrl: string, docName: string, cookie?: string) {
  const origin = baseUrl;
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: BrowserLikeSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    synced,
    text: () => doc.getXmlFragment('default').toString(),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph with `text` to a client's document, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string, link?: { text: string; href: string }) {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText(text);
  // A link is a mark: in y-prosemirror, a formatting attribute named after it, holding its attributes.
  if (link) content.insert(text.length, ` ${link.text}`, { link: { href: link.href } });
  paragraph.insert(0, [content]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** Resolves when `check` holds, polling; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Tries a raw WebSocket upgrade; resolves to the HTTP status of a refusal, or 101 when a socket opened. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', (error) => reject(error));
  });
}
