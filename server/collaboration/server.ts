import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { CLOSE, writeEndedReason } from '~/modules/live-text/names.ts';
import { colourIndex } from '~/modules/live-text/presence.ts';
import { UpdateRefusedError } from '~/modules/live-text/schema-check.ts';
import { logger } from '~/utils/logger.server.ts';
import type { CurrentMember } from '~/modules/members/sessions.server.ts';
import { authorizeUpgrade } from './auth.ts';
import { DocumentTooLargeError } from './document-limits.ts';
import { LiveDocument, type Connection } from './live-document.ts';
import { localOnly, type Relay } from './relay.ts';
import { recheckRights, whyOf } from './rights-recheck.ts';
import { writerNoteQueue } from './writer-notes.ts';

/** Limits per connection: a hostile or broken client is cut off, never the server. */
export const LIMITS = {
  /** Largest frame accepted (ws closes with 1009 beyond it). */
  maxFrameBytes: 1024 * 1024,
  /** Frames a second, sustained (a keystroke is two: the change and the caret); bursts up to twice that. */
  framesPerSecond: 200,
};
const UNLOAD_AFTER_MS = 60_000;
const RECHECK_RIGHTS_MS = 2_000;

/**
 * The collaboration server: y-websocket protocol on /collab/<document>, rights checked at the upgrade and
 * re-checked every few seconds, documents loaded on demand and unloaded a minute after their last client.
 */
