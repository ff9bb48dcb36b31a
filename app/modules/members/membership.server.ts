import type { Actor } from '~/policies/actor.ts';

/**
 * "Is this member one of them?", asked of every list of members a thing has: a program's drafters and drafting
 * committee, an amendment's authors and invited co-authors, a group's members. The policies take the answer as a
 * fact (`actorIsDrafter`, `actorOnCommittee`, `actorIsAuthor`, `actorIsMember`...); this is the one way modules
 * find it.
 */

/** The member asked about: an actor (a visitor is one of nobody) or a member's id. */
type Who = Actor | string | undefined;

/** An id that no member row has: a visitor's rows are none. */
const NOBODY = '';

const idOf = (who: Who): string => (typeof who === 'string' ? who : (who?.id ?? NOBODY));

/**
 * A list of members narrowed to one member's row, to include in the read of the program, amendment or group that
 * has the list: the answer costs no query of its own and reads no one else's row. `select` says what the row
 * tells besides (a group's coordinator); by default its member id. Then `isAmong(rows)`.
 */
export function rowsOf(who: Who): { where: { memberId: string }; select: { memberId: true } };
export function rowsOf<S extends Record<string, true>>(who: Who, select: S): { where: { memberId: string }; select: S };
export function rowsOf(who: Who, select: Record<string, true> = { memberId: true }) {
  return { where: { memberId: idOf(who) }, select };
}

/**
 * The lists narrowed to several members' rows (`rowsOf` for many at once): a check of many people's rights on one
 * thing in one read (the collaboration server's recheck). Then `listsMember(rows, who)` for each.
 */
export function rowsOfMany(whos: readonly Who[]) {
  const ids = [...new Set(whos.map(idOf).filter((id) => id !== NOBODY))];
  return { where: { memberId: { in: ids } }, select: { memberId: true as const } };
}

/** Whether the member is among the rows read through `rowsOf` (all of which are theirs). */
export function isAmong(rows: readonly unknown[]): boolean {
  return rows.length > 0;
}

/** Whether a whole list of member rows, read for other reasons, has the member's row. */
export function listsMember(rows: readonly { memberId: string }[], who: Who): boolean {
  const id = idOf(who);
  return id !== NOBODY && rows.some((row) => row.memberId === id);
}
