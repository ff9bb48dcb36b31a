import * as Y from 'yjs';
import { MAX_DEPTH } from '~/rich-text/document.ts';

/**
 * A Yjs update's structure as schema-check.ts reads it, without applying it: its structs indexed by id, and what
 * a type of the document is as a container (a root, an element at some depth, a text).
 */

/** What an item's parent is. */
export type Container =
  | { kind: 'root'; name: string }
  | { kind: 'element'; name: string; depth: number }
  | { kind: 'text' }
  /** Garbage-collected: whatever lands there is discarded by Yjs. */
  | { kind: 'gone' }
  /** Not known yet (a dependency to come). */
  | { kind: 'unknown' }
  | { kind: 'other' };
/** Where an item lands: its parent, and the attribute it sets (null for content). */
export type Place = { parent: Container; sub: string | null };

/** An entry of an update: an item, a garbage-collected range, or a gap. */
export type Struct = Y.Item | Y.GC | Y.Skip;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic in their events
export type AnyType = Y.AbstractType<any>;
/** Structs by client, sorted by clock. */
export type StructIndex = Map<number, Struct[]>;

/** The structs of some updates, by client and clock, for findIn. */
export function indexStructs(updates: { structs: Struct[] }[]): StructIndex {
  const index: StructIndex = new Map();
  for (const update of updates) {
    for (const struct of update.structs) {
      const list = index.get(struct.id.client);
      if (list) list.push(struct);
      else index.set(struct.id.client, [struct]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return index;
}

/** The struct an id falls in, by binary search; undefined if the index has none. */
export function findIn(index: StructIndex, id: Y.ID): Struct | undefined {
  const list = index.get(id.client);
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = list[mid]!;
    if (id.clock < struct.id.clock) high = mid - 1;
    else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}

/** The depth of an element of the document (the fragment's children are at 1), up to MAX_DEPTH + 1. */
function depthOf(type: AnyType): number {
  let depth = 0;
  let item = type._item;
  while (item && depth <= MAX_DEPTH) {
    depth++;
    item = (item.parent as AnyType)._item;
  }
  return depth;
}

/** A type of the document as a container. */
export function containerOfType(type: AnyType): Container {
  if (type._item === null) {
    try {
      return { kind: 'root', name: Y.findRootTypeKey(type) };
    } catch {
      return { kind: 'other' };
    }
  }
  if (type instanceof Y.XmlText) return { kind: 'text' };
  if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName, depth: depthOf(type) };
  return { kind: 'other' };
}