export class CollaborationServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes });
  private readonly documents = new Map<string, Promise<LiveDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly recheck: NodeJS.Timeout;
  private rechecking = false;

  constructor(
    private readonly allowedOrigins: string[],
    private readonly relay: Relay = localOnly,
  ) {
    this.recheck = setInterval(
      () =>
        void this.recheckRights().catch((error: unknown) =>
          logger.error('collaboration: re-checking rights failed', { error }),
        ),
      RECHECK_RIGHTS_MS,
    );
    this.recheck.unref();
  }

  /** Handles an HTTP upgrade; answers 4xx without a socket when the request may not read the document. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy());
    let decision;
    try {
      decision = await authorizeUpgrade(req, this.allowedOrigins);
    } catch (error) {
      logger.error('collaboration: upgrade check failed', { error });
      return refuse(socket, 500);
    }
    if (!decision.ok) return refuse(socket, decision.status);
    const { docName, readOnly, whyReadOnly, member, sessionToken } = decision;
    let document: LiveDocument;
    try {
      document = await this.open(docName);
    } catch (error) {
      logger.error('collaboration: loading failed', { document: docName, error });
      return refuse(socket, 500);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: Connection & { member: typeof member; sessionToken: string | null } = {
        socket: ws,
        readOnly,
        whyReadOnly,
        // The caret's name and colour are the server's, from the session (issue 15), never the client's.
        user: member ? { name: member.displayName, colour: colourIndex(member.id) } : null,
        awarenessIds: new Set(),
        memberId: member?.id ?? null,
        member,
        sessionToken,
      };
      try {
        this.attach(document, conn);
      } catch (error) {
        logger.error('collaboration: attaching a connection failed', { document: docName, error });
        ws.terminate();
      }
    });
  }

  private async open(name: string): Promise<LiveDocument> {
    clearTimeout(this.unloadTimers.get(name));
    this.unloadTimers.delete(name);
    let loading = this.documents.get(name);
    if (!loading) {
      loading = LiveDocument.load(name, this.relay).then((document) => {
        document.onFailure = (error) => void this.fail(document, error);
        return document;
      });
      this.documents.set(name, loading);
      loading.catch(() => this.documents.delete(name));
    }
    return loading;
  }

  /**
   * A document whose own listener failed (issue 15): logged, its connections closed with 1011 (their clients
   * reconnect and get the document loaded afresh from storage, which holds every change anyone saw), unloaded.
   * The process and every other document go on.
   */
  private async fail(document: LiveDocument, error: unknown) {
    logger.error('collaboration: document failed, closing its connections', { document: document.name, error });
    if ((await this.documents.get(document.name)?.catch(() => null)) === document) this.documents.delete(document.name);
    clearTimeout(this.unloadTimers.get(document.name));
    this.unloadTimers.delete(document.name);
    document.onFailure = () => {};
    for (const conn of [...document.connections.values()]) {
      try {
        conn.socket.close(CLOSE.failed, 'document failed');
      } catch {
        conn.socket.terminate();
      }
    }
    try {
      await document.detach();
      await document.settle();
      document.doc.destroy();
    } catch (cleanup) {
      logger.warn('collaboration: unloading a failed document', { document: document.name, error: cleanup });
    }
  }

  private attach(document: LiveDocument, conn: Connection) {
    const ws = conn.socket;
    document.connections.set(ws, conn);
    let tokens = LIMITS.framesPerSecond * 2;
    let last = Date.now();
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Frames already received when the connection was closed (a refused update, a malformed frame) are dropped.
      if (ws.readyState !== ws.OPEN) return;
      const now = Date.now();
      tokens = Math.min(LIMITS.framesPerSecond * 2, tokens + ((now - last) * LIMITS.framesPerSecond) / 1000);
      last = now;
      if (--tokens < 0) return ws.close(CLOSE.rate, 'too many messages');
      try {
        if (!isBinary) throw new Error('text frame');
        const answer = document.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        // A change from a connection that may not write: refused, and its editor told why (issue 17).
        if (answer === 'read-only') return ws.close(CLOSE.readOnly, writeEndedReason(whyOf(conn)));
      } catch (error) {
        if (error instanceof DocumentTooLargeError) {
          logger.warn('collaboration: document size limit reached', { document: document.name });
          return ws.close(CLOSE.tooLarge, 'document too large');
        }
        if (error instanceof UpdateRefusedError) {
          logger.warn('collaboration: change outside the schema refused, closing the writer', {
            document: document.name,
            member: (conn as Connection & { member: CurrentMember | null }).member?.id,
            reason: error.message,
          });
          return ws.close(CLOSE.refused, 'change outside the schema');
        }
        logger.warn('collaboration: malformed frame, closing the connection', {
          document: document.name,
          error: error instanceof Error ? error.message : String(error),
        });
        ws.close(CLOSE.malformed, 'malformed message');
      }
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      try {
        document.remove(conn);
        // (A discarded document is no longer listed: nothing to unload.)
        if (document.connections.size === 0 && this.documents.has(document.name)) this.scheduleUnload(document);
      } catch (error) {
        logger.error('collaboration: closing a connection failed', { document: document.name, error });
      }
    });
    document.greet(conn);
  }

  private scheduleUnload(document: LiveDocument) {
    const timer = setTimeout(async () => {
      this.unloadTimers.delete(document.name);
      if (document.connections.size > 0) return;
      this.documents.delete(document.name);
      try {
        await document.detach();
        await document.settle();
        document.doc.destroy();
      } catch (error) {
        logger.error('collaboration: unloading failed', { document: document.name, error });
      }
    }, UNLOAD_AFTER_MS);
    timer.unref();
    this.unloadTimers.set(document.name, timer);
  }

  /** One pass of rights-recheck.ts over the loaded documents, one pass at a time. */
  private async recheckRights() {
    if (this.rechecking) return;
    this.rechecking = true;
    try {
      const documents = await Promise.all([...this.documents.values()].map((d) => d.catch(() => null)));
      await recheckRights(documents.filter((d): d is LiveDocument => d !== null));
    } catch (error) {
      // The sessions could not be read: everything stays as it is until the next pass.
      logger.warn('collaboration: re-checking rights could not read the sessions', { error });
    } finally {
      this.rechecking = false;
    }
  }

  /**
   * Changes a live document from the server, so that everyone editing it sees the change at once (loaded for
   * the occasion if nobody has it open, then unloaded as usual).
   */
  async changeDocument(name: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const document = await this.open(name);
    try {
      await document.change(edit);
    } finally {
      if (document.connections.size === 0) this.scheduleUnload(document);
    }
  }

  /** Disconnects a removed document's editors (4410) and unloads it, without waiting for the usual minute. */
  async discardDocument(name: string): Promise<void> {
    const loading = this.documents.get(name);
    if (!loading) return;
    this.documents.delete(name);
    clearTimeout(this.unloadTimers.get(name));
    this.unloadTimers.delete(name);
    const document = await loading.catch(() => null);
    if (!document) return;
    for (const conn of document.connections.values()) conn.socket.close(CLOSE.gone, 'document removed');
    await document.detach();
    await document.settle();
    document.doc.destroy();
  }

  /** Live documents loaded in this process and the WebSocket connections open to them (/metrics). */
  stats(): { documents: number; connections: number } {
    return { documents: this.documents.size, connections: this.wss.clients.size };
  }

  /** Who is editing each of these documents now (only documents loaded in this process have anyone). */
  async editing(names: string[]): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const name of names) {
      const loading = this.documents.get(name);
      const document = loading ? await loading.catch(() => null) : null;
      const editors = document?.editors() ?? [];
      if (editors.length) result[name] = editors;
    }
    return result;
  }

  /** Closes every connection and stores everything pending (graceful shutdown). */
  async close() {
    clearInterval(this.recheck);
    for (const client of this.wss.clients) client.close(CLOSE.goingAway, 'server shutting down');
    const documents = await Promise.all([...this.documents.values()].map((d) => d.catch(() => null)));
    await Promise.all(documents.map((d) => d?.settle()));
    await writerNoteQueue.flush();
    await this.relay.close();
    this.wss.close();
  }
}

function refuse(socket: Duplex, status: number) {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Server Error' }[
    status
  ];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
