/**
 * Cursors of the moderation queue's paged lists (ADR 0044): where the next page starts, as the key the list is
 * ordered by (a number: a time in microseconds, or a similarity) followed by the id or ids that break ties, joined
 * by dots ("1733475766817000.abc123"). Ids are letters, digits, dashes and underscores, never a dot; the key may
 * (a similarity), so it is everything before the ids. A cursor that does not parse starts the list at the top.
 */

/** A parsed cursor: the key and the ids after it. */
export interface Cursor {
  key: number;
  ids: string[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The cursor of a row: its key, then its ids. */
export const cursorOf = (key: number | string, ...ids: string[]) => [String(key), ...ids].join('.');

/** Reads a cursor holding `idCount` ids; null (the top of the list) when it is absent or means nothing. */
export function readCursor(cursor: string | null | undefined, idCount = 1): Cursor | null {
  if (!cursor) return null;
  const parts = cursor.split('.');
  if (parts.length < idCount + 1) return null;
  const ids = parts.slice(-idCount);
  const key = Number(parts.slice(0, -idCount).join('.'));
  if (!Number.isFinite(key) || !ids.every((id) => ID.test(id))) return null;
  return { key, ids };
}

/**
 * Splits the rows a paged statement read (a page and one more, or null for none) into the page shown and the
 * cursor of the next page (null on the last one), from the last row shown.
 */
export function pageOf<T>(rows: T[] | null | undefined, size: number, cursor: (last: T) => string) {
  const read = rows ?? [];
  const shown = read.slice(0, size);
  const last = shown[shown.length - 1];
  return { shown, next: read.length > size && last !== undefined ? cursor(last) : null };
}
