import {
  getInputProps,
  getSelectProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
} from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type { ReactNode } from 'react';
import type { z, ZodTypeAny } from 'zod';
import { LOCALES, LOCALE_NAMES } from '~/i18n/index.ts';
import { useT, useTranslateError } from '~/utils/i18n.tsx';

/** Errors of a field or form, translated, announced to screen readers. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const translate = useTranslateError();
  if (!errors?.length) return null;
  // The same message once, however many fields (or picked rows) it came from.
  return (
    <div id={id} className="field-errors" role="alert">
      <ul>
        {[...new Set(errors)].map((e) => (
          <li key={e}>{translate(e)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and errors beside it, wired for assistive technology. */
export function Field({
  field,
  label,
  type = 'text',
  hint,
  autoComplete,
}: {
  field: FieldMetadata<string>;
  label: ReactNode;
  type?: 'text' | 'email' | 'password' | 'search';
  hint?: ReactNode;
  autoComplete?: string;
}) {
  const props = getInputProps(field, { type, ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/**
 * A conform form checked by a zod schema, on the client as the server does: constraints on the inputs, checked at
 * submit, then again at each keystroke once shown. `lastResult` is the server's answer to replay (null while a
 * submission is under way, so an old error does not flash).
 */
export function useZodForm<Schema extends ZodTypeAny>(
  schema: Schema,
  options: {
    id?: string;
    lastResult?: SubmissionResult<string[]> | null;
    defaultValue?: DefaultValue<z.input<Schema>>;
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

type TextField = FieldMetadata<string>;

/** The name other members see, with why it is asked when given. */
export function DisplayNameField({ field, hint }: { field: TextField; hint?: ReactNode }) {
  const t = useT();
  return <Field field={field} label={t('fields.displayName')} autoComplete="name" hint={hint} />;
}

/** An email address; `username` where it signs in, so password managers pair it with the password. */
export function EmailField({
  field,
  label,
  hint,
  signIn = false,
}: {
  field: TextField;
  label?: ReactNode;
  hint?: ReactNode;
  signIn?: boolean;
}) {
  const t = useT();
  return (
    <Field
      field={field}
      label={label ?? t('fields.email')}
      type="email"
      autoComplete={signIn ? 'username' : 'email'}
      hint={hint}
    />
  );
}

/** The password a member has now (to sign in, or to confirm a sensitive change). */
export function CurrentPasswordField({ field, label }: { field: TextField; label?: ReactNode }) {
  const t = useT();
  return (
    <Field field={field} label={label ?? t('fields.currentPassword')} type="password" autoComplete="current-password" />
  );
}

/** A new password, with the rule it must follow; `confirm` adds the second entry beside it. */
export function NewPasswordFields({
  field,
  confirm,
  label,
}: {
  field: TextField;
  confirm?: TextField;
  label?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <Field
        field={field}
        label={label ?? t('fields.password')}
        type="password"
        autoComplete="new-password"
        hint={t('fields.passwordHint')}
      />
      {confirm ? (
        <Field field={confirm} label={t('fields.confirmPassword')} type="password" autoComplete="new-password" />
      ) : null}
    </>
  );
}

/**
 * The language a program's text is written in (ADR 0038): each named in its own language, as the switcher does.
 * The hint says why it matters: screen readers, hyphenation and search follow it.
 */
export function LanguageField({ field }: { field: FieldMetadata<string> }) {
  const t = useT();
  const props = getSelectProps(field, { ariaDescribedBy: `${field.id}-hint` });
  return (
    <div className="field">
      <label htmlFor={field.id}>{t('programs.language')}</label>
      <p id={`${field.id}-hint`} className="field-hint">
        {t('programs.languageHint')}
      </p>
      <select {...props} key={props.key}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
