import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList, Field, LanguageField } from '~/components/forms.tsx';
import { newProgramPage } from '~/modules/programs/programs.server.ts';
import { openProgram } from '~/modules/programs/program-commands.server.ts';
import { NewProgramSchema } from '~/modules/programs/programs.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  requireMember(request, context);
  return newProgramPage(actorOf(context));
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, actor, form }) => {
  requireMember(request, context);
  const submission = parseWithZod(form, { schema: NewProgramSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const slug = await openProgram({ actor, ...submission.value });
  return redirectWithFlash(`/p/${slug}/structure`, 'flash.programOpened');
});

/** Moderators open a new program: empty, in drafting; its text is then written, shaped or imported. */
export default function NewProgramPage() {
  const t = useT();
  const { language } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    defaultValue: { language },
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(NewProgramSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewProgramSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t('programs.new.title')}</h1>
      <p className="lead">{t('programs.new.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.title} label={t('programs.new.name')} />
        <div className="field">
          <label htmlFor={fields.summary.id}>{t('programs.new.summary')}</label>
          <p id={`${fields.summary.id}-hint`} className="field-hint">
            {t('programs.new.summaryHint')}
          </p>
          <textarea
            {...getTextareaProps(fields.summary, { ariaDescribedBy: `${fields.summary.id}-hint` })}
            key={fields.summary.key}
            rows={3}
          />
          <ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
        </div>
        <LanguageField field={fields.language} />
        <Field field={fields.slug} label={t('programs.new.slug')} hint={t('programs.new.slugHint')} />
        <div className="field field-checkbox">
          <input {...getInputProps(fields.draftIsPublic, { type: 'checkbox' })} key={fields.draftIsPublic.key} />
          <label htmlFor={fields.draftIsPublic.id}>{t('settings.draftIsPublic')}</label>
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('programs.new.submit')}
        </button>
      </Form>
    </section>
  );
}
