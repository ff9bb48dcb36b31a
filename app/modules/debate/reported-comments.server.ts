import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';

/** The moderators' side of the debate (ADR 0013): the comments members reported and nobody settled yet. */

/** Comments with open reports in a program, for the moderators' queue: most reported first. */
export async function reportedComments(actor: Actor, slug: string) {
  const program = await db().program.findUnique({ where: { slug } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  return reportedCommentsOf(program.id);
}

/**
 * The comments of a program (of one of its chapters, if given) with open reports, most reported first: for a
 * caller that checked the moderator.
 */
export async function reportedCommentsOf(programId: string, chapterId?: string) {
  const rows = await db().comment.findMany({
    where: {
      amendment: { programId, ...(chapterId ? { section: { chapterId } } : {}) },
      reports: { some: { resolvedAt: null } },
    },
    include: {
      author: { select: { displayName: true } },
      amendment: { select: { id: true, title: true } },
      reports: {
        where: { resolvedAt: null },
        select: { reason: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
      },
    },
    take: 200,
  });
  return rows
    .map((r) => ({
      id: r.id,
      author: r.author?.displayName ?? null,
      body: readStoredDoc(r.body, 'comment.body'),
      hidden: !!r.hiddenAt,
      amendment: r.amendment,
      reports: r.reports,
    }))
    .sort((a, b) => b.reports.length - a.reports.length);
}
