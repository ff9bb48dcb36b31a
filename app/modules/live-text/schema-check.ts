import * as Y from 'yjs';
import { isCleanText } from '~/rich-text/repair.ts';
import { MAX_DEPTH } from '~/rich-text/document.ts';
import { FRAGMENT } from '~/rich-text/extensions.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { ATTRIBUTES, CHILDREN, CONTAINERS, MARKS, ROOT, TEXT } from './schema-rules.ts';
import {
  containerOfType,
  findIn,
  indexStructs,
  type AnyType,
  type Container,
  type Place,
  type Struct,
  type StructIndex,
} from './update-structs.ts';

/**
 * The check of a Yjs update against the editor's schema, before the sync server stores it (issue 15). An update
 * is a list of new items, each placed in a parent (the document's fragment, an element, a text) and holding one
 * kind of content. The check looks at each new item where it lands: an element the schema has, under a parent
 * that may hold it, no deeper than MAX_DEPTH; attributes the schema gives that element, with valid values; text
 * without characters PostgreSQL cannot store; formatting that is a mark of the schema (a link's address safe);
 * nothing else (maps, arrays, embeds, binaries, sub-documents, other root types).
 *
 * It works on the update and on the document it is to be applied to, without applying anything: an item's parent
 * is named in the update, or is its neighbour's (then found in the update, in the updates queued before it, or in
 * the document). A parent that is nowhere yet (a dependency still to come) leaves only the checks that need no
 * parent; Yjs holds such an item back until its dependency arrives, which is checked in turn.
 *
 * What a single valid edit cannot guarantee, two concurrent ones may still produce (two people emptying the two
 * items of one list leave an empty list): those shapes are fixed when text is read (repair.ts), never refused here,
 * or a member would be cut off for an honest edit.
 *
 * What the schema allows is schema-rules.ts; reading an update's structs and containers is update-structs.ts.
 */

/** Why an update was refused, in words for the log. */
export class UpdateRefusedError extends DomainError {
  constructor(reason: string) {
    super('invalid', 'error.badRequest.title', { log: reason });
  }
}

/** The check of one update (see above). */
export class UpdateCheck {
  private readonly local: StructIndex;
  private readonly places = new Map<Y.Item, Place | string>();
  private readonly depths = new Map<Y.Item, number>();
  private recursion = 0;

  /**
   * @param doc the document the update is to be applied to
   * @param update the decoded update (Y.decodeUpdate)
   * @param queued updates received before it and not yet applied to `doc` (decoded)
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly update: { structs: Struct[]; ds?: { clients: Map<number, { len: number }[]> } },
    queued: { structs: Struct[] }[] = [],
  ) {
    this.local = indexStructs([update, ...queued]);
  }

  /** Throws UpdateRefusedError with the first reason found. */
  run(): void {
    // Deletions may remove anything, but a range of no length makes Yjs throw whenever it re-encodes them.
    for (const ranges of this.update.ds?.clients.values() ?? []) {
      for (const { len } of ranges) if (!(len >= 1)) this.refuse('an empty deletion');
    }
    for (const struct of this.update.structs) {
      if (struct instanceof Y.Item) this.checkItem(struct);
    }
  }

  private refuse(reason: string): never {
    throw new UpdateRefusedError(reason);
  }

  /** The item an id falls in: in this update or those queued, else in the document; undefined if nowhere. */
  private find(id: Y.ID): { struct: Struct; local: boolean } | undefined {
    const local = findIn(this.local, id);
    if (local) return { struct: local, local: true };
    if (id.clock < Y.getState(this.doc.store, id.client))
      return { struct: Y.getItem(this.doc.store, id), local: false };
    return undefined;
  }

