import { z } from 'zod';
import { LOCALES } from '~/i18n/index.ts';
import { docSchema } from '~/rich-text/document.ts';
import { reasonField, storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.

/** The language a program's text is written in: one of Plenum's (ADR 0038). */
export const programLanguage = () => z.enum(LOCALES, { message: 'errors.required' });

export const ProgramSettingsSchema = z
  .object({
    phase: z.enum(['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'], { message: 'errors.phaseInvalid' }),
    /** A day (YYYY-MM-DD, from a date input), stored at noon UTC so that it reads as that day around the world. */
    phaseEndsAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.dateInvalid')
      .transform((day, ctx) => {
        const date = new Date(`${day}T12:00:00Z`);
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.dateInvalid' });
          return z.NEVER;
        }
        // Yesterday is accepted, so that no time zone refuses "today".
        if (date.getTime() < Date.now() - 36 * 3600_000) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'errors.dateInPast' });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
    /** The phase moves to the next one by itself at `phaseEndsAt` (ADR 0037). */
    phaseAutoAdvance: z.boolean().default(false),
    draftIsPublic: z.boolean().default(false),
    /** Whether published versions name the members who edited the text directly (issue 17); off by default. */
    drafterNamesPublic: z.boolean().default(false),
    /** The moderator confirms moving the phase backwards while amendments or rounds are pending (issue 17). */
    confirmBackwards: z.boolean().default(false),
    draftingAccess: z.enum(['ALL_MEMBERS', 'NAMED_DRAFTERS'], { message: 'errors.required' }).default('ALL_MEMBERS'),
    /** The language the program's text is written in (ADR 0038); unchanged if the form does not say. */
    language: programLanguage().optional(),
    /** Who votes in the program's rounds (issue 18, ADR 0026); unchanged if the form does not say. */
    censusRule: z.enum(['OPEN', 'REGISTER'], { message: 'errors.required' }).optional(),
    supportRule: z
      .enum(['ABSOLUTE', 'ACTIVE_SHARE', 'GROUP_SHARE'], { message: 'errors.required' })
      .default('ABSOLUTE'),
    supportValue: z.coerce
      .number({ message: 'settings.errors.supportValue' })
      .positive('settings.errors.supportValue')
      .max(100_000, 'settings.errors.supportValue')
      .default(10),
    supportActiveDays: z.coerce
      .number({ message: 'settings.errors.days' })
      .int('settings.errors.days')
      .min(1, 'settings.errors.days')
      .max(365, 'settings.errors.days')
      .default(30),
    supportDays: z.coerce
      .number({ message: 'settings.errors.days' })
      .int('settings.errors.days')
      .min(1, 'settings.errors.days')
      .max(365, 'settings.errors.days')
      .default(14),
    reason: reasonField(),
  })
  .refine((v) => v.supportRule === 'ABSOLUTE' || v.supportValue <= 100, {
    path: ['supportValue'],
    message: 'settings.errors.supportShare',
  });

/** Naming a drafter by their email address. */
export const AddDrafterSchema = z.object({
  email: storableText().trim().max(254, 'errors.emailInvalid').email('errors.emailInvalid'),
});

const title = () => storableText().trim().min(1, 'errors.titleRequired').max(200, 'errors.titleTooLong');
/** Ids are `newId()`s: 16 base32 characters. Anything else cannot name a chapter or section. */
const id = () => z.string().regex(/^[a-z2-7]{16}$/, 'errors.notFound');
const index = () => z.coerce.number({ message: 'errors.required' }).int().min(0).max(100_000);

/** One change of the program's structure, as posted by the structure page (`intent` names it). */
export const StructureChangeSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('createChapter'), title: title() }),
  z.object({ intent: z.literal('renameChapter'), chapterId: id(), title: title() }),
  z.object({ intent: z.literal('moveChapter'), chapterId: id(), index: index() }),
  z.object({ intent: z.literal('removeChapter'), chapterId: id() }),
  z.object({ intent: z.literal('createSection'), chapterId: id(), title: title() }),
  z.object({ intent: z.literal('renameSection'), sectionId: id(), title: title() }),
  z.object({ intent: z.literal('moveSection'), sectionId: id(), chapterId: id(), index: index() }),
  z.object({ intent: z.literal('removeSection'), sectionId: id() }),
  z.object({ intent: z.literal('lockSection'), sectionId: id(), reason: reasonField() }),
  z.object({ intent: z.literal('unlockSection'), sectionId: id() }),
]);
export type StructureChange = z.infer<typeof StructureChangeSchema>;

/** The outline a preview showed, posted back to be created: checked again as if it came from anywhere. */
export const ImportedOutlineSchema = z.object({
  chapters: z
    .array(
      z.object({
        title: title(),
        sections: z.array(z.object({ title: title(), content: docSchema })).max(2000),
      }),
    )
    .min(1)
    .max(200),
});

/** A new program: its title, summary, address and openness. */
export const NewProgramSchema = z.object({
  title: storableText().trim().min(3, 'errors.titleRequired').max(200, 'errors.titleTooLong'),
  summary: storableText().trim().max(1000, 'programs.errors.summaryTooLong').default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, 'programs.errors.slugInvalid')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'programs.errors.slugInvalid')
    .optional(),
  draftIsPublic: z.boolean().default(false),
  /** The language its text is written in; the installation's first language if not said. */
  language: programLanguage().optional(),
});
