import { t } from '~/i18n/index.ts';
import { offeredLocale } from '~/modules/installation/languages.server.ts';
import { appConfig } from '~/utils/config.server.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import type { Mail } from '~/utils/mail.server.ts';
import { nextPhaseOf } from '../programs/phase-order.ts';
import type { Claimed } from './queue.server.ts';

/**
 * Phase notices by mail (ADR 0037): when a program's phase is about to move by itself, members who opted in to
 * announcements of phases (the one-click opt-in and opt-out that once announced votes too, ADR 0040) are mailed through the queue
 * (ADR 0028). The row's id is the idempotency key, per program, date and member; the words are written when it is
 * sent, in the member's language; a notice whose date moved or whose schedule was cancelled meanwhile is skipped.
 */

/** Queues the notice of a program's move at `at` for every opted-in member (one statement). Returns how many. */
export async function queuePhaseNotice(tx: Tx, props: { programId: string; at: Date; now: Date }): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "MailMessage" (id, kind, "programId", "memberId", "nextAttemptAt")
    SELECT 'phase:' || ${props.programId} || ':' || ${String(props.at.getTime())} || ':' || m.id, 'PHASE_NOTICE',
      ${props.programId}, m.id, ${props.now}
    FROM "Member" m
    WHERE m."voteAnnouncements" AND m."announceKey" IS NOT NULL AND m."deletedAt" IS NULL
      AND m."suspendedAt" IS NULL AND m."emailVerifiedAt" IS NOT NULL
    ON CONFLICT (id) DO NOTHING`;
}

/** Writes the claimed phase notices; one no longer true (date moved, schedule off, account gone) is skipped. */
export async function renderPhaseMails(rows: Claimed[]): Promise<Map<string, Mail | string>> {
  const programIds = [...new Set(rows.flatMap((r) => (r.programId ? [r.programId] : [])))];
  const memberIds = [...new Set(rows.map((r) => r.memberId))];
  const [programs, members] = await Promise.all([
    db().program.findMany({
      where: { id: { in: programIds } },
      select: { id: true, slug: true, title: true, phase: true, phaseEndsAt: true, phaseAutoAdvance: true },
    }),
    db().member.findMany({
      where: { id: { in: memberIds } },
      select: { id: true, email: true, locale: true, deletedAt: true, suspendedAt: true, announceKey: true },
    }),
  ]);
  const origin = appConfig().publicOrigin;
  const out = new Map<string, Mail | string>();
  for (const row of rows) {
    const program = programs.find((p) => p.id === row.programId);
    const member = members.find((m) => m.id === row.memberId);
    const at = row.id.split(':')[2];
    const next = program ? nextPhaseOf(program.phase) : null;
    if (!program || !next || !program.phaseAutoAdvance || String(program.phaseEndsAt?.getTime()) !== at) {
      out.set(row.id, 'schedule-changed');
    } else if (!member || member.deletedAt || member.suspendedAt || !member.announceKey) {
      out.set(row.id, 'account-unavailable');
    } else {
      const locale = await offeredLocale(member.locale);
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      const values = {
        program: program.title,
        phase: t(locale, `phase.${next}`),
        date: date.format(program.phaseEndsAt!),
        link: `${origin}/p/${program.slug}`,
        unsubscribe: `${origin}/notifications/unsubscribe?what=votes&m=${member.id}&k=${member.announceKey}`,
      };
      out.set(row.id, {
        to: member.email,
        subject: t(locale, 'mail.phase.subject', values),
        text: t(locale, 'mail.phase.body', values),
      });
    }
  }
  return out;
}