  /** What an item of the update (or queued) holds, as a container for the items placed in it. */
  private containerAt(id: Y.ID): Container {
    const found = this.find(id);
    if (!found) return { kind: 'unknown' };
    const { struct } = found;
    // Garbage-collected, or a deleted element whose content is gone: Yjs discards what lands in it.
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) return { kind: 'gone' };
    if (!found.local) {
      return struct.content instanceof Y.ContentType
        ? containerOfType(struct.content.type as AnyType)
        : { kind: 'other' };
    }
    if (!(struct.content instanceof Y.ContentType)) return { kind: 'other' };
    const type = struct.content.type;
    if (type instanceof Y.XmlText) return { kind: 'text' };
    if (!(type instanceof Y.XmlElement)) return { kind: 'other' };
    return { kind: 'element', name: type.nodeName, depth: this.localDepth(struct) };
  }

  /** The depth of an element created by this update (or a queued one). */
  private localDepth(item: Y.Item): number {
    const known = this.depths.get(item);
    if (known !== undefined) return known;
    if (++this.recursion > MAX_DEPTH * 3) this.refuse('elements nested too deeply');
    try {
      const place = this.placeOf(item);
      const parent = typeof place === 'string' ? null : place.parent;
      const depth = parent?.kind === 'element' ? parent.depth + 1 : 1;
      this.depths.set(item, depth);
      return depth;
    } finally {
      this.recursion--;
    }
  }

  /**
   * Where an item lands: its parent and key. Named in the item, or its neighbour's (origin, else right origin),
   * followed through the update iteratively (a chain of a hundred thousand characters typed one by one is one
   * loop, not one call each). A string is a reason to refuse.
   */
  private placeOf(item: Y.Item): Place | string {
    const known = this.places.get(item);
    if (known) return known;
    const chain: Y.Item[] = [];
    const seen = new Set<Y.Item>();
    let current = item;
    let place: Place | string;
    for (;;) {
      const memo = this.places.get(current);
      if (memo) {
        place = memo;
        break;
      }
      if (seen.has(current)) {
        place = 'items that are their own neighbours';
        break;
      }
      seen.add(current);
      chain.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        place = { parent: { kind: 'root', name: parent }, sub: current.parentSub };
        break;
      }
      if (parent instanceof Y.ID) {
        place = { parent: this.containerAt(parent), sub: current.parentSub };
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) {
        place = 'an item with neither parent nor neighbour';
        break;
      }
      const found = this.find(neighbour);
      if (!found) {
        place = { parent: { kind: 'unknown' }, sub: null };
        break;
      }
      if (!(found.struct instanceof Y.Item)) {
        place = { parent: { kind: 'gone' }, sub: null };
        break;
      }
      if (found.local) {
        current = found.struct;
        continue;
      }
      place = {
        parent: containerOfType(found.struct.parent as AnyType),
        sub: found.struct.parentSub,
      };
      break;
    }
    for (const c of chain) this.places.set(c, place);
    return place;
  }

  private checkItem(item: Y.Item) {
    // Yjs takes an item's references to its own client as already there (they were typed before it): one that
    // points at or past itself makes every later application of the update throw, and the document with it.
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref && ref.client === item.id.client && ref.clock >= item.id.clock) this.refuse('an item that refers ahead');
    }
    if (item.length < 1) this.refuse('an empty item');
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return;
    const place = this.placeOf(item);
    if (typeof place === 'string') this.refuse(place);
    const { parent, sub } = place;
    if (parent.kind === 'gone') return;
    if (parent.kind === 'other') this.refuse('a change inside something that is not the text');
    if (parent.kind === 'root') {
      if (parent.name !== FRAGMENT) this.refuse(`a root type other than the text (${parent.name.slice(0, 40)})`);
      if (sub !== null) this.refuse('an attribute on the document itself');
    }

    // What the content is, wherever it lands.
    if (content instanceof Y.ContentType) {
      const type = content.type;
      let name: string;
      if (type instanceof Y.XmlText) name = TEXT;
      else if (type instanceof Y.XmlElement && type.constructor === Y.XmlElement) {
        name = type.nodeName;
        if (name === ROOT || name === TEXT || !CHILDREN.has(name))
          this.refuse(`an unknown element (${name.slice(0, 40)})`);
      } else this.refuse('a shared type the editor does not use');
      if (sub !== null) this.refuse('an element or text as an attribute');
      if (parent.kind === 'text') this.refuse('an element inside a text');
      if (parent.kind === 'root' || parent.kind === 'element') {
        const parentName = parent.kind === 'root' ? ROOT : parent.name;
        if (!CHILDREN.get(parentName)?.has(name)) this.refuse(`${name} inside ${parentName}`);
        const depth = parent.kind === 'element' ? parent.depth + 1 : 1;
        if (CONTAINERS.has(name) && depth >= MAX_DEPTH) this.refuse(`blocks nested deeper than ${MAX_DEPTH} levels`);
      }
      return;
    }
    if (content instanceof Y.ContentString) {
      if (!isCleanText(content.str)) this.refuse('text with a NUL or a lone surrogate');
      if (sub !== null || parent.kind === 'root' || parent.kind === 'element') this.refuse('text outside a text');
      return;
    }
    if (content instanceof Y.ContentFormat) {
      const valid = MARKS[content.key];
      if (!valid) this.refuse(`an unknown mark (${content.key.slice(0, 40)})`);
      if (content.value !== null && !valid(content.value)) this.refuse(`an invalid ${content.key} mark (unsafe link?)`);
      if (sub !== null || parent.kind === 'root' || parent.kind === 'element') this.refuse('a mark outside a text');
      return;
    }
    if (content instanceof Y.ContentAny) {
      // Only as an attribute's value: one value, valid for that attribute of that element.
      if (sub === null || content.arr.length !== 1) this.refuse('values in a sequence');
      if (parent.kind === 'root' || parent.kind === 'text') this.refuse('an attribute outside an element');
      const rules =
        parent.kind === 'element'
          ? [ATTRIBUTES[parent.name]?.[sub]]
          : Object.values(ATTRIBUTES).map((attributes) => attributes[sub]);
      const value = content.arr[0];
      if (!rules.some((valid) => valid?.(value))) this.refuse(`an invalid attribute ${sub.slice(0, 40)}`);
      return;
    }
    // Embeds, JSON, binaries and sub-documents: the editor writes none.
    this.refuse(`content the editor does not write (${content.constructor.name})`);
  }
}

/**
 * Checks a (decoded) update against the schema before it is applied to `doc`, `queued` being updates accepted but
 * not applied yet. Throws UpdateRefusedError.
 */
export function checkUpdate(doc: Y.Doc, update: { structs: Struct[] }, queued: { structs: Struct[] }[] = []): void {
  new UpdateCheck(doc, update, queued).run();
}
