import { z } from 'zod';
import { reasonField, storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.

/**
 * A `datetime-local` value (YYYY-MM-DDTHH:MM, the reader's wall clock) read with the browser's offset from UTC in
 * minutes (`tzOffset`, as Date#getTimezoneOffset gives it; 0 without JavaScript).
 */
function localDateTime(value: string, offsetMinutes: number): Date | null {
  if (!/^2\d{3}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const full = value.length === 16 ? `${value}:00` : value;
  const date = new Date(`${full}Z`);
  // 2026-02-31 must not quietly become 3 March.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== full) return null;
  return new Date(date.getTime() + offsetMinutes * 60_000);
}

/** A calendar day, 2000-2999, that exists. */
function isDay(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return /^2\d{3}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const when = () => storableText().trim().min(1, 'vote.errors.dateRequired');
// The browser's offset from UTC for each entered time (daylight saving may differ between now and then).
const offset = z.coerce.number().int().min(-900).max(900).catch(0).default(0);

/** Majorities offered: more yes than no, three fifths, two thirds. */
export const MAJORITIES = { '1/2': [1, 2], '3/5': [3, 5], '2/3': [2, 3] } as const;

export const CreateRoundSchema = z
  .object({
    title: storableText().trim().min(3, 'errors.titleRequired').max(200, 'errors.titleTooLong'),
    explanation: storableText()
      .trim()
      .min(1, 'vote.errors.explanationRequired')
      .max(5000, 'vote.errors.explanationTooLong'),
    opensAt: when(),
    closesAt: when(),
    opensAtOffset: offset,
    closesAtOffset: offset,
    quorumPercent: z.coerce
      .number({ message: 'vote.errors.quorum' })
      .min(0, 'vote.errors.quorum')
      .max(100, 'vote.errors.quorum')
      .default(0),
    majority: z.enum(['1/2', '3/5', '2/3'], { message: 'errors.required' }).default('1/2'),
    method: z.enum(['SCHULZE', 'BORDA', 'DOWDALL'], { message: 'errors.required' }).default('SCHULZE'),
    /** A binding round: each ballot asks for a one-time code (ADR 0027). */
    binding: z.literal('on').optional(),
    censusJoinedBefore: z
      .string({ required_error: 'vote.errors.dateRequired' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.dateInvalid'),
    amendmentIds: z
      .array(z.string().regex(/^[a-z2-7]{16}$/, 'vote.errors.notAdmissible'), {
        required_error: 'vote.errors.noAmendment',
      })
      .min(1, 'vote.errors.noAmendment')
      .max(200, 'vote.errors.noAmendment'),
    /** `majority.<amendmentId>`: a majority for that amendment only ('' = the round's). */
    majorityOf: z.record(z.enum(['', '1/2', '3/5', '2/3']).catch('')).optional(),
  })
  .transform((v, ctx) => {
    const opensAt = localDateTime(v.opensAt, v.opensAtOffset);
    const closesAt = localDateTime(v.closesAt, v.closesAtOffset);
    if (!opensAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['opensAt'], message: 'errors.dateInvalid' });
    if (!closesAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['closesAt'], message: 'errors.dateInvalid' });
    // The census date is a calendar day: members who joined before its end, in UTC.
    const census = new Date(`${v.censusJoinedBefore}T23:59:59.999Z`);
    if (!isDay(v.censusJoinedBefore)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['censusJoinedBefore'], message: 'errors.dateInvalid' });
    }
    if (opensAt && closesAt && closesAt <= opensAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['closesAt'], message: 'vote.errors.closesBeforeOpening' });
    }
    if (!opensAt || !closesAt || !isDay(v.censusJoinedBefore)) return z.NEVER;
    const [numerator, denominator] = MAJORITIES[v.majority];
    return {
      title: v.title,
      explanation: v.explanation,
      opensAt,
      closesAt,
      quorumPercent: v.quorumPercent,
      majority: { numerator, denominator },
      method: v.method,
      binding: v.binding === 'on',
      censusJoinedBefore: census,
      amendmentIds: v.amendmentIds,
      questionMajorities: Object.fromEntries(
        Object.entries(v.majorityOf ?? {}).flatMap(([id, m]) =>
          m ? [[id, { numerator: MAJORITIES[m][0], denominator: MAJORITIES[m][1] }]] : [],
        ),
      ),
    };
  });

