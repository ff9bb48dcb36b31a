import { z } from 'zod';
import { storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.
const title = () => storableText().trim().min(3, 'errors.titleRequired').max(200, 'errors.titleTooLong');

/** Starting an amendment: what it does, its title and why. A new section needs its own title. */
export const StartAmendmentSchema = z
  .object({
    kind: z.enum(['CHANGE', 'ADD', 'DELETE'], { message: 'errors.required' }),
    title: title(),
    justification: storableText()
      .trim()
      .min(10, 'amendments.errors.justificationTooShort')
      .max(5000, 'amendments.errors.justificationTooLong'),
    newTitle: title().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'ADD' && !value.newTitle) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['newTitle'], message: 'errors.titleRequired' });
    }
  });

/** Inviting a co-author by email address. */
export const InviteCoauthorSchema = z.object({
  email: storableText().trim().max(254, 'errors.emailInvalid').email('errors.emailInvalid'),
});

/** A moderator's reason, which the public record keeps. */
const reason = () => storableText().trim().min(3, 'errors.reasonRequired').max(500, 'errors.reasonTooLong');
const id = () => z.string().max(64, 'errors.required');

/**
 * The amendment page's commands: one shape per intent, each dispatched to one module command. (The co-author
 * invitation, the conflict's text and the debate's forms are read by conform, to answer beside their fields.)
 */
export const AmendmentCommandSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('acceptInvite') }),
  z.object({ intent: z.literal('declineInvite') }),
  z.object({ intent: z.literal('leave') }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('support') }),
  z.object({ intent: z.literal('unsupport') }),
  z.object({ intent: z.literal('saveUpdate') }),
  z.object({ intent: z.literal('withdraw') }),
  z.object({ intent: z.literal('admissible'), reason: reason() }),
  z.object({ intent: z.literal('inadmissible'), reason: reason() }),
  z.object({ intent: z.literal('merge'), intoId: id(), reason: reason() }),
  z.object({ intent: z.literal('endorse'), groupId: id() }),
  // The drafting committee's recommendation, and the authors' acceptance of its compromise (ADR 0037).
  z.object({
    intent: z.literal('recommend'),
    kind: z.enum(['ADOPT', 'REJECT', 'ADOPT_MODIFIED'], { message: 'committee.errors.kind' }),
    reason: reason(),
  }),
  z.object({ intent: z.literal('acceptCompromise') }),
]);
export type AmendmentCommand = z.infer<typeof AmendmentCommandSchema>;

/** Moderators judge two amendments listed as possible duplicates different, with a public reason. */
export const DismissDuplicateSchema = z.object({ id: id(), otherId: id(), reason: reason() });

/** Every intent the amendment page's forms send: the commands above, the invitation, the conflict, the debate. */
export const AMENDMENT_PAGE_INTENTS = [
  ...AmendmentCommandSchema.options.map((option) => option.shape.intent.value),
  'invite',
  'resolveConflict',
  'comment',
  'editComment',
  'report',
  'hideComment',
  'keepComment',
] as const;
