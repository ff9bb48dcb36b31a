import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { reportedCommentsOf } from '../debate/comments.server.ts';
import { programFrame } from '../programs/programs.server.ts';
import { rollReportsOf } from '../voting/roll.server.ts';
import { STANDING } from './collisions.server.ts';
import { storedDuplicates } from './duplicates.server.ts';
import { MAX_BULK } from './moderation.schema.ts';
import { listTemplates } from './reason-templates.server.ts';

/**
 * The moderators' queue for a program, as one read model (ADR 0039): amendments waiting for a decision
 * (qualified, a page of MAX_BULK at a time), those collecting supports, collision groups, possible duplicates
 * (stored when an amendment's change is written: duplicates.server.ts), amendments waiting for their authors'
 * update, comments with open reports, voter-roll reports and adopted amendments the text moved under. Its parts
 * are read side by side, once the program is known and the moderator checked.
 */

/** Where a page of qualified amendments starts: after this one, in the queue's order (qualified first, then id). */
export interface QueuePage {
  after?: string | null;
}

type Keyed = { id: string; qualifiedAt: Date | null };

/** The cursor of an amendment in the queue's order: when it qualified, then its id (stable, unique). */
export const cursorOf = (a: Keyed) => `${a.qualifiedAt?.getTime() ?? 0}.${a.id}`;

/** Whether `a` comes after the cursor in the queue's order; a cursor that does not parse starts at the top. */
function isAfter(a: Keyed, cursor: string): boolean {
  const dot = cursor.indexOf('.');
  const at = Number(cursor.slice(0, dot));
  if (dot < 1 || !Number.isFinite(at)) return true;
  const mine = a.qualifiedAt?.getTime() ?? 0;
  return mine > at || (mine === at && a.id > cursor.slice(dot + 1));
}

/** The moderators' queue (see above); `page.after` is the cursor of the last amendment of the previous page. */
export async function moderationQueue(actor: Actor, slug: string, page: QueuePage = {}) {
  const { program } = await programFrame(actor, slug);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  const [standing, duplicates, templates, reports, rollReports, conflicts] = await Promise.all([
    db().amendment.findMany({
      where: { programId: program.id, status: { in: [...STANDING] } },
      orderBy: [{ qualifiedAt: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        status: true,
        title: true,
        sectionId: true,
        submittedAt: true,
        qualifiedAt: true,
        supportsNeeded: true,
        supportDeadline: true,
        collisionGroup: true,
        needsUpdate: true,
        _count: { select: { supports: true } },
      },
    }),
    storedDuplicates(program.id, 100),
    listTemplates(program.id),
    reportedCommentsOf(program.id),
    // Members who say they are on a round's voter roll without having voted (docs/decisions/0032-voter-roll.md).
    rollReportsOf(actor, program.id),
    // Adopted amendments the text moved under (docs/decisions/0015-from-vote-to-program.md).
    db().amendmentApplication.findMany({
      where: { programId: program.id, status: 'CONFLICT' },
      orderBy: { seq: 'asc' },
      select: { amendment: { select: { id: true, title: true } } },
    }),
  ]);
  const brief = (a: (typeof standing)[number]) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    sectionId: a.sectionId,
    supports: a._count.supports,
    supportsNeeded: a.supportsNeeded,
    supportDeadline: a.supportDeadline,
    qualifiedAt: a.qualifiedAt,
  });
  const byId = new Map(standing.map((a) => [a.id, a]));
  const groups = new Map<string, ReturnType<typeof brief>[]>();
  for (const a of standing) {
    if (a.collisionGroup) groups.set(a.collisionGroup, [...(groups.get(a.collisionGroup) ?? []), brief(a)]);
  }
  // Qualified ones in a stable order (when they qualified, then id): a page stays where it was as others are decided.
  const qualified = standing
    .filter((a) => a.status === 'QUALIFIED')
    .sort((x, y) => (x.qualifiedAt?.getTime() ?? 0) - (y.qualifiedAt?.getTime() ?? 0) || (x.id < y.id ? -1 : 1));
  const after = page.after ?? null;
  const before = after ? qualified.findIndex((a) => isAfter(a, after)) : 0;
  const from = before < 0 ? qualified.length : before;
  const shown = qualified.slice(from, from + MAX_BULK);
  const last = shown[shown.length - 1];
  return {
    qualified: shown.map(brief),
    qualifiedTotal: qualified.length,
    /** Which of the qualified are shown (from 1), and the cursor of the next page, if any. */
    page: {
      after,
      from: shown.length ? from + 1 : 0,
      to: from + shown.length,
      next: last && from + shown.length < qualified.length ? cursorOf(last) : null,
    },
    templates,
    collecting: standing.filter((a) => a.status === 'SUBMITTED').map(brief),
    groups: [...groups.values()],
    duplicates: duplicates.flatMap((d) => {
      const [a, b] = [byId.get(d.amendmentId), byId.get(d.otherId)];
      return a && b ? [{ a: brief(a), b: brief(b), similarity: d.similarity }] : [];
    }),
    needUpdate: standing.filter((a) => a.needsUpdate).map(brief),
    reports,
    rollReports,
    conflicts: conflicts.map((c) => c.amendment),
  };
}
