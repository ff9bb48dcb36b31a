import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { logIn } from '~/modules/members/accounts.server.ts';
import { AccountError, accountErrorMessage, ThrottledError } from '~/modules/members/errors.ts';
import { LogInSchema } from '~/modules/members/members.schema.ts';
import { redirectIfSignedIn } from '~/utils/auth.server.ts';
import { sessionCookie } from '~/utils/cookies.server.ts';
import { safeRedirect } from '~/utils/errors.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { readFormData } from '~/utils/forms.server.ts';

export function loader({ context, request }: LoaderFunctionArgs) {
  redirectIfSignedIn(context, safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: LogInSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  try {
    const { token, expiresAt } = await logIn({
      email: submission.value.email,
      password: submission.value.password,
      address: context.clientAddress,
      userAgent: request.headers.get('user-agent'),
    });
    return redirect(safeRedirect(submission.value.redirectTo), {
      headers: { 'Set-Cookie': sessionCookie(token, expiresAt) },
    });
  } catch (error) {
    if (error instanceof ThrottledError) {
      const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
      return data(
        {
          result: submission.reply({
            formErrors: [accountErrorMessage(error, context.locale)],
            hideFields: ['password'],
          }),
        },
        { status: 429, headers: { 'Retry-After': String(seconds) } },
      );
    }
    if (error instanceof AccountError) {
      return data({ result: submission.reply({ formErrors: [error.key], hideFields: ['password'] }) }, { status: 400 });
    }
    throw error;
  }
}

export default function LogInPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    constraint: getZodConstraint(LogInSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LogInSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <Field field={fields.email} label={t('fields.email')} type="email" autoComplete="username" />
        <Field field={fields.password} label={t('fields.password')} type="password" autoComplete="current-password" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </section>
  );
}
