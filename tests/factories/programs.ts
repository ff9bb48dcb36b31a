import type { Phase } from '../../app/generated/prisma/enums.ts';
import type { DocNode } from '../../app/rich-text/document.ts';
import { createProgram } from '../../app/modules/programs/program-commands.server.ts';
import { newId } from '../../app/utils/ids.ts';

/** A paragraph document. */
export function doc(text: string): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Creates a program of `shape.length` chapters with `shape[i]` sections each. */
export async function createTestProgram(options: { shape?: number[]; phase?: Phase; draftIsPublic?: boolean } = {}) {
  const shape = options.shape ?? [2, 3];
  const slug = `test-${newId().slice(0, 8)}`;
  const id = await createProgram({
    actorId: null,
    slug,
    title: `Program ${slug}`,
    summary: 'A program for tests.',
    phase: options.phase,
    draftIsPublic: options.draftIsPublic,
    chapters: shape.map((n, ci) => ({
      title: `Chapter ${ci + 1}`,
      sections: Array.from({ length: n }, (_, si) => ({
        title: `Section ${ci + 1}-${si + 1}`,
        content: doc(`Text of section ${ci + 1}-${si + 1}.`),
      })),
    })),
  });
  return { id, slug };
}
