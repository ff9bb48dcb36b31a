import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList, NewPasswordFields, useZodForm } from '~/components/forms.tsx';
import { isResetTokenValid, resetPassword } from '~/modules/members/accounts.server.ts';
import { ResetPasswordSchema } from '~/modules/members/members.schema.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return { token, valid: token.length > 0 && token.length < 100 && (await isResetTokenValid(token)) };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ form }) => {
  const submission = parseWithZod(form, { schema: ResetPasswordSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 });
  }
  await resetPassword(submission.value.token, submission.value.password);
  return redirectWithFlash('/login', 'flash.passwordReset');
});

export default function ResetPasswordPage() {
  const t = useT();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ResetPasswordSchema, {
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
  });
  if (!valid) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p>{t('reset.invalid')}</p>
        <Link to="/forgot-password">{t('reset.again')}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields field={fields.password} confirm={fields.confirm} label={t('fields.newPassword')} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('reset.submit')}
        </button>
      </Form>
    </section>
  );
}
