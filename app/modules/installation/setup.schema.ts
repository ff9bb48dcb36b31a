import { z } from 'zod';
import { LOCALES } from '~/i18n/index.ts';
import { SignUpSchema, storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.

/** The setup form: the movement, the languages it offers, its first admin, and optionally a first program. */
export const SetupSchema = SignUpSchema.extend({
  token: z.string({ required_error: 'setup.errors.token' }).max(200, 'setup.errors.token'),
  movementName: storableText()
    .trim()
    .min(2, 'setup.errors.movementNameTooShort')
    .max(120, 'setup.errors.movementNameTooLong'),
  locales: z
    .array(z.enum(LOCALES, { message: 'setup.errors.locales' }), { required_error: 'setup.errors.locales' })
    .min(1, 'setup.errors.locales'),
  /** Checked by default: a new installation asks moderators and admins for a second factor. */
  twoFactorRequired: z.boolean().default(false),
  /** Optional: a first program, opened empty; its text is then imported or written. */
  programTitle: storableText().trim().max(200, 'errors.titleTooLong').optional(),
  /** The language the first program's text is written in (ADR 0038); the first language offered if not said. */
  programLanguage: z.enum(LOCALES, { message: 'errors.required' }).optional(),
});
