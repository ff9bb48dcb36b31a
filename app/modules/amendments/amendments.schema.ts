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
