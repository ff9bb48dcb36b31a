import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { getProgramOutline, updateProgramSettings } from '~/modules/programs/programs.server.ts';
import { ProgramSettingsSchema } from '~/modules/programs/programs.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { flashCookie } from '~/utils/cookies.server.ts';
import { asHttpError } from '~/utils/errors.server.ts';
import { readFormData } from '~/utils/forms.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';

const PHASES = ['DRAFTING', 'AMENDING', 'VOTING', 'PUBLISHED'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireMember(request, context);
  const { abilities } = await getProgramOutline(actorOf(context), params.slug ?? '').catch(asHttpError(request));
  if (!abilities.manage) throw new Response('Forbidden', { status: 403 });
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMember(request, context);
  const submission = parseWithZod(await readFormData(request), { schema: ProgramSettingsSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await updateProgramSettings({ actor: actorOf(context), slug: params.slug ?? '', ...submission.value }).catch(
    asHttpError(request),
  );
  return redirect(`/p/${params.slug}`, { headers: { 'Set-Cookie': flashCookie('flash.programSettingsChanged') } });
}

/** Moderators set the program's phase and whether the public reads its live draft. */
export default function ProgramSettingsPage() {
  const t = useT();
  const program = useRouteLoaderData<typeof programLoader>('routes/p.$slug')?.program;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    defaultValue: { phase: program?.phase, draftIsPublic: program?.draftIsPublic ? 'on' : undefined },
    constraint: getZodConstraint(ProgramSettingsSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgramSettingsSchema }),
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
        <div className="field field-checkbox">
          <input
            type="checkbox"
            id={fields.draftIsPublic.id}
            name={fields.draftIsPublic.name}
            defaultChecked={program?.draftIsPublic}
          />
          <label htmlFor={fields.draftIsPublic.id}>{t('settings.draftIsPublic')}</label>
        </div>
        <Field field={fields.reason} label={t('settings.reason')} hint={t('settings.reasonHint')} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('settings.submit')}
        </button>
      </Form>
    </section>
  );
}
