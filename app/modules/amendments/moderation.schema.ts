import { z } from 'zod';
import { storableText } from '../members/members.schema.ts';
import { readQueueCursor } from './queue-cursor.ts';

// Messages are i18n keys: the page translates them into the reader's language.

/** At most this many amendments in one bulk decision (a form's fields stay under the server's guard). */
export const MAX_BULK = 200;

const STATUSES = ['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'] as const;

/** A picked amendment as the queue sends it: its id and the status the moderator saw, "id:STATUS". */
const pick = () =>
  z
    .string()
    .regex(/^[a-z2-7]{1,64}:[A-Z_]{1,20}$/, 'bulk.errors.nonePicked')
    .transform((value) => {
      const [id, seen] = value.split(':') as [string, string];
      return { id, seen };
    })
    .refine(
      (p): p is { id: string; seen: (typeof STATUSES)[number] } => (STATUSES as readonly string[]).includes(p.seen),
      {
        message: 'bulk.errors.nonePicked',
      },
    );

/**
 * A bulk decision from the queue: the amendments picked, the decision, and a reason written or taken from a
 * template (the written words win: the page fills them from the template, and the moderator may adapt them).
 */
export const BulkDecisionSchema = z
  .object({
    picked: z.array(pick()).min(1, 'bulk.errors.nonePicked').max(MAX_BULK, 'bulk.errors.tooMany'),
    decision: z.enum(['ADMISSIBLE', 'INADMISSIBLE'], { message: 'bulk.errors.noDecision' }),
    reason: storableText().trim().max(500, 'errors.reasonTooLong').default(''),
    templateId: z.string().max(64).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.reason.length < 3 && !value.templateId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: 'errors.reasonRequired' });
    }
  });
export type BulkDecision = z.infer<typeof BulkDecisionSchema>;

/** A reason template's words: a short name for the menu, and the reason itself. */
export const ReasonTemplateSchema = z.object({
  name: storableText().trim().min(2, 'templates.errors.nameRequired').max(80, 'templates.errors.nameTooLong'),
  text: storableText().trim().min(3, 'errors.reasonRequired').max(500, 'errors.reasonTooLong'),
});

/** The template commands of the templates page. */
export const ReasonTemplateCommandSchema = z.discriminatedUnion('intent', [
  ReasonTemplateSchema.extend({ intent: z.literal('createTemplate') }),
  ReasonTemplateSchema.extend({ intent: z.literal('updateTemplate'), id: z.string().max(64) }),
  z.object({ intent: z.literal('deleteTemplate'), id: z.string().max(64) }),
]);

/** The queue's address parameters: where each paged list starts, and the chapter it is narrowed to (ADR 0044). */
export const QUEUE_PARAMS = [
  'chapter',
  'after',
  'collecting',
  'updates',
  'groups',
  'duplicates',
  'reports',
  'rolls',
] as const;
export type QueueParam = (typeof QUEUE_PARAMS)[number];

/**
 * The queue's parameters read from its address: each kept short, absent or empty as null, and a list's cursor
 * that does not read (a mangled or forged link) as null too, so that the page and its links treat that list as
 * shown from its top.
 */
export function queueQueryOf(params: URLSearchParams): Record<QueueParam, string | null> {
  const read = (p: QueueParam) => {
    const value = params.get(p)?.slice(0, 160) || null;
    return p === 'chapter' || readQueueCursor(p, value) ? value : null;
  };
  return Object.fromEntries(QUEUE_PARAMS.map((p) => [p, read(p)])) as Record<QueueParam, string | null>;
}
