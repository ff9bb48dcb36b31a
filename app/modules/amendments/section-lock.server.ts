import type { Tx } from '~/utils/db.server.ts';

/**
 * Locks a section for the recomputations that read all its amendments (groups, possible duplicates): two
 * submissions at once in one section are measured one after the other, the second seeing the first. A no-key
 * lock, so that a new amendment of the section (a foreign key to it) is not held up.
 */
export async function lockSection(tx: Tx, sectionId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${sectionId} FOR NO KEY UPDATE`;
}
