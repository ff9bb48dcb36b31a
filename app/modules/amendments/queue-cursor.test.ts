import { describe, expect, it } from 'vitest';
import { queueQueryOf } from './moderation.schema.ts';
import { cursorOf, pageOf, readCursor } from './queue-cursor.ts';

describe('the moderation queue’s cursors', () => {
  it('reads back what cursorOf wrote, whole keys and similarities alike', () => {
    expect(readCursor(cursorOf(1733475766817000, 'abc123'))).toEqual({ key: 1733475766817000, ids: ['abc123'] });
    expect(readCursor(cursorOf(0.8125, 'a-1', 'b_2'), 2, 'fraction')).toEqual({ key: 0.8125, ids: ['a-1', 'b_2'] });
    expect(readCursor(cursorOf(3, 'x'))).toEqual({ key: 3, ids: ['x'] });
  });

  it('starts at the top for a key the database would refuse: too large, not whole, not a number', () => {
    // Each of these reached PostgreSQL's bigint and answered 500 before (the adversarial suite found the first).
    for (const forged of ['99999999999999999999999999999.abc', '9007199254740993.abc', '1.5.abc', '1e309.abc']) {
      expect(readCursor(forged), forged).toBeNull();
    }
    expect(readCursor('NaN.abc')).toBeNull();
    expect(readCursor('2.a.b', 2, 'fraction')).toBeNull();
    expect(readCursor(`1.${'a'.repeat(65)}`)).toBeNull();
    expect(readCursor('1.é')).toBeNull();
    expect(readCursor('abc')).toBeNull();
    expect(readCursor('')).toBeNull();
    expect(readCursor(null)).toBeNull();
  });

  it('splits a page from the one more row read, and gives the next page’s cursor only when more follow', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: `r${n}` }));
    expect(pageOf(rows, 2, (r) => cursorOf(r.n, r.id))).toEqual({ shown: rows.slice(0, 2), next: '2.r2' });
    expect(pageOf(rows, 3, (r) => cursorOf(r.n, r.id))).toEqual({ shown: rows, next: null });
    expect(pageOf(null, 3, () => 'never')).toEqual({ shown: [], next: null });
  });

  it('reads the queue’s address with a forged cursor as that list’s top, keeping the others and the chapter', () => {
    const query = queueQueryOf(
      new URLSearchParams({ chapter: 'ch1', reports: '99999999999999999999.x', rolls: '17.r1.m1', collecting: 'x' }),
    );
    expect(query).toMatchObject({ chapter: 'ch1', reports: null, rolls: '17.r1.m1', collecting: null, after: null });
  });
});
