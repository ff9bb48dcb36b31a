import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one page read once for all its loaders (issue 19). A section's page runs the program's frame loader and
 * its own side by side, and both need the program's outline; an amendment's page needs it after reading the
 * amendment. `oncePerRequest` lets a module read it once per request: the HTTP app runs each GET in a fresh
 * scope (`withRequestMemo`), so nothing is shared between requests, and nothing is kept after a write: a POST,
 * whose action may change what its loaders then read, runs without a scope, as do the command line and tests.
 *
 * The Remix build bundles its own copy of this module while server/ loads the source: the storage lives on
 * globalThis so that both see the same scope (as db.server.ts does for the database).
 */
const KEY = Symbol.for('plenum.requestMemo');
type Holder = { [KEY]?: AsyncLocalStorage<Map<string, Promise<unknown>>> };

function storage() {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new AsyncLocalStorage());
}

/** Runs `fn` (one GET request's handling) with a memo of its own, emptied when the request is done. */
export function withRequestMemo<T>(fn: () => T): T {
  return storage().run(new Map(), fn);
}

/**
 * Within a request's scope, the first call for `key` runs `read` and later calls share its promise (its answer or
 * its refusal); outside a scope, `read` runs each time. The answer is shared: callers must not change it.
 */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = storage().getStore();
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  return reading;
}
