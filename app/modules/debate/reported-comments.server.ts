import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { reportedCommentsPage } from '../amendments/queue-reports.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

/** The moderators' side of the debate (ADR 0013): the comments members reported and nobody settled yet. */

/** Comments with open reports in a program, for the moderators' queue: the first page, most reported first. */
export async function reportedComments(actor: Actor, slug: string) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  return (await reportedCommentsPage(program.id)).rows;
}
