import { z } from 'zod';

// Messages are i18n keys: the page translates them into the reader's language.

/** Text that can be stored: no control characters (a NUL byte cannot even enter PostgreSQL). */
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
export const storableText = () =>
  z.string({ required_error: 'errors.required' }).regex(NO_CONTROL, 'errors.controlCharacters');

/** Why an admin or moderator did something: required, kept in the audit trail. */
export const reasonField = () =>
  z
    .string({ required_error: 'errors.reasonRequired' })
    .trim()
    .min(3, 'errors.reasonRequired')
    .max(500, 'errors.reasonTooLong')
    .regex(NO_CONTROL, 'errors.controlCharacters');

const email = storableText().trim().max(254, 'errors.emailInvalid').email('errors.emailInvalid');
const displayName = storableText().trim().min(2, 'errors.nameTooShort').max(80, 'errors.nameTooLong');
// NIST 800-63B: length matters, composition rules do not. 1024 bounds the work of hashing.
const newPassword = z
  .string({ required_error: 'errors.required' })
  .min(10, 'errors.passwordTooShort')
  .max(1024, 'errors.passwordTooLong');
const anyPassword = z.string({ required_error: 'errors.required' }).max(1024, 'errors.passwordTooLong');

export const SignUpSchema = z.object({ email, displayName, password: newPassword });
export const LogInSchema = z.object({ email, password: anyPassword, redirectTo: z.string().optional() });
export const ForgotPasswordSchema = z.object({ email });
export const ResetPasswordSchema = z
  .object({ token: z.string(), password: newPassword, confirm: anyPassword })
  .refine((v) => v.password === v.confirm, { message: 'errors.passwordsDiffer', path: ['confirm'] });
export const ChangeNameSchema = z.object({ intent: z.literal('name'), displayName });
export const ChangeEmailSchema = z.object({ intent: z.literal('email'), newEmail: email, password: anyPassword });
export const ChangePasswordSchema = z
  .object({ intent: z.literal('password'), currentPassword: anyPassword, newPassword, confirm: anyPassword })
  .refine((v) => v.newPassword === v.confirm, { message: 'errors.passwordsDiffer', path: ['confirm'] });
/** The account page's changes, one intent per form. */
export const ACCOUNT_INTENTS = ['name', 'email', 'password', 'others', 'all', 'delete', 'area'] as const;
export type AccountIntent = (typeof ACCOUNT_INTENTS)[number];
/** The member's optional area, to suggest groups nearby: empty clears it. */
export const ChangeAreaSchema = z.object({
  area: storableText().trim().max(120, 'account.area.tooLong').optional(),
});
/** Deleting one's account: the password again, and a box ticked to say one means it. */
export const DeleteAccountSchema = z.object({
  password: z.string({ required_error: 'errors.required' }).max(1024, 'errors.passwordTooLong'),
  confirm: z.literal('on', { errorMap: () => ({ message: 'account.delete.confirmRequired' }) }),
});
export const ChangeRoleSchema = z.object({
  memberId: z.string({ required_error: 'errors.required' }).regex(/^[a-z2-7]{16}$/, 'admin.members.notFound'),
  role: z.enum(['MEMBER', 'MODERATOR', 'ADMIN'], { message: 'errors.roleInvalid' }),
  reason: reasonField(),
});

/** A two-factor code as typed: six digits from the app, a recovery code, or a ballot's mailed code. */
export const CodeSchema = z.object({
  code: z.string({ required_error: 'twoFactor.codeRequired' }).trim().max(64, 'twoFactor.codeWrong'),
});
export const SecondStepSchema = CodeSchema.extend({ redirectTo: z.string().optional() });

/** Accepting an invitation from the membership register: the name shown to others and a password. */
export const AcceptInvitationSchema = z
  .object({ token: z.string().max(100), displayName, password: newPassword, confirm: anyPassword })
  .refine((v) => v.password === v.confirm, { message: 'errors.passwordsDiffer', path: ['confirm'] });
