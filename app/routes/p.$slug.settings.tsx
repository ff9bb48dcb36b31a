import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { ErrorList, Field, LanguageField } from '~/components/forms.tsx';
import { addDrafter, listDrafters, removeDrafter } from '~/modules/programs/drafters.server.ts';
import { carryOverProgram } from '~/modules/amendments/rebase.server.ts';
import { updateProgramSettings } from '~/modules/programs/program-commands.server.ts';
import { AddDrafterSchema, ProgramSettingsSchema } from '~/modules/programs/programs.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
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

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  // listDrafters answers only those who manage the program: its refusal is this page's.
  return { drafters: await listDrafters(actorOf(context), params.slug ?? '') };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  if (intent === 'removeDrafter') {
    await removeDrafter({ actor, slug, memberId: String(form.get('memberId') ?? '') });
    return redirectWithFlash(`/p/${slug}/settings`, 'flash.draftersChanged');
  }
  if (intent === 'addDrafter') {
    const submission = parseWithZod(form, { schema: AddDrafterSchema });
    if (submission.status !== 'success') return data({ drafter: submission.reply() }, { status: 400 });
    await addDrafter({ actor, slug, email: submission.value.email });
    return redirectWithFlash(`/p/${slug}/settings`, 'flash.draftersChanged');
  }
  // The settings' form names no intent.
  const submission = parseWithZod(form, { schema: ProgramSettingsSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { phaseEndsAt, ...rest } = submission.value;
  await updateProgramSettings({ actor, slug, ...rest, phaseEndsAt: phaseEndsAt ?? null });
  // Leaving drafting may have moved the text under standing amendments: they are measured again now.
  if (rest.phase !== 'DRAFTING') await carryOverProgram(slug);
  return redirectWithFlash(`/p/${slug}`, 'flash.programSettingsChanged');
});

/** Moderators set the program's phase and its dates, who writes during drafting, and who reads the draft. */
export default function ProgramSettingsPage() {
  const t = useT();
  const program = useRouteLoaderData<typeof programLoader>('routes/p.$slug')?.program;
  const { drafters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const idle = navigation.state === 'idle';
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
  const [drafterForm, drafterFields] = useForm({
    id: 'add-drafter',
    lastResult:
      idle && (drafterRefused || (actionData && 'drafter' in actionData))
        ? lastResultOf(actionData, { key: 'drafter' })
        : undefined,
    constraint: getZodConstraint(AddDrafterSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddDrafterSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t('settings.title')}</h1>
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
        <div className="field field-checkbox">
          <input
            type="checkbox"
            id={fields.phaseAutoAdvance.id}
            name={fields.phaseAutoAdvance.name}
            defaultChecked={program?.phaseAutoAdvance}
            aria-describedby={`${fields.phaseAutoAdvance.id}-hint`}
          />
          <label htmlFor={fields.phaseAutoAdvance.id}>{t('settings.phaseAutoAdvance')}</label>
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
        <fieldset>
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

      <h2 id="drafters">{t('drafters.title')}</h2>
      <p>{t(program?.draftingAccess === 'NAMED_DRAFTERS' ? 'drafters.introNamed' : 'drafters.introAll')}</p>
      {drafters.length ? (
        <ul className="drafters" aria-labelledby="drafters">
          {drafters.map((d) => (
            <li key={d.id}>
              <Form method="post" className="inline-form">
                <span>
                  {d.displayName} <span className="muted">({d.email})</span>
                </span>
                <input type="hidden" name="intent" value="removeDrafter" />
                <input type="hidden" name="memberId" value={d.id} />
                <button type="submit" className="button-small button-secondary" disabled={!idle}>
                  {t('drafters.remove', { name: d.displayName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('drafters.none')}</p>
      )}
      <Form method="post" {...getFormProps(drafterForm)}>
        <input type="hidden" name="intent" value="addDrafter" />
        <Field field={drafterFields.email} type="email" label={t('drafters.email')} autoComplete="off" />
        <ErrorList id={drafterForm.errorId} errors={drafterForm.errors} />
        <button type="submit" className="button button-secondary" disabled={!idle}>
          {t('drafters.add')}
        </button>
      </Form>
    </section>
  );
}
