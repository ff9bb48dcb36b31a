import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { DisplayNameField, ErrorList, NewPasswordFields, useZodForm } from '~/components/forms.tsx';
import { AcceptInvitationSchema } from '~/modules/members/members.schema.ts';
import { acceptInvitation, invitationOf } from '~/modules/register/invitations.server.ts';
import { sessionCookie } from '~/utils/cookies.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const entry = await invitationOf(token);
  return { token, invitation: entry ? { email: entry.email, name: entry.name } : null };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, form }) => {
  const submission = parseWithZod(form, { schema: AcceptInvitationSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 });
  }
  const { token, expiresAt } = await acceptInvitation({
    ...submission.value,
    locale: context.locale,
    userAgent: request.headers.get('user-agent'),
  });
  return redirectWithFlash('/', 'flash.joined', {
    headers: new Headers({ 'Set-Cookie': sessionCookie(token, expiresAt) }),
  });
});

/** A member listed in the movement's register accepts the mailed invitation: their account, tied to the entry. */
export default function JoinPage() {
  const t = useT();
  const { token, invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(AcceptInvitationSchema, {
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    defaultValue: { displayName: invitation?.name ?? '' },
  });
  const refusal = refusalOf(actionData);
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t('join.title')}</h1>
        <p data-testid="join-invalid">{t('join.invalid')}</p>
        <Link to="/signup">{t('nav.signup')}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('join.title')}</h1>
      <p>{t('join.intro', { email: invitation.email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <DisplayNameField field={fields.displayName} />
        <NewPasswordFields field={fields.password} confirm={fields.confirm} />
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(refusal ? [refusal.message] : [])]} />
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('join.submit')}
        </button>
      </Form>
    </section>
  );
}
