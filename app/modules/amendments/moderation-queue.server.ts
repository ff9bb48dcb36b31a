import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { programFrame } from '../programs/programs.server.ts';
import { queueLists, type QueueQuery } from './queue-lists.server.ts';
import { reportedCommentsPage, rollReportsPage } from './queue-reports.server.ts';
import { listTemplates } from './reason-templates.server.ts';

export type { QueueQuery };

/**
 * The moderators' queue for a program, as one read model (ADR 0039, ADR 0044): amendments waiting for a decision
 * (qualified, a page of QUALIFIED_PAGE at a time), those collecting supports, collision groups, possible duplicates
 * (stored when an amendment's change is written: duplicates.server.ts), amendments waiting for their authors'
 * update, comments with open reports and voter-roll reports, each list a page at a time; and adopted amendments
 * the text moved under. A chapter narrows it to what concerns that chapter (roll reports concern a round, and
 * stay). Four statements once the program is known and the moderator checked: the amendment lists (one statement,
 * queue-lists.server.ts), the templates, the reported comments and the roll reports (one each, with their totals:
 * queue-reports.server.ts), read side by side.
 */
export async function moderationQueue(actor: Actor, slug: string, query: QueueQuery = {}) {
  const { program, chapters } = await programFrame(actor, slug);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  // A chapter that is not this program's narrows nothing.
  const chapter = chapters.find((c) => c.id === query.chapter) ?? null;
  const [lists, templates, reports, rollReports] = await Promise.all([
    queueLists(program.id, actor.id, { ...query, chapter: chapter?.id ?? null }),
    listTemplates(program.id),
    reportedCommentsPage(program.id, chapter?.id, query.reports),
    // Members who say they are on a round's voter roll without having voted (docs/decisions/0032-voter-roll.md).
    rollReportsPage(program.id, query.rolls),
  ]);
  const taken = new Set(lists.taken);
  const from = lists.qualifiedBefore;
  const shown = lists.qualified.rows;
  return {
    qualified: shown,
    qualifiedTotal: lists.totals.qualified,
    /** Which of the qualified are shown (from 1), and the cursor of the next page, if any. */
    page: {
      after: query.after ?? null,
      from: shown.length ? from + 1 : 0,
      to: from + shown.length,
      next: lists.qualified.next,
    },
    /** The other paged lists: how many each holds, where the page shown starts and where the next one does. */
    pages: {
      collecting: { total: lists.totals.collecting, after: query.collecting ?? null, next: lists.collecting.next },
      updates: { total: lists.totals.updates, after: query.updates ?? null, next: lists.updates.next },
      groups: { total: lists.totals.groups, after: query.groups ?? null, next: lists.groups.next },
      duplicates: { total: lists.totals.duplicates, after: query.duplicates ?? null, next: lists.duplicates.next },
      reports: { total: reports.total, after: query.reports ?? null, next: reports.next },
      rolls: { total: rollReports.total, after: query.rolls ?? null, next: rollReports.next },
    },
    /** The chapter the queue is narrowed to, and the program's chapters, those the moderator took first. */
    chapter: chapter?.id ?? null,
    chapters: [...chapters]
      .map((c) => ({ id: c.id, number: c.number, title: c.title, taken: taken.has(c.id) }))
      .sort((a, b) => Number(b.taken) - Number(a.taken)),
    templates,
    collecting: lists.collecting.rows,
    groups: lists.groups.rows,
    duplicates: lists.duplicates.rows,
    needUpdate: lists.updates.rows,
    reports: reports.rows,
    rollReports: rollReports.rows,
    conflicts: lists.conflicts,
  };
}
