import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { CurrentPasswordField, EmailField, ErrorList, useZodForm } from '~/components/forms.tsx';
import { logIn } from '~/modules/members/accounts.server.ts';
import { LogInSchema } from '~/modules/members/members.schema.ts';
import { redirectIfSignedIn } from '~/utils/auth.server.ts';
import { secondStepCookie, sessionCookie } from '~/utils/cookies.server.ts';
import { safeRedirect } from '~/utils/errors.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ context, request }) => {
  redirectIfSignedIn(context, safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  return null;
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, form }) => {
  const submission = parseWithZod(form, { schema: LogInSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  // A wrong password is a 400, too many a 429 with Retry-After: the wrapper answers both (ADR 0020).
  const outcome = await logIn({
    email: submission.value.email,
    password: submission.value.password,
    address: context.clientAddress,
    userAgent: request.headers.get('user-agent'),
  });
  const redirectTo = safeRedirect(submission.value.redirectTo);
  // Two-factor on: no session yet, only the pending second step (ADR 0027).
  if (outcome.secondStep) {
    const { token, expiresAt } = outcome.secondStep;
    return redirect(`/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { 'Set-Cookie': secondStepCookie(token, expiresAt) },
    });
  }
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': sessionCookie(outcome.token, outcome.expiresAt) },
  });
});

export default function LogInPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(LogInSchema, {
    // The setup page sends its new admin here with the address just given.
    defaultValue: { email: searchParams.get('email') ?? '' },
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
  });
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <EmailField field={fields.email} signIn />
        <CurrentPasswordField field={fields.password} label={t('fields.password')} />
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
