import type { Actor } from '~/policies/actor.ts';
import { database } from '~/utils/db.server.ts';
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

/**
 * Who, among members, sees a section's page in their own way (ADR 0047): the program's drafters, the section's
 * followers, and the authors of drafts filed on it (unsubmitted: only they see them listed). Read for the page,
 * not for a reader, so that every member's request for it can be answered from one read: one plain statement.
 */
export async function sectionPeople(slug: string, sectionId: string): Promise<SectionPeople> {
  const [row] = await database().query<{ drafters: string[]; followers: string[]; draftAuthors: string[] }>(
    `SELECT
       ARRAY(SELECT d."memberId" FROM "Drafter" d JOIN "Program" p ON p.id = d."programId" WHERE p.slug = $1)
         AS drafters,
       ARRAY(SELECT f."memberId" FROM "Follow" f WHERE f.target = $3) AS followers,
       ARRAY(SELECT w."memberId" FROM "Amendment" a JOIN "AmendmentAuthor" w ON w."amendmentId" = a.id
             WHERE a."sectionId" = $2 AND a."submittedAt" IS NULL) AS "draftAuthors"`,
    [slug, sectionId, `section:${sectionId}`],
  );
  return {
    drafters: new Set(row?.drafters ?? []),
    followers: new Set(row?.followers ?? []),
    draftAuthors: new Set(row?.draftAuthors ?? []),
  };
}
export interface SectionPeople {
  drafters: ReadonlySet<string>;
  followers: ReadonlySet<string>;
  draftAuthors: ReadonlySet<string>;
}

/**
 * What a member's view of a section's page owes to them alone, beside their role, suspension and unread count
 * (which the session gives): whether they draft the program, and whether they follow the section. Two members
 * alike in all of it see the same page but for their name, so the server renders it once for both (ADR 0047).
 * Null when the page lists something of theirs only they may see (a draft of their own): that page is theirs.
 */
export function sectionReaderFacts(
  people: SectionPeople,
  memberId: string,
): { drafter: boolean; following: boolean } | null {
  if (people.draftAuthors.has(memberId)) return null;
  return { drafter: people.drafters.has(memberId), following: people.followers.has(memberId) };
}
