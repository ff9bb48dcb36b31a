import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { LOCALES, LOCALE_NAMES } from '~/i18n/index.ts';
import { useT, useTranslateError } from '~/utils/i18n.tsx';

/** Errors of a field or form, translated, announced to screen readers. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const translate = useTranslateError();
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-errors" role="alert">
      <ul>
        {errors.map((e) => (
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
