import { z } from 'zod';
import { storableText } from '../members/members.schema.ts';

// Messages are i18n keys: the page translates them into the reader's language.
const body = () => storableText().trim().min(2, 'debate.errors.bodyRequired').max(5000, 'debate.errors.bodyTooLong');

/** A new comment: for, against or a question (a reply has no stance), and what it says (Markdown). */
export const PostCommentSchema = z
  .object({
    stance: z.enum(['FOR', 'AGAINST', 'QUESTION'], { message: 'debate.errors.stanceRequired' }).optional(),
    parentId: z
      .string()
      .regex(/^[a-z2-7]{16}$/, 'debate.errors.noSuchComment')
      .optional(),
    body: body(),
  })
  .superRefine((value, ctx) => {
    if (!value.parentId && !value.stance) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['stance'], message: 'debate.errors.stanceRequired' });
    }
  });

/** Editing one's comment within the edit window. */
export const EditCommentSchema = z.object({
  commentId: z.string().regex(/^[a-z2-7]{16}$/, 'debate.errors.noSuchComment'),
  body: body(),
});

/** A report or a moderator's decision: which comment, and why (shown to moderators, or publicly for hiding). */
export const CommentReasonSchema = z.object({
  commentId: z.string().regex(/^[a-z2-7]{16}$/, 'debate.errors.noSuchComment'),
  reason: storableText().trim().min(3, 'errors.reasonRequired').max(500, 'errors.reasonTooLong'),
});
