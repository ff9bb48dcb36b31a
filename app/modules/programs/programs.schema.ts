import { z } from 'zod';

// Messages are i18n keys: the page translates them into the reader's language.
export const ProgramSettingsSchema = z.object({
  phase: z.enum(['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'], { message: 'errors.phaseInvalid' }),
  draftIsPublic: z.boolean().default(false),
  reason: z
    .string({ required_error: 'errors.reasonRequired' })
    .trim()
    .min(3, 'errors.reasonRequired')
    .max(500, 'errors.reasonTooLong'),
});
