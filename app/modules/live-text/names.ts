/**
 * The names of live documents, and how the sync server closes a connection to one: what the sync server, the
 * modules, the editor and the tests share about live text, in one place (issue 16). Pure and safe in the
 * browser: the editor reads the close codes here.
 *
 * A live document is a section's text (`section:<id>`), an amendment's draft (`amendment:<id>`), or the draft of an
 * amendment's update against text that moved under it (`amendment:<id>@<revision>`). Ids are Plenum's (16
 * characters of base32, app/utils/ids.ts); a name of any other shape is no document.
 */

/** What a live document is the text of. */
export type LiveDocumentTarget = { kind: 'section'; id: string } | { kind: 'amendment'; id: string; revision?: number };

export const liveDocumentName = {
  section: (sectionId: string) => `section:${sectionId}`,
  amendment: (amendmentId: string) => `amendment:${amendmentId}`,
  /** The draft of an amendment's update to `revision`: its next revision against the text as it moved. */
  amendmentUpdate: (amendmentId: string, revision: number) => `amendment:${amendmentId}@${revision}`,
};

/** The target of a document name, or null for a name of no document's shape. */
export function parseLiveDocumentName(name: string): LiveDocumentTarget | null {
  const match = /^(section|amendment):([a-z2-7]{16})(?:@([1-9][0-9]{0,5}))?$/.exec(name);
  if (!match) return null;
  if (match[1] === 'section') return match[3] ? null : { kind: 'section', id: match[2]! };
  return match[3]
    ? { kind: 'amendment', id: match[2]!, revision: Number(match[3]) }
    : { kind: 'amendment', id: match[2]! };
}

/**
 * Close codes of the sync server. y-websocket (3.x) stops reconnecting after a code in 4400-4499, so those are
 * final; rightsChanged is not (the editor fetches its rights again and reconnects), nor is failed (the document
 * failed in the server's process and is loaded afresh from storage at the reconnection).
 */
export const CLOSE = {
  /** A right changed (role, phase, lock, drafters): fetch the page's rights again, reconnect. */
  rightsChanged: 4009,
  /**
   * The right to write ended while connected (issue 17): the close reason says why and since when
   * (`writeEndedReason`); what the server stored until then stays, the editor reconnects read-only and offers what
   * was not stored (docs/decisions/0025-losing-the-right-to-write.md).
   */
  writeEnded: 4010,
  /** A frame that is not the protocol. */
  malformed: 4400,
  /** The right to read was withdrawn. */
  forbidden: 4403,
  /** The document was removed (its section, say). */
  gone: 4410,
  /** The change would make the document larger than allowed. */
  tooLarge: 4413,
  /** A change outside the editor's schema (schema-check.ts): refused, nothing of it stored (issue 15). */
  refused: 4422,
  /**
   * A change sent on a read-only connection: refused, nothing of it stored, final (a stock client would resend
   * it at every reconnection). The close reason says why the connection may not write, like writeEnded.
   */
  readOnly: 4423,
  /** More frames a second than allowed. */
  rate: 4429,
  /** The document failed in this process: reconnect, it is loaded afresh. */
  failed: 1011,
  /** The server is shutting down. */
  goingAway: 1001,
} as const;

/** Why a connection may not (or no longer) write a live document: told to the editor in the close reason. */
export const WRITE_ENDED_REASONS = [
  /** The program left the phase in which this text is written (a moderator moved it on). */
  'phase',
  /** The program is written by its named drafters, and the member is no longer one. */
  'drafter',
  /** Moderators locked the section (a vote on it is under way). */
  'locked',
  /** The member was suspended. */
  'suspended',
  /** The session ended (signed out, expired). */
  'signedOut',
  /** The member is no longer an author of the amendment. */
  'author',
  /** The amendment is no longer a draft (submitted or withdrawn). */
  'notDraft',
  /** Anything else (the section was archived, say). */
  'other',
] as const;
export type WriteEndedReason = (typeof WRITE_ENDED_REASONS)[number];

/** Why writing ended, and since when if the server knows (a phase's start, a lock's time). */
export interface WriteEnded {
  reason: WriteEndedReason;
  since: Date | null;
}

/** The close reason of CLOSE.writeEnded and CLOSE.readOnly: the reason, then the time (a close reason holds 123 bytes). */
export function writeEndedReason(ended: WriteEnded): string {
  return ended.since ? `${ended.reason} ${ended.since.toISOString()}` : ended.reason;
}

/** Reads a close reason written by writeEndedReason (anything else reads as 'other', since unknown). */
export function parseWriteEndedReason(text: string): WriteEnded {
  const [word = '', time] = text.split(' ');
  const reason = (WRITE_ENDED_REASONS as readonly string[]).includes(word) ? (word as WriteEndedReason) : 'other';
  const since = time ? new Date(time) : null;
  return { reason, since: since && !Number.isNaN(since.getTime()) ? since : null };
}
