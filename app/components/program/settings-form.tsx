import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { ErrorList, Field, LanguageField } from '~/components/forms.tsx';
import { ProgramSettingsSchema } from '~/modules/programs/programs.schema.ts';
import type { loader as programLoader } from '~/routes/p.$slug.tsx';
import type { action } from '~/routes/p.$slug.settings.tsx';
import { useT } from '~/utils/i18n.tsx';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';

const PHASES = ['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'] as const;
const ACCESS = ['ALL_MEMBERS', 'NAMED_DRAFTERS'] as const;
const RULES = ['ABSOLUTE', 'ACTIVE_SHARE', 'GROUP_SHARE'] as const;
const CENSUS_RULES = ['OPEN', 'REGISTER'] as const;

/** A number input with its label and errors. */
function NumberField({ field, label, step }: { field: FieldMetadata<number>; label: string; step?: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...getInputProps(field, { type: 'number' })} key={field.key} step={step} className="input-short" />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The program's settings: its phase and dates, its language, who drafts, the supports' rule, the census. */
export function ProgramSettingsForm() {
  const t = useT();
  const program = useRouteLoaderData<typeof programLoader>('routes/p.$slug')?.program;
  const actionData = useActionData<typeof action>();
  const idle = useNavigation().state === 'idle';
  const refusal = refusalOf(actionData);
  const drafterRefused = refusal?.intent === 'addDrafter' || refusal?.intent === 'removeDrafter';
  const [form, fields] = useForm({
    id: 'settings',
    lastResult: idle && !drafterRefused ? lastResultOf(actionData) : undefined,
    defaultValue: {
      phase: program?.phase,
      phaseEndsAt: program?.phaseEndsAt ? new Date(program.phaseEndsAt).toISOString().slice(0, 10) : undefined,
      draftIsPublic: program?.draftIsPublic ? 'on' : undefined,
      draftingAccess: program?.draftingAccess,
      language: program?.language,
      supportValue: String(program?.supportValue ?? 10),
      supportActiveDays: String(program?.supportActiveDays ?? 30),
      supportDays: String(program?.supportDays ?? 14),
    },
    constraint: getZodConstraint(ProgramSettingsSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgramSettingsSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <div className="field">
        <label htmlFor={fields.phase.id}>{t('settings.phase')}</label>
        <select {...getSelectProps(fields.phase)} key={fields.phase.key}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phase.${p}`)}
            </option>
          ))}
        </select>
        <ErrorList id={fields.phase.errorId} errors={fields.phase.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.phaseEndsAt.id}>{t('settings.phaseEndsAt')}</label>
        <p id={`${fields.phaseEndsAt.id}-hint`} className="field-hint">
          {t('settings.phaseEndsAtHint')}
        </p>
        <input
          {...getInputProps(fields.phaseEndsAt, { type: 'date', ariaDescribedBy: `${fields.phaseEndsAt.id}-hint` })}
          key={fields.phaseEndsAt.key}
        />
        <ErrorList id={fields.phaseEndsAt.errorId} errors={fields.phaseEndsAt.errors} />
      </div>
      <div className="field">
        <div className="field-checkbox">
          <input
            type="checkbox"
            id={fields.phaseAutoAdvance.id}
            name={fields.phaseAutoAdvance.name}
            defaultChecked={program?.phaseAutoAdvance}
            aria-describedby={`${fields.phaseAutoAdvance.id}-hint`}
          />
          <label htmlFor={fields.phaseAutoAdvance.id}>{t('settings.phaseAutoAdvance')}</label>
        </div>
        <p id={`${fields.phaseAutoAdvance.id}-hint`} className="field-hint">
          {t('settings.phaseAutoAdvanceHint')}
        </p>
      </div>
      <LanguageField field={fields.language} />
      <fieldset className="field">
        <legend>{t('settings.draftingAccess')}</legend>
        {ACCESS.map((a) => (
          <div className="field-checkbox" key={a}>
            <input
              type="radio"
              id={`${fields.draftingAccess.id}-${a}`}
              name={fields.draftingAccess.name}
              value={a}
              defaultChecked={(program?.draftingAccess ?? 'ALL_MEMBERS') === a}
            />
            <label htmlFor={`${fields.draftingAccess.id}-${a}`}>{t(`settings.access.${a}`)}</label>
          </div>
        ))}
        <ErrorList id={fields.draftingAccess.errorId} errors={fields.draftingAccess.errors} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('settings.supports')}</legend>
        <p className="field-hint">{t('settings.supportsHint')}</p>
        {RULES.map((r) => (
          <div className="field-checkbox" key={r}>
            <input
              type="radio"
              id={`${fields.supportRule.id}-${r}`}
              name={fields.supportRule.name}
              value={r}
              defaultChecked={(program?.supportRule ?? 'ABSOLUTE') === r}
            />
            <label htmlFor={`${fields.supportRule.id}-${r}`}>{t(`settings.rule.${r}`)}</label>
          </div>
        ))}
        <NumberField field={fields.supportValue} label={t('settings.supportValue')} step="any" />
        <NumberField field={fields.supportActiveDays} label={t('settings.supportActiveDays')} />
        <NumberField field={fields.supportDays} label={t('settings.supportDays')} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('settings.censusRule')}</legend>
        <p className="field-hint">{t('settings.censusRuleHint')}</p>
        {CENSUS_RULES.map((r) => (
          <div key={r} className="field-checkbox">
            <input
              type="radio"
              id={`${fields.censusRule.id}-${r}`}
              name={fields.censusRule.name}
              value={r}
              defaultChecked={(program?.censusRule ?? 'OPEN') === r}
            />
            <label htmlFor={`${fields.censusRule.id}-${r}`}>{t(`settings.censusRule.${r}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field field-checkbox">
        <input
          type="checkbox"
          id={fields.draftIsPublic.id}
          name={fields.draftIsPublic.name}
          defaultChecked={program?.draftIsPublic}
        />
        <label htmlFor={fields.draftIsPublic.id}>{t('settings.draftIsPublic')}</label>
      </div>
      <div className="field field-checkbox">
        <input
          type="checkbox"
          id={fields.drafterNamesPublic.id}
          name={fields.drafterNamesPublic.name}
          defaultChecked={program?.drafterNamesPublic}
        />
        <label htmlFor={fields.drafterNamesPublic.id}>{t('settings.drafterNamesPublic')}</label>
      </div>
      <div className="field">
        <div className="field-checkbox">
          <input
            type="checkbox"
            id={fields.confirmBackwards.id}
            name={fields.confirmBackwards.name}
            aria-describedby={`${fields.confirmBackwards.id}-hint ${fields.confirmBackwards.errorId}`}
          />
          <label htmlFor={fields.confirmBackwards.id}>{t('settings.confirmBackwards')}</label>
        </div>
        <p id={`${fields.confirmBackwards.id}-hint`} className="field-hint">
          {t('settings.confirmBackwardsHint')}
        </p>
        <ErrorList id={fields.confirmBackwards.errorId} errors={fields.confirmBackwards.errors} />
      </div>
      <Field field={fields.reason} label={t('settings.reason')} hint={t('settings.reasonHint')} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="button" disabled={!idle}>
        {t('settings.submit')}
      </button>
    </Form>
  );
}
