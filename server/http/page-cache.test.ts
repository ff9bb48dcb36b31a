import { describe, expect, it } from 'vitest';
import { keepNewest, PageCache, type CachedPage } from './page-cache.ts';

const page = (storedAt: number): CachedPage => ({
  status: 200,
  headers: [],
  body: 'x'.repeat(100_000),
  nonce: 'n',
  requestId: 'r',
  storedAt,
});

describe('what the page caches keep', () => {
  it('drops the pages past their time as it keeps a new one, not only when full', () => {
    const cache = new PageCache(2000);
    cache.set('a', page(0), 0);
    cache.set('b', page(1000), 1000);
    expect(cache.size).toBe(2);
    // At 2500, a (kept at 0) is past its 2 s; b is not.
    cache.set('c', page(2500), 2500);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 2500)).toBeUndefined();
    expect(cache.get('b', 2500)?.storedAt).toBe(1000);
    // A page kept anew moves to the newest end: kept again at 2600, b outlives c.
    cache.set('b', page(2600), 2600);
    cache.set('d', page(4550), 4550);
    expect(cache.get('c', 4550)).toBeUndefined();
    expect(cache.get('b', 4550)?.storedAt).toBe(2600);
  });

  it('drops the oldest when full, whatever their time', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 5; i++) keepNewest(map, `k${i}`, i, 3, () => false);
    expect([...map.keys()]).toEqual(['k2', 'k3', 'k4']);
    // And stops at the first that may still be served: those after it were kept later.
    keepNewest(map, 'k5', 5, 10, (kept) => kept < 3);
    expect([...map.keys()]).toEqual(['k3', 'k4', 'k5']);
  });
});
