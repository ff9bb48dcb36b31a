import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

/** The publish page's read model (publishing itself is publish.server.ts). */

/** What publishing now would bring (moderators): the next number, changes since the last version, conflicts. */
export async function publicationStatus(actor: Actor, slug: string) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.publish');
  const last = await db().programVersion.findFirst({ where: { programId: program.id }, orderBy: { number: 'desc' } });
  const pending = await db().amendmentApplication.count({
    where: { programId: program.id, status: 'APPLIED', seq: { gt: last?.throughSeq ?? 0 } },
  });
  const conflicts = await db().amendmentApplication.findMany({
    where: { programId: program.id, status: 'CONFLICT' },
    select: { amendment: { select: { id: true, title: true } } },
    orderBy: { seq: 'asc' },
  });
  return { slug, next: (last?.number ?? 0) + 1, pending, conflicts: conflicts.map((c) => c.amendment) };
}
