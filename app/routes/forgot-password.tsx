import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { EmailField, useZodForm } from '~/components/forms.tsx';
import { requestPasswordReset } from '~/modules/members/accounts.server.ts';
import { ForgotPasswordSchema } from '~/modules/members/members.schema.ts';
import { useT } from '~/utils/i18n.tsx';
import { routeAction } from '~/utils/route.server.ts';

export const action = /* @__PURE__ */ routeAction({}, async ({ context, form }) => {
  const submission = parseWithZod(form, { schema: ForgotPasswordSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 });
  // Looked up and mailed after the answer: the answer takes the same time whether or not the address has an
  // account (ADR 0004).
  const { email } = submission.value;
  context.afterAnswer('a password reset request', () => requestPasswordReset(email));
  return { result: submission.reply(), sent: true };
});

export default function ForgotPasswordPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ForgotPasswordSchema, {
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
  });
  return (
    <section className="narrow">
      <h1>{t('forgot.title')}</h1>
      {actionData?.sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <Form method="post" {...getFormProps(form)}>
            <EmailField field={fields.email} />
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
              {t('forgot.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
