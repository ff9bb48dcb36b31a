import { z } from 'zod';
import { reasonField, storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.
export const CreateGroupSchema = z.object({
  name: storableText().trim().min(3, 'groups.errors.name').max(120, 'groups.errors.name'),
  area: storableText().trim().min(2, 'groups.errors.area').max(120, 'groups.errors.area'),
  description: storableText().trim().min(10, 'groups.errors.description').max(2000, 'groups.errors.description'),
});

export const DecideGroupSchema = z.object({
  decision: z.enum(['validate', 'reject'], { message: 'errors.required' }),
  reason: reasonField(),
});
