import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
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
import { compactDocument, loadDocument, noteWriters, storeUpdates } from '~/modules/live-text/storage.server.ts';
import { acceptPresence } from './presence.ts';
import { localOnly, type Relay, type RelayKind } from './relay.ts';

/** The origin of changes that came from another process through the relay. */
const RELAYED = Symbol('relayed');

/** The largest a live document may grow (a section's text is far smaller; this bounds abuse). */
export const DOCUMENT_LIMITS = { maxBytes: 4 * 1024 * 1024 };

/** A change that would make the document larger than DOCUMENT_LIMITS.maxBytes. */
export class DocumentTooLargeError extends Error {
  constructor() {
    super('document too large');
    this.name = 'DocumentTooLargeError';
  }
}

/**
 * Compaction folds stored updates into the snapshot. Past COMPACT_AFTER updates or bytes it waits for the document
 * to be quiet for COMPACT_IDLE_MS: folding takes the database for tens of milliseconds, and everyone typing would
 * wait for it. Past COMPACT_FORCED it runs at once, busy or not, so that a cold load never replays more.
 */
export const COMPACTION = {
  afterUpdates: 200,
  afterBytes: 512 * 1024,
  idleMs: 1_000,
  forcedUpdates: 2_000,
  forcedBytes: 2 * 1024 * 1024,
};

/**
 * Whether incoming updates are checked against the editor's schema before they are stored (issue 15). Always, but
 * for bench:collab, which measures the check by running with it and without it in the same run.
 */
export const SCHEMA_CHECK = { enabled: process.env.PLENUM_BENCH_SCHEMA_CHECK !== 'off' };

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
  /** The member writing through it (null for the public): who edited a section is kept (noteWriters). */
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
 */
