import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { DisplayNameField, EmailField, ErrorList, NewPasswordFields, useZodForm } from '~/components/forms.tsx';
import { signUp } from '~/modules/members/accounts.server.ts';
import { SignUpSchema } from '~/modules/members/members.schema.ts';
import { redirectIfSignedIn } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Plenum' }];

export const loader = /* @__PURE__ */ routeLoader(async ({ context }) => {
  redirectIfSignedIn(context);
  return null;
});

export const action = /* @__PURE__ */ routeAction({}, async ({ context, form }) => {
  const submission = parseWithZod(form, { schema: SignUpSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  await signUp({ ...submission.value, locale: context.locale });
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
});

export default function SignUpPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(SignUpSchema, {
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
  });
  if (actionData?.sentTo) {
    return (
      <section className="narrow">
        <h1>{t('signup.sent.title')}</h1>
        <p role="status">{t('signup.sent.body', { email: actionData.sentTo })}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <p>
        {t('signup.stored')} <Link to="/privacy">{t('signup.privacyLink')}</Link>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <DisplayNameField field={fields.displayName} hint={t('signup.whyName')} />
        <EmailField field={fields.email} hint={t('signup.whyEmail')} />
        <NewPasswordFields field={fields.password} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('signup.submit')}
        </button>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
