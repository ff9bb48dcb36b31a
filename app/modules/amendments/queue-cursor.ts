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

/**
 * Reads a cursor holding `idCount` ids; null (the top of the list) when it is absent or means nothing. Keys are
 * whole numbers (a time in microseconds, a count) that fit the database's bigint, unless `key` says 'fraction'
 * (a similarity): a key beyond them, forged or mangled, would have the database refuse the statement.
 */
export function readCursor(
  cursor: string | null | undefined,
  idCount = 1,
  key: 'whole' | 'fraction' = 'whole',
): Cursor | null {
  if (!cursor) return null;
  const parts = cursor.split('.');
  if (parts.length < idCount + 1) return null;
  const ids = parts.slice(-idCount);
  const value = Number(parts.slice(0, -idCount).join('.'));
  const fits = key === 'whole' ? Number.isSafeInteger(value) : Number.isFinite(value) && Math.abs(value) <= 1;
  if (!fits || !ids.every((id) => ID.test(id))) return null;
  return { key: value, ids };
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

/** Each paged list of the queue: how many ids its cursor holds after the key, and what its key is. */
export const QUEUE_CURSORS = {
  after: [1, 'whole'],
  collecting: [1, 'whole'],
  updates: [1, 'whole'],
  groups: [1, 'whole'],
  duplicates: [2, 'fraction'],
  reports: [1, 'whole'],
  rolls: [2, 'whole'],
} as const satisfies Record<string, readonly [number, 'whole' | 'fraction']>;

/** Reads the cursor of one of the queue's lists (null: its top). */
export function readQueueCursor(list: keyof typeof QUEUE_CURSORS, cursor: string | null | undefined) {
  const [ids, key] = QUEUE_CURSORS[list];
  return readCursor(cursor, ids, key);
}