export class LiveDocument {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Map<WebSocket, Connection>();
  /** Which connection speaks for each awareness client id (a connection may not speak for another's). */
  private readonly presenceOwners = new Map<number, Connection>();
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
  private storedSinceSnapshot: number;
  private bytesSinceSnapshot = 0;
  /** An upper bound of the document's encoded size: its state at load plus every update since. */
  private approximateBytes: number;
  private idleCompaction?: NodeJS.Timeout;
  /** While a stored batch is applied: the frames it makes, sent together once it is all applied. */
  private outgoing: Outgoing[] | null = null;
  /** When each member's writing was last noted (noteWriters): at most every ten seconds per member. */
  private readonly writersNoted = new Map<string, number>();

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    loaded: { updateCount: number; storedBytes: number },
    private readonly relay: Relay,
  ) {
    this.storedSinceSnapshot = loaded.updateCount;
    this.approximateBytes = loaded.storedBytes;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.guard(() => {
        const out = { frame: binaryFrame(updateMessage(update)), from: origin as Connection | undefined };
        if (this.outgoing) this.outgoing.push(out);
        else broadcast(this.connections.values(), out);
      }),
    );
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
        this.guard(() => {
          const changed = [...added, ...updated, ...removed];
          const from = origin as Connection | undefined;
          if (from?.awarenessIds) {
            for (const id of [...added, ...updated]) {
              from.awarenessIds.add(id);
              this.presenceOwners.set(id, from);
            }
            for (const id of removed) {
              from.awarenessIds.delete(id);
              if (this.presenceOwners.get(id) === from) this.presenceOwners.delete(id);
            }
          }
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
          broadcast(this.connections.values(), { frame: binaryFrame(awarenessMessage(update)) });
          // Presence from our own clients goes to the other processes; what came from them does not go back.
          if (from?.awarenessIds) this.relay.publish(this.name, 'awareness', update);
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
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, RELAYED);
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
    const states = [...this.awareness.getStates().keys()];
    if (states.length) {
      conn.socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
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
      const accepted = acceptPresence(decoding.readVarUint8Array(decoder), conn, (id) => this.presenceOwners.get(id));
      if (accepted) awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, conn);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      const states = [...this.awareness.getStates().keys()];
      conn.socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
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

  /**
   * Keeps who wrote (issue 17), at most every ten seconds per member: the record is per day, and a failure only
   * costs a name in a changelog, so it is logged and never holds the batch back.
   */
  private noteWriters(batch: Pending[]) {
    const now = Date.now();
    const members = new Set<string>();
    for (const b of batch) {
      const id = b.origin === 'server' ? null : b.origin.memberId;
      if (id && now - (this.writersNoted.get(id) ?? 0) >= 10_000) members.add(id);
    }
    if (!members.size) return;
    for (const id of members) this.writersNoted.set(id, now);
    noteWriters(this.name, [...members]).catch((error: unknown) => {
      for (const id of members) this.writersNoted.delete(id);
      logger.warn('collaboration: noting writers failed', { document: this.name, error });
    });
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
    this.noteWriters(batch);
    this.outgoing = [];
    try {
      for (const b of batch) {
        Y.applyUpdate(this.doc, b.update, b.origin === 'server' ? undefined : b.origin);
        this.relay.publish(this.name, 'update', b.update);
        this.storedSinceSnapshot++;
        this.bytesSinceSnapshot += b.update.byteLength;
      }
    } catch (error) {
      // Stored, but the document in memory could not take it: what is stored is the truth, reload from it.
      this.onFailure(error);
    } finally {
      const frames = this.outgoing;
      this.outgoing = null;
      broadcastBatch(this.connections.values(), frames);
    }
    if (this.storedSinceSnapshot >= COMPACTION.forcedUpdates || this.bytesSinceSnapshot >= COMPACTION.forcedBytes) {
      // The batch is stored and relayed whatever happens here: a failed compaction is only logged (and retried).
      await this.compact().catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
    } else if (
      this.storedSinceSnapshot >= COMPACTION.afterUpdates ||
      this.bytesSinceSnapshot >= COMPACTION.afterBytes
    ) {
      this.compactWhenIdle();
    }
  }

  /** (Re)arms the quiet-time compaction: it runs in the document's queue once no change came for a while. */
  private compactWhenIdle() {
    clearTimeout(this.idleCompaction);
    this.idleCompaction = setTimeout(() => {
      this.idleCompaction = undefined;
      this.queue = this.queue
        .catch(() => {})
        .then(() => this.compact())
        .catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
    }, COMPACTION.idleMs);
    this.idleCompaction.unref();
  }

  /** Folds stored updates into the snapshot (in the document's queue, after pending stores). */
  async compact() {
    clearTimeout(this.idleCompaction);
    this.idleCompaction = undefined;
    if (this.storedSinceSnapshot === 0) return;
    await compactDocument(this.name);
    this.approximateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.storedSinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
  }

  /** Waits for every queued change to be stored, then compacts: before unloading or shutting down. */
  async settle() {
    // A quiet-time compaction not started yet is done here instead, after every store.
    clearTimeout(this.idleCompaction);
    this.idleCompaction = undefined;
    await this.queue.catch(() => {});
    await this.flush().catch(() => {});
    await this.compact().catch((error: unknown) => logger.warn('compaction failed', { document: this.name, error }));
  }

  /** Forgets a connection and the presence it spoke for (here and in the other processes). */
  remove(conn: Connection) {
    this.connections.delete(conn.socket);
    this.guard(() => awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn));
    for (const id of conn.awarenessIds) if (this.presenceOwners.get(id) === conn) this.presenceOwners.delete(id);
  }

  /** The names of those editing now (presence of this process's clients and of the other processes'). */
  editors(): string[] {
    const names = [...this.awareness.getStates().values()]
      .map((state) => (state as { user?: { name?: unknown } }).user?.name)
      .filter((name): name is string => typeof name === 'string');
    return [...new Set(names)].sort();
  }

  /** Stops listening to the other processes (before unloading). */
  detach() {
    return this.relay.unsubscribe(this.name);
  }
}