export const RescheduleSchema = z
  .object({ closesAt: when(), closesAtOffset: offset, reason: reasonField() })
  .transform((v, ctx) => {
    const closesAt = localDateTime(v.closesAt, v.closesAtOffset);
    if (!closesAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['closesAt'], message: 'errors.dateInvalid' });
      return z.NEVER;
    }
    return { closesAt, reason: v.reason };
  });

/** A reminder to the census members who have not voted: at a time of the moderator's, or now when left blank. */
export const ReminderSchema = z
  .object({ sendAt: storableText().trim().optional(), sendAtOffset: offset })
  .transform((v, ctx) => {
    if (!v.sendAt) return { sendAt: null };
    const sendAt = localDateTime(v.sendAt, v.sendAtOffset);
    if (!sendAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sendAt'], message: 'errors.dateInvalid' });
      return z.NEVER;
    }
    return { sendAt };
  });

/**
 * What the ballot form sends for each yes/no answer: one letter each, so that a ballot's size on the wire says
 * nothing of its answers (ADR 0014). The words themselves are accepted too (other clients, older pages).
 */
export const YES_NO_FORM_VALUES = { YES: 'Y', NO: 'N', ABSTAIN: 'A' } as const;
const YES_NO_FROM_FORM: Record<string, string> = { Y: 'YES', N: 'NO', A: 'ABSTAIN' };

/**
 * A rank as the ballot form sends it, zero-padded to the width of the largest rank `size` (0 = unranked): "0",
 * "1" … "9", or "00", "01" … "12". Every choice of a select is then one length on the wire.
 */
export function rankFormValue(rank: number, size: number): string {
  return String(rank).padStart(String(size).length, '0');
}

/**
 * The ballot form as answers: `q.<question>` = Y | N | A (or YES | NO | ABSTAIN); `rank.<question>.<alternative>`
 * = 1, 2, ... (zero-padded or not; the same number for a tie; 0 or empty for unranked). Anything else is left for
 * validateAnswers to refuse.
 */
export function answersFromForm(form: FormData): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const ranks = new Map<string, Map<number, string[]>>();
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== 'string') continue;
    const yesNo = /^q\.([a-z2-7]{16})$/.exec(name);
    if (yesNo) {
      answers[yesNo[1]!] = Object.hasOwn(YES_NO_FROM_FORM, raw) ? YES_NO_FROM_FORM[raw] : raw;
      continue;
    }
    const rank = /^rank\.([a-z2-7]{16})\.([a-z2-7]{16}|keep)$/.exec(name);
    if (rank) {
      const [, question, alternative] = rank as unknown as [string, string, string];
      if (!ranks.has(question)) ranks.set(question, new Map());
      if (/^\s*0*\s*$/.test(raw)) continue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        answers[question] = 'malformed';
        continue;
      }
      const byRank = ranks.get(question)!;
      byRank.set(n, [...(byRank.get(n) ?? []), alternative]);
    }
  }
  for (const [question, byRank] of ranks) {
    if (answers[question] === 'malformed') {
      answers[question] = [[{}]];
      continue;
    }
    answers[question] = [...byRank.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
  }
  return answers;
}

/** A member's report that they are on a round's voter roll without having voted: what they tell moderators. */
export const RollReportSchema = z.object({
  message: storableText().trim().min(3, 'roll.errors.messageRequired').max(1000, 'roll.errors.messageTooLong'),
});
