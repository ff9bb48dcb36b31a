import { getFormProps, getInputProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import {
  DisplayNameField,
  EmailField,
  ErrorList,
  Field,
  LanguageField,
  NewPasswordFields,
  useZodForm,
} from '~/components/forms.tsx';
import { LOCALES } from '~/i18n/index.ts';
import { completeSetup, setupPage } from '~/modules/installation/setup.server.ts';
import { SetupSchema } from '~/modules/installation/setup.schema.ts';
import { useLocale, useT } from '~/utils/i18n.tsx';
import { lastResultOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Plenum' }];

/** Pending without the printed link's token, the form with it; once set up, the home page (ADR 0030). */
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const token = new URL(request.url).searchParams.get('token');
  const view = await setupPage(token);
  if (view === 'done') throw redirect('/');
  return { view, token: view === 'form' ? token : null };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ context, form }) => {
  const submission = parseWithZod(form, { schema: SetupSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  const { email, programSlug } = await completeSetup({ ...submission.value, locale: context.locale });
  // The admin signs in with the password just chosen; then straight to the first program's import page.
  const next = programSlug ? `/p/${programSlug}/import` : '/programs/new';
  return redirectWithFlash(
    `/login?redirectTo=${encodeURIComponent(next)}&email=${encodeURIComponent(email)}`,
    'setup.flash.done',
  );
});

/** The first page of a real movement's installation. */
export default function SetupPage() {
  const t = useT();
  const { view, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const locale = useLocale();
  const [form, fields] = useZodForm(SetupSchema, {
    // The admin most likely writes the first program in the language they set the installation up in.
    defaultValue: { programLanguage: locale },
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
  });
  if (view === 'pending') {
    return (
      <section className="narrow">
        <h1>{t('setup.pending.title')}</h1>
        <p>{t('setup.pending.body')}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token ?? ''} />
        <Field field={fields.movementName} label={t('setup.movementName')} hint={t('setup.movementNameHint')} />
        <fieldset className="field">
          <legend>{t('setup.locales')}</legend>
          {LOCALES.map((locale) => (
            <div className="field-checkbox" key={locale}>
              <input type="checkbox" id={`locale-${locale}`} name="locales" value={locale} defaultChecked />
              <label htmlFor={`locale-${locale}`}>{t(`setup.locale.${locale}`)}</label>
            </div>
          ))}
          <ErrorList id={fields.locales.errorId} errors={fields.locales.errors} />
        </fieldset>
        <h2>{t('setup.adminTitle')}</h2>
        <DisplayNameField field={fields.displayName} />
        <EmailField field={fields.email} />
        <NewPasswordFields field={fields.password} />
        <div className="field field-checkbox">
          <input
            {...getInputProps(fields.twoFactorRequired, { type: 'checkbox' })}
            key={fields.twoFactorRequired.key}
            defaultChecked
            aria-describedby={`${fields.twoFactorRequired.id}-hint`}
          />
          <label htmlFor={fields.twoFactorRequired.id}>{t('setup.twoFactor')}</label>
          <p id={`${fields.twoFactorRequired.id}-hint`} className="field-hint">
            {t('setup.twoFactorHint')}
          </p>
        </div>
        <h2>{t('setup.programTitle')}</h2>
        <Field field={fields.programTitle} label={t('setup.programName')} hint={t('setup.programHint')} />
        <LanguageField field={fields.programLanguage} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('setup.submit')}
        </button>
      </Form>
    </section>
  );
}
