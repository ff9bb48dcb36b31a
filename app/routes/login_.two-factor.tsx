import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { ErrorList, Field, useZodForm } from '~/components/forms.tsx';
import { SecondStepSchema } from '~/modules/members/members.schema.ts';
import { completeSecondStep, hasPendingSecondStep } from '~/modules/members/two-factor.server.ts';
import { redirectIfSignedIn } from '~/utils/auth.server.ts';
import { SECOND_STEP_COOKIE, clearSecondStepCookie, readCookie, sessionCookie } from '~/utils/cookies.server.ts';
import { safeRedirect } from '~/utils/errors.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';
import type { HeadersFunction, MetaFunction } from '@remix-run/node';

// The second step of a login with two-factor on (ADR 0027): the password was right, no session is open yet.

export const loader = /* @__PURE__ */ routeLoader(async ({ context, request }) => {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  redirectIfSignedIn(context, redirectTo);
  // No pending login (expired, or never started): back to the password.
  if (!(await hasPendingSecondStep(readCookie(request.headers.get('cookie'), SECOND_STEP_COOKIE)))) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { 'Set-Cookie': clearSecondStepCookie() },
    });
  }
  return null;
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, form }) => {
  const submission = parseWithZod(form, { schema: SecondStepSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }) }, { status: 400 });
  }
  // A wrong code is a 400, too many a 429 with Retry-After; an expired step says to log in again (ADR 0020).
  const { token, expiresAt } = await completeSecondStep({
    token: readCookie(request.headers.get('cookie'), SECOND_STEP_COOKIE) ?? '',
    code: submission.value.code,
    address: context.clientAddress,
    userAgent: request.headers.get('user-agent'),
  });
  const headers = new Headers();
  headers.append('Set-Cookie', sessionCookie(token, expiresAt));
  headers.append('Set-Cookie', clearSecondStepCookie());
  return redirect(safeRedirect(submission.value.redirectTo), { headers });
});

/** A refused code's headers reach the browser: Retry-After when throttled. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'twoFactor.login.title');

export default function SecondStepPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useZodForm(SecondStepSchema, {
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
  });
  return (
    <section className="narrow">
      <h1>{t('twoFactor.login.title')}</h1>
      <p>{t('twoFactor.login.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <Field
          field={fields.code}
          label={t('twoFactor.codeLabel')}
          hint={t('twoFactor.login.recoveryHint')}
          autoComplete="one-time-code"
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('twoFactor.login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/login">{t('twoFactor.login.restart')}</Link>
      </p>
    </section>
  );
}
