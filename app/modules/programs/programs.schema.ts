import { z } from 'zod';
import { reasonField } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.
export const ProgramSettingsSchema = z.object({
  phase: z.enum(['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'], { message: 'errors.phaseInvalid' }),
  draftIsPublic: z.boolean().default(false),
  reason: reasonField(),
});
