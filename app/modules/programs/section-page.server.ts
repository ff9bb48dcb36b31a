import type { Actor } from '~/policies/actor.ts';
import { readerLinks } from '~/utils/links.ts';
import { listSectionAmendments } from '../amendments/amendments.server.ts';
import { getSection } from './program-text.server.ts';

/**
 * Everything a section's page shows, for one reader, in one call: the section (its text, place and the reader's
 * rights, from getSection, which refuses those who may not read it) and the amendments filed on it, read side by
 * side (issue 19: the amendments waited for the section). The list is shown only once the section may be.
 */
export async function sectionPage(actor: Actor, slug: string, sectionId: string) {
  const [{ section, previous, next, program, canWrite, abilities }, amendments] = await Promise.all([
    getSection(actor, slug, sectionId),
    listSectionAmendments(actor, sectionId),
  ]);
  return {
    section: readerLinks(section),
    previous,
    next,
    slug: program.slug,
    canWrite,
    canPropose: abilities.proposeAmendment,
    amendments,
  };
}
