import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { PresenceUser } from '~/modules/live-text/presence.ts';
import { checkUpdate } from '~/modules/live-text/schema-check.ts';
import type { WriteEnded } from '~/modules/live-text/names.ts';
import { logger } from '~/utils/logger.server.ts';
import { binaryFrame, broadcast, broadcastBatch, type Outgoing } from './fan-out.ts';
import {
  awarenessMessage,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './frames.ts';
import { COMPACTION, CompactionSchedule } from './compaction.ts';
import { DocumentPresence } from './document-presence.ts';
import { WriterNotes } from './writer-notes.ts';
import { compactDocument, loadDocument, storeUpdates } from '~/modules/live-text/storage.server.ts';
import { DOCUMENT_LIMITS, DocumentTooLargeError, SCHEMA_CHECK } from './document-limits.ts';
import { localOnly, type Relay, type RelayKind } from './relay.ts';

/** The origin of changes that came from another process through the relay. */
const RELAYED = Symbol('relayed');

/** One connected client of a document. */
export interface Connection {
  socket: WebSocket;
  readOnly: boolean;
  /** Why it may not write (when readOnly): the close reason of a write it sends anyway (issue 17). */
  whyReadOnly?: WriteEnded | null;
  /** The name and colour of its member's caret, decided by the server (null for the public). */
  user: PresenceUser | null;
  /** Awareness client ids this connection speaks for (removed when it leaves). */
  awarenessIds: Set<number>;
  /** The member writing through it (null for the public): who edited a section is kept (writer-notes.ts). */
  memberId?: string | null;
}

/** A change waiting to be stored, and where it came from (decoded: the schema check reads what is queued). */
interface Pending {
  update: Uint8Array;
  origin: Connection | 'server';
  decoded?: ReturnType<typeof Y.decodeUpdate>;
}

/**
 * A document loaded in memory, with its connections. Every change from a client is stored (in batches of
 * whatever arrived meanwhile) before it is applied and relayed, so that what anyone has seen survives a crash.
 * Who is present is DocumentPresence's (document-presence.ts); when stored updates are folded into the snapshot,
 * CompactionSchedule's (compaction.ts).
 */
export class LiveDocument {
  readonly connections = new Map<WebSocket, Connection>();
  /** Who is in the document (document-presence.ts). */
  readonly presence: DocumentPresence;
  /**
   * Called when one of the document's own listeners fails: the server closes the document's connections and
   * unloads it (issue 15: an error in one document never reaches the process).
   */
  onFailure: (error: unknown) => void = (error) => logger.error('collaboration: document failed', { error });
  private pending: Pending[] = [];
  /** The batch being stored now (neither pending nor applied: the schema check must still see it). */
  private storing: Pending[] = [];
  private queue: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private readonly compaction: CompactionSchedule;
  /** An upper bound of the document's encoded size: its state at load plus every update since. */
  private approximateBytes: number;
  /** While a stored batch is applied: the frames it makes, sent together once it is all applied. */
  private outgoing: Outgoing[] | null = null;
  /** Who wrote, kept for the changelog (writer-notes.ts). */
  private readonly writers: WriterNotes;

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    loaded: { updateCount: number; storedBytes: number },
    private readonly relay: Relay,
  ) {
    this.compaction = new CompactionSchedule(loaded.updateCount);
    this.writers = new WriterNotes(name);
    this.approximateBytes = loaded.storedBytes;
    this.presence = new DocumentPresence(doc, {
      name,
      connections: this.connections,
      relay,
      guard: (listener) => this.guard(listener),
    });
    doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.guard(() => {
        const out = { frame: binaryFrame(updateMessage(update)), from: origin as Connection | undefined };
        if (this.outgoing) this.outgoing.push(out);
        else broadcast(this.connections.values(), out);
      }),
    );
  }

  /**
   * Runs one of the document's listeners: an error there fails the document (its connections are closed, it is
   * loaded afresh from storage by the next one), never the process. Errors are not rethrown to Yjs, which would
   * otherwise abort the other listeners of the same change.
   */
  guard(listener: () => void): void {
    try {
      listener();
    } catch (error) {
      this.onFailure(error);
    }
  }

  /** Applies what another process stored or saw (never stored again here). */
  private fromRelay(kind: RelayKind, payload: Uint8Array) {
    try {
      if (kind === 'update') Y.applyUpdate(this.doc, payload, RELAYED);
      else this.presence.fromRelay(payload);
    } catch (error) {
      logger.warn('collaboration: bad relayed message', { document: this.name, error: String(error) });
    }
  }

  /**
   * Loads (or seeds) a document from the database. It listens to the relay first and applies what arrived
   * during the load afterwards: Yjs updates are idempotent, so an update both stored and relayed counts once.
   */
  static async load(name: string, relay: Relay = localOnly): Promise<LiveDocument> {
    const early: [RelayKind, Uint8Array][] = [];
    const ready: { live?: LiveDocument } = {};
    await relay.subscribe(name, (kind, payload) =>
      ready.live ? ready.live.fromRelay(kind, payload) : early.push([kind, payload]),
    );
    const loaded = await loadDocument(name);
    if (loaded.updateCount > COMPACTION.afterUpdates) {
      await compactDocument(name);
      loaded.updateCount = 0;
      loaded.storedBytes = Y.encodeStateAsUpdate(loaded.doc).byteLength;
    }
    const live = new LiveDocument(name, loaded.doc, loaded, relay);
    for (const [kind, payload] of early) live.fromRelay(kind, payload);
    ready.live = live;
    return live;
  }

  /** Greets a new connection: the server's state vector (sync step 1) and everyone's presence. */
  greet(conn: Connection) {
    this.guard(() => this.sendGreeting(conn));
  }

  private sendGreeting(conn: Connection) {
    conn.socket.send(syncStep1Message(this.doc));
    if (this.presence.count) conn.socket.send(awarenessMessage(this.presence.everyone()));
  }

  /**
   * Handles one frame from a client. Throws on a malformed frame, and UpdateRefusedError on a change outside the
   * editor's schema, which is then neither stored nor relayed (the caller closes that connection). A change from
   * a read-only connection is neither stored nor relayed, and answered 'read-only' (the caller closes that
   * connection saying why, so that its editor never shows as saved what was not: issue 17).
   */
  receive(conn: Connection, frame: Uint8Array): 'read-only' | void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        conn.socket.send(syncStep2Message(this.doc, decoding.readVarUint8Array(decoder)));
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        const decoded = Y.decodeUpdate(update); // throws on a malformed update: it must never reach storage
        if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return; // nothing new: nothing to store
        // (A reader's client answers the greeting with an empty update: only a change is refused.)
        if (conn.readOnly) return Y.snapshotContainsUpdate(Y.snapshot(this.doc), update) ? undefined : 'read-only';
        if (this.approximateBytes + update.byteLength > DOCUMENT_LIMITS.maxBytes) throw new DocumentTooLargeError();
        if (SCHEMA_CHECK.enabled) checkUpdate(this.doc, decoded, this.queued()); // throws UpdateRefusedError
        // A failure to store is logged and closes this connection (its client resends on reconnect): nothing to do.
        this.submit(update, conn, decoded).catch(() => {});
      } else {
        throw new Error(`unknown sync message ${syncType}`);
      }
    } else if (type === MESSAGE_AWARENESS) {
      this.presence.receive(conn, decoding.readVarUint8Array(decoder));
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      conn.socket.send(awarenessMessage(this.presence.everyone()));
    } else {
      throw new Error(`unknown message type ${type}`);
    }
  }

  /**
   * Changes the document from the server (merging an adopted amendment, say): `edit` works on a copy, and the
   * difference takes a client's path: stored, then applied, then sent to every editor of every process.
   */
  async change(edit: (doc: Y.Doc) => void): Promise<void> {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
      const before = Y.encodeStateVector(copy);
      edit(copy);
      await this.submit(Y.encodeStateAsUpdate(copy, before), 'server');
    } finally {
      copy.destroy();
    }
  }

  /** Changes accepted but not applied yet, decoded (what the schema check of the next one must see). */
  private queued() {
    const queued = [];
    for (const p of this.storing) if (p.decoded) queued.push(p.decoded);
    for (const p of this.pending) if (p.decoded) queued.push(p.decoded);
    return queued;
  }

  /** Queues a change (from a client, or from the server itself) to be stored, then applied and relayed. */
  submit(update: Uint8Array, origin: Connection | 'server', decoded?: Pending['decoded']): Promise<void> {
    this.approximateBytes += update.byteLength;
    this.pending.push({ update, origin, decoded });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // No fixed wait: the store starts once the previous one is done (after this round of I/O), and takes
      // everything that arrived meanwhile in one transaction. Under load, batches grow; at rest, latency is low.
      // A failed store rejects its own callers only: the next batch is tried afresh.
      this.queue = this.queue
        .catch(() => {})
        .then(() => new Promise((r) => setImmediate(r)))
        .then(() => this.flush());
    }
    return this.queue;
  }

  private async flush() {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    this.storing = batch;
    try {
      await storeUpdates(
        this.name,
        batch.map((b) => b.update),
      );
    } catch (error) {
      this.storing = [];
      // Not stored: not applied, not relayed. The clients keep their changes and resend on reconnect.
      logger.error('collaboration: storing updates failed', { document: this.name, error });
      for (const b of batch) this.approximateBytes -= b.update.byteLength;
      for (const b of batch) if (b.origin !== 'server') b.origin.socket.close(1011, 'storage failed');
      throw error;
    }
    this.storing = [];
    this.writers.note(batch.map((b) => (b.origin === 'server' ? null : b.origin.memberId)));
    this.outgoing = [];
    try {
      for (const b of batch) {
        Y.applyUpdate(this.doc, b.update, b.origin === 'server' ? undefined : b.origin);
        this.relay.publish(this.name, 'update', b.update);
        this.compaction.stored(b.update.byteLength);
      }
    } catch (error) {
      // Stored, but the document in memory could not take it: what is stored is the truth, reload from it.
      this.onFailure(error);
    } finally {
      const frames = this.outgoing;
      this.outgoing = null;
      broadcastBatch(this.connections.values(), frames);
    }
    const due = this.compaction.due();
    if (due === 'now') {
      // The batch is stored and relayed whatever happens here: a failed compaction is only logged (and retried).
      await this.compact().catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
    } else if (due === 'idle') {
      this.compactWhenIdle();
    }
  }

  /** (Re)arms the quiet-time compaction: it runs in the document's queue once no change came for a while. */
  private compactWhenIdle() {
    this.compaction.whenIdle(() => {
      this.queue = this.queue
        .catch(() => {})
        .then(() => this.compact())
        .catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
    });
  }

  /** Folds stored updates into the snapshot (in the document's queue, after pending stores). */
  async compact() {
    this.compaction.cancelIdle();
    if (!this.compaction.pending) return;
    await compactDocument(this.name);
    this.approximateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.compaction.compacted();
  }

  /** Waits for every queued change to be stored, then compacts: before unloading or shutting down. */
  async settle() {
    // A quiet-time compaction not started yet is done here instead, after every store.
    this.compaction.cancelIdle();
    await this.queue.catch(() => {});
    await this.flush().catch(() => {});
    await this.compact().catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
  }

  /** Forgets a connection and the presence it spoke for (here and in the other processes). */
  remove(conn: Connection) {
    this.connections.delete(conn.socket);
    this.presence.remove(conn);
  }

  /** The names of those editing now (presence of this process's clients and of the other processes'). */
  editors(): string[] {
    return this.presence.editors();
  }

  /** Stops listening to the other processes (before unloading). */
  detach() {
    return this.relay.unsubscribe(this.name);
  }
}
