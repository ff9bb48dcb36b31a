import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { verifyEmail } from '~/modules/members/accounts.server.ts';
import { AccountError } from '~/modules/members/errors.ts';
import { flashCookie } from '~/utils/cookies.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { readFormData } from '~/utils/forms.server.ts';

// The link only shows a button: mail scanners that open links must not confirm an address by themselves.
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = String((await readFormData(request)).get('token') ?? '');
  try {
    await verifyEmail(token);
  } catch (error) {
    if (error instanceof AccountError) return data({ error: error.key }, { status: 400 });
    throw error;
  }
  const flash = flashCookie(context.member ? 'flash.emailConfirmed' : 'flash.emailConfirmedLogIn');
  return redirect(context.member ? '/account' : '/login', { headers: { 'Set-Cookie': flash } });
}

export default function VerifyEmailPage() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <ErrorList errors={actionData?.error ? [actionData.error] : undefined} />
        <button type="submit" className="button">
          {t('verify.submit')}
        </button>
      </Form>
    </section>
  );
}
