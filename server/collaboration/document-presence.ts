import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { binaryFrame, broadcast } from './fan-out.ts';
import { awarenessMessage } from './frames.ts';
import type { Connection } from './live-document.ts';
import { acceptPresence } from './presence.ts';
import type { Relay } from './relay.ts';

/** The origin of presence that came from another process through the relay. */
const RELAYED = Symbol('relayed');

/** What presence needs of its live document. */
export interface PresenceHost {
  name: string;
  connections: Map<WebSocket, Connection>;
  relay: Relay;
  /** Runs a listener so that its error fails the document, never the process (LiveDocument.guard). */
  guard: (listener: () => void) => void;
}

/**
 * Who is in a live document (Yjs awareness), one concern of LiveDocument: a client's presence accepted as
 * presence.ts rewrites it, which connection speaks for each client id (a connection may not speak for another's),
 * and every change sent to the document's connections and, when one of them made it, to the other processes.
 */
export class DocumentPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each awareness client id. */
  private readonly owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly host: PresenceHost,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
        host.guard(() => {
          const changed = [...added, ...updated, ...removed];
          const from = origin as Connection | undefined;
          if (from?.awarenessIds) {
            for (const id of [...added, ...updated]) {
              from.awarenessIds.add(id);
              this.owners.set(id, from);
            }
            for (const id of removed) {
              from.awarenessIds.delete(id);
              if (this.owners.get(id) === from) this.owners.delete(id);
            }
          }
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
          broadcast(host.connections.values(), { frame: binaryFrame(awarenessMessage(update)) });
          // Presence from our own clients goes to the other processes; what came from them does not go back.
          if (from?.awarenessIds) host.relay.publish(host.name, 'awareness', update);
        }),
    );
  }

  /** Applies a client's awareness frame payload, as far as presence.ts accepts it. */
  receive(conn: Connection, payload: Uint8Array) {
    const accepted = acceptPresence(payload, conn, (id) => this.owners.get(id));
    if (accepted) awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, conn);
  }

  /** Applies presence another process saw (never relayed again). */
  fromRelay(payload: Uint8Array) {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, RELAYED);
  }

  /** How many clients are present. */
  get count(): number {
    return this.awareness.getStates().size;
  }

  /** Everyone's presence as one awareness update (for a newcomer, or a client that asks). */
  everyone(): Uint8Array {
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** Forgets the presence a connection spoke for (here and in the other processes). */
  remove(conn: Connection) {
    this.host.guard(() => awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn));
    for (const id of conn.awarenessIds) if (this.owners.get(id) === conn) this.owners.delete(id);
  }

  /** The names of those editing now (presence of this process's clients and of the other processes'). */
  editors(): string[] {
    const names = [...this.awareness.getStates().values()]
      .map((state) => (state as { user?: { name?: unknown } }).user?.name)
      .filter((name): name is string => typeof name === 'string');
    return [...new Set(names)].sort();
  }
}
