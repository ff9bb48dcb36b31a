import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-websocket protocol's messages, as the server writes them (one concern): a message type, then its payload.
 * Built here once, so that the envelope is written in one place (issue 16); the tests' forged clients use it too.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export const syncStep1Message = (doc: Y.Doc) => message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));

/** Sync step 2: what the client lacks, given its state vector. */
export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array) =>
  message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector));

/** A document update. */
export const updateMessage = (update: Uint8Array) => message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));

/** A presence (awareness) update. */
export const awarenessMessage = (update: Uint8Array) =>
  message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));

/** An awareness update of client ids with their clock and state JSON (any text, for forged clients in tests). */
export function awarenessUpdate(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
