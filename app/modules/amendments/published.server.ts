import type { Tx } from '~/utils/db.server.ts';

/**
 * What of a program is public record whatever its phase (issue 17, item 9; the rule is in app/policies/round.ts
 * and amendment.ts): what the policies need to know, read only for readers who may not read the draft (for
 * them, one or two small queries; nothing for everyone else).
 */

/** Whether a version of the program is published (then the public knows the program). */
export async function hasPublishedVersion(tx: Tx, programId: string): Promise<boolean> {
  return (await tx.programVersion.count({ where: { programId } })) > 0;
}

/** Whether a published version includes the amendment's application (its text is then published text). */
export async function inPublishedVersion(tx: Tx, amendmentId: string): Promise<boolean> {
  const application = await tx.amendmentApplication.findUnique({
    where: { amendmentId },
    select: { status: true, seq: true, programId: true },
  });
  if (!application || application.status !== 'APPLIED') return false;
  const versions = await tx.programVersion.count({
    where: { programId: application.programId, throughSeq: { gte: application.seq } },
  });
  return versions > 0;
}
