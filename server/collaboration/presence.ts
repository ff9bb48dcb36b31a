import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceState, PresenceUser, RelativePositionJSON } from '~/modules/live-text/presence.ts';

/**
 * Presence (Yjs awareness) from clients, as the server accepts it (one concern; issue 15). A client's awareness
 * frame is a list of (client id, clock, JSON state). The server keeps none of what a client chose: it reads the
 * caret's position, checks its shape, and writes the state anew with the name and colour of the connection's
 * member. So a state is small and flat whatever was sent (re-encoding every state for a newcomer can never throw),
 * a reader cannot appear under "editing now", and nobody can take another's name.
 *
 * - Only connections that may write speak: a reader's frames are ignored (readers need no caret).
 * - A connection speaks for at most PRESENCE_LIMITS.clientsPerConnection client ids, none of another connection's.
 * - A state over PRESENCE_LIMITS.stateChars characters, or not of the caret's shape, is ignored.
 */
export const PRESENCE_LIMITS = {
  /** The longest state accepted as sent (a caret's state is ~250 characters; a long name adds ~100). */
  stateChars: 2048,
  /** A tab is one client id; a reconnection may briefly bring a second. */
  clientsPerConnection: 2,
};

/** A connection as presence sees it. */
export interface PresenceSpeaker {
  readOnly: boolean;
  /** Who the connection's member is, as shown (null for the public). */
  user: PresenceUser | null;
  /** The client ids this connection speaks for. */
  awarenessIds: Set<number>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isId = (value: unknown): value is { client: number; clock: number } =>
  isObject(value) &&
  Number.isSafeInteger(value.client) &&
  (value.client as number) >= 0 &&
  Number.isSafeInteger(value.clock) &&
  (value.clock as number) >= 0;

/** A relative position as JSON (Y.relativePositionToJSON), rebuilt field by field; undefined if malformed. */
function relativePosition(value: unknown): RelativePositionJSON | undefined {
  if (!isObject(value)) return undefined;
  const out: RelativePositionJSON = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'type' || key === 'item') {
      if (field === null) out[key] = null;
      else if (isId(field)) out[key] = { client: field.client, clock: field.clock };
      else return undefined;
    } else if (key === 'tname') {
      if (field === null || (typeof field === 'string' && field.length <= 64)) out.tname = field;
      else return undefined;
    } else if (key === 'assoc') {
      if (Number.isInteger(field) && Math.abs(field as number) <= 1) out.assoc = field as number;
      else return undefined;
    } else return undefined;
  }
  return out;
}

/** The caret of a state as sent: null (no caret), or its anchor and head; undefined if malformed. */
function cursorOf(state: Record<string, unknown>): PresenceState['cursor'] | undefined {
  const cursor = state.cursor;
  if (cursor === undefined || cursor === null) return null;
  if (!isObject(cursor)) return undefined;
  const anchor = relativePosition(cursor.anchor);
  const head = relativePosition(cursor.head);
  return anchor && head ? { anchor, head } : undefined;
}

/**
 * The presence update to apply for a client's awareness frame payload, rewritten as above; null when nothing of
 * it is kept. `ownerOf` tells which connection speaks for a client id, if any. Throws only on bytes that are not
 * an awareness update at all (the caller closes that connection as malformed).
 */
export function acceptPresence(
  payload: Uint8Array,
  from: PresenceSpeaker,
  ownerOf: (clientId: number) => PresenceSpeaker | undefined,
): Uint8Array | null {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: PresenceState | null }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (from.readOnly || !from.user) continue;
    const owner = ownerOf(clientId);
    if (owner && owner !== from) continue;
    if (!from.awarenessIds.has(clientId) && from.awarenessIds.size >= PRESENCE_LIMITS.clientsPerConnection) continue;
    if (json.length > PRESENCE_LIMITS.stateChars) continue;
    let sent: unknown;
    try {
      sent = JSON.parse(json);
    } catch {
      continue;
    }
    if (sent === null) {
      kept.push({ clientId, clock, state: null });
      continue;
    }
    if (!isObject(sent)) continue;
    const cursor = cursorOf(sent);
    if (cursor === undefined) continue;
    kept.push({ clientId, clock, state: { user: { name: from.user.name, colour: from.user.colour }, cursor } });
  }
  if (!kept.length) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
