import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { startAmendment } from '~/modules/amendments/amendment-commands.server.ts';
import { StartAmendmentSchema } from '~/modules/amendments/amendments.schema.ts';
import { sectionToAmend } from '~/modules/programs/program-text.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

const KINDS = ['CHANGE', 'ADD', 'DELETE'] as const;

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  const section = await sectionToAmend(actorOf(context), params.slug ?? '', params.sectionId ?? '');
  return { section };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form }) => {
  requireMember(request, context);
  const submission = parseWithZod(form, { schema: StartAmendmentSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const slug = params.slug ?? '';
  const id = await startAmendment({ actor, slug, sectionId: params.sectionId ?? '', ...submission.value });
  return redirectWithFlash(`/p/${slug}/amendments/${id}`, 'flash.amendmentStarted');
});

/** A member starts an amendment to a section: what it does, its title and why; the text comes next, live. */
export default function StartAmendmentPage() {
  const t = useT();
  const { section } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    defaultValue: { kind: 'CHANGE' },
    constraint: getZodConstraint(StartAmendmentSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StartAmendmentSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t('amendments.new.title', { n: section.number })}</h1>
      <p className="lead">
        {section.number} <ProgramText>{section.title}</ProgramText>
      </p>
      <p>{t('amendments.new.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <fieldset className="field">
          <legend>{t('amendments.new.kind')}</legend>
          {KINDS.map((k) => (
            <div className="field-checkbox" key={k}>
              <input
                type="radio"
                id={`${fields.kind.id}-${k}`}
                name={fields.kind.name}
                value={k}
                defaultChecked={k === 'CHANGE'}
              />
              <label htmlFor={`${fields.kind.id}-${k}`}>{t(`amendments.kind.${k}`)}</label>
            </div>
          ))}
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <Field field={fields.title} label={t('amendments.field.title')} />
        <Field
          field={fields.newTitle}
          label={t('amendments.field.newTitle')}
          hint={t('amendments.field.newTitleHint')}
        />
        <div className="field">
          <label htmlFor={fields.justification.id}>{t('amendments.field.justification')}</label>
          <p id={`${fields.justification.id}-hint`} className="field-hint">
            {t('amendments.field.justificationHint')}
          </p>
          <textarea
            {...getTextareaProps(fields.justification, { ariaDescribedBy: `${fields.justification.id}-hint` })}
            key={fields.justification.key}
            rows={5}
          />
          <ErrorList id={fields.justification.errorId} errors={fields.justification.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('amendments.new.submit')}
        </button>
      </Form>
    </section>
  );
}
