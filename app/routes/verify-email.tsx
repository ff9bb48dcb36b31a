import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { verifyEmail } from '~/modules/members/accounts.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';

// The link only shows a button: mail scanners that open links must not confirm an address by themselves.
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ context, form }) => {
  const { first } = await verifyEmail(String(form.get('token') ?? ''));
  // A new member's first page says what they can do now (issue 20), after signing in if they are not; a changed
  // address goes back to the account page.
  const next = first ? '/welcome' : '/account';
  return context.member
    ? redirectWithFlash(next, 'flash.emailConfirmed')
    : redirectWithFlash(`/login?redirectTo=${encodeURIComponent(next)}`, 'flash.emailConfirmedLogIn');
});

export default function VerifyEmailPage() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const refusal = refusalOf(useActionData<typeof action>());
  return (
    <section className="narrow">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <ErrorList errors={refusal ? [refusal.message] : undefined} />
        <button type="submit" className="button">
          {t('verify.submit')}
        </button>
      </Form>
    </section>
  );
}
