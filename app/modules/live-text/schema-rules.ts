import { HEADING_LEVELS, isSafeHref } from '~/rich-text/document.ts';
import { documentSchema } from '~/rich-text/extensions.ts';

/**
 * What the editor's schema allows, in the terms schema-check.ts checks an update in: which element may hold which,
 * which attributes and marks exist and their valid values. Derived from the ProseMirror schema where it says it;
 * the values are checked here, and a schema that gains an attribute or a mark without a rule fails at load.
 */

/** The name of the document's own node, and of text, in the schema. */
export const ROOT = 'doc';
export const TEXT = 'text';

/** The node types each node type may hold, anywhere in its content (from the ProseMirror schema). */
export const CHILDREN = new Map<string, Set<string>>(
  Object.entries(documentSchema.nodes).map(([name, type]) => {
    const allowed = new Set<string>();
    const seen = new Set<unknown>();
    const stack = [type.contentMatch];
    while (stack.length) {
      const match = stack.pop()!;
      if (seen.has(match)) continue;
      seen.add(match);
      for (let i = 0; i < match.edgeCount; i++) {
        const edge = match.edge(i);
        allowed.add(edge.type.name);
        stack.push(edge.next);
      }
    }
    return [name, allowed];
  }),
);
/** Elements that hold blocks: these count towards MAX_DEPTH. */
export const CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
const shortText = (value: unknown, max: number) => value === null || (typeof value === 'string' && value.length <= max);

/** Attributes each element may carry, and their valid values. */
export const ATTRIBUTES: Record<string, Record<string, (value: unknown) => boolean>> = {
  heading: { level: (v) => HEADING_LEVELS.some((l) => l === v) },
  orderedList: {
    start: (v) => Number.isSafeInteger(v),
    type: (v) => shortText(v, 8),
  },
};
for (const [name, type] of Object.entries(documentSchema.nodes)) {
  for (const attr of Object.keys(type.spec.attrs ?? {})) {
    if (!ATTRIBUTES[name]?.[attr]) throw new Error(`schema-check: no rule for attribute ${name}.${attr}`);
  }
}

/** Marks (formatting of a text), and their valid values; null ends a mark. */
export const MARKS: Record<string, (value: unknown) => boolean> = {
  bold: (v) => v === true || (isPlainObject(v) && Object.keys(v).length === 0),
  italic: (v) => v === true || (isPlainObject(v) && Object.keys(v).length === 0),
  link: (v) =>
    isPlainObject(v) &&
    isSafeHref(v.href) &&
    Object.entries(v).every(([key, value]) =>
      key === 'href' ? true : ['target', 'rel', 'class', 'title'].includes(key) && shortText(value, 200),
    ),
};
for (const name of Object.keys(documentSchema.marks)) {
  if (!MARKS[name]) throw new Error(`schema-check: no rule for mark ${name}`);
}
