import type { Actor } from '~/policies/actor.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { docToPlainText } from '~/rich-text/document.ts';
import type { StructureChange } from './programs.schema.ts';
import { programToShape } from './programs.server.ts';
import { getSection } from './program-text.server.ts';
import { lockSection, unlockSection } from './section-locks.server.ts';
import {
  createChapter,
  createSection,
  moveChapter,
  moveSection,
  removeChapter,
  removeSection,
  renameChapter,
  renameSection,
} from './structure.server.ts';

/** The structure page: what it reads, and the one change each of its forms posts. */

/** Applies one change posted by the structure page. Returns the id it created, if any. */
export async function applyStructureChange(actor: Actor, slug: string, change: StructureChange) {
  switch (change.intent) {
    case 'createChapter':
      return createChapter({ actor, slug, title: change.title });
    case 'renameChapter':
      return renameChapter({ actor, chapterId: change.chapterId, title: change.title });
    case 'moveChapter':
      return moveChapter({ actor, chapterId: change.chapterId, index: change.index });
    case 'removeChapter':
      return removeChapter({ actor, chapterId: change.chapterId });
    case 'createSection':
      return createSection({ actor, chapterId: change.chapterId, title: change.title });
    case 'renameSection':
      return renameSection({ actor, sectionId: change.sectionId, title: change.title });
    case 'moveSection':
      return moveSection({ actor, sectionId: change.sectionId, chapterId: change.chapterId, index: change.index });
    case 'removeSection':
      return removeSection({ actor, sectionId: change.sectionId });
    case 'lockSection':
      return lockSection({ actor, sectionId: change.sectionId, reason: change.reason });
    case 'unlockSection':
      return unlockSection({ actor, sectionId: change.sectionId });
  }
}

/**
 * The structure page, for those who may shape the program. "Remove" first asks for confirmation: `removeId`
 * names the section whose number, title and first words the page shows before it goes.
 */
export async function structurePage(actor: Actor, slug: string, removeId: string | null) {
  await programToShape(actor, slug);
  if (!removeId) return { removing: null };
  const { section } = await getSection(actor, slug, removeId);
  const text = docToPlainText(await readLiveText(liveDocumentName.section(section.id), section.content));
  return { removing: { id: section.id, number: section.number, title: section.title, excerpt: text.slice(0, 300) } };
}
