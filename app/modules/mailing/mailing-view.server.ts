import { db } from '~/utils/db.server.ts';
import { mailCounts } from './queue.server.ts';

/**
 * What moderators see of a round's mail on its page: how many calls and reminders are queued, sent, no longer
 * needed or failed, and the reminders scheduled. Counts only: no address, no member. The caller checks the right
 * to see it (round-view.server.ts: moderators of the program).
 */
export async function mailingView(roundId: string) {
  const [counts, reminders] = await Promise.all([
    mailCounts(roundId),
    db().roundReminder.findMany({
      where: { roundId },
      orderBy: { sendAt: 'asc' },
      select: { id: true, sendAt: true, queuedAt: true },
    }),
  ]);
  return { calls: counts.calls, reminders: counts.reminders, scheduled: reminders };
}
