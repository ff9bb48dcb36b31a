import { z } from 'zod';
import { reasonField, storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.
export const ProgramSettingsSchema = z.object({
  phase: z.enum(['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'], { message: 'errors.phaseInvalid' }),
  draftIsPublic: z.boolean().default(false),
  reason: reasonField(),
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
]);
export type StructureChange = z.infer<typeof StructureChangeSchema>;
