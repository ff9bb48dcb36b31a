/**
 * Presence (Yjs awareness) as Plenum shows it: who is editing, and where their caret is. Shared by the editor,
 * which draws it, and the sync server, which decides it: the name and colour of a caret are the server's
 * (from the session of the connection), never what a client claims (issue 15).
 */

/** The number of caret colours (classes colour-0 ... colour-7 in app.css). */
export const PALETTE_SIZE = 8;

/** A stable colour (one of PALETTE_SIZE classes in app.css) for a member. */
export function colourIndex(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % PALETTE_SIZE;
}

/** Who a caret belongs to, as the server sets it. */
export interface PresenceUser {
  name: string;
  colour: number;
}

/** A position in the text that survives edits (Yjs RelativePosition as JSON). */
export interface RelativePositionJSON {
  type?: { client: number; clock: number } | null;
  tname?: string | null;
  item?: { client: number; clock: number } | null;
  assoc?: number;
}

/** The only presence state the server keeps and relays: the caret's owner, and its selection (if any). */
export interface PresenceState {
  user: PresenceUser;
  cursor: { anchor: RelativePositionJSON; head: RelativePositionJSON } | null;
}
