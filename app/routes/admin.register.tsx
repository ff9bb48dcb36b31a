import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { RegisterPreviewView } from '~/components/register/register-preview.tsx';
import { inviteRegisterMembers } from '~/modules/register/invitations.server.ts';
import { REGISTER_FIELDS } from '~/modules/register/register-file.ts';
import {
  confirmRegisterUpload,
  registerPage,
  rereadRegisterUpload,
  uploadRegister,
  type ChosenColumns,
  type RegisterUploadView,
} from '~/modules/register/register.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { refusalOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context, actor }) => {
  requireMember(request, context);
  return registerPage(actor);
});

type ActionData = ({ step: 'preview' } & RegisterUploadView) | { step: 'error'; error: 'register.errors.required' };

/** The columns chosen by hand, as the preview's forms send them (`column.email`...). */
function chosenIn(form: FormData): ChosenColumns {
  return Object.fromEntries(REGISTER_FIELDS.map((f) => [f, String(form.get(`column.${f}`) ?? '')]));
}

export const action = /* @__PURE__ */ routeAction(
  { intents: ['', 'columns', 'confirm'] },
  async ({ request, context, actor, form, intent }) => {
    requireMember(request, context);
    const uploadId = String(form.get('uploadId') ?? '');
    if (intent === 'confirm') {
      await confirmRegisterUpload({ actor, uploadId, columns: chosenIn(form) });
      // Invitations go out once the answer is sent: a large register mails for a while.
      context.afterAnswer('register invitations', () => inviteRegisterMembers());
      return redirectWithFlash('/admin/register', 'flash.registerImported');
    }
    if (intent === 'columns') {
      const view = await rereadRegisterUpload({ actor, uploadId, columns: chosenIn(form) });
      // A choice of columns that cannot be read is shown again with what is wrong with it: a refused form (400).
      return data<ActionData>({ step: 'preview', ...view }, { status: view.columnsError ? 400 : 200 });
    }
    const file = form.get('file');
    if (!(file instanceof File) || !file.name) {
      return data<ActionData>({ step: 'error', error: 'register.errors.required' }, { status: 400 });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    return data<ActionData>({ step: 'preview', ...(await uploadRegister({ actor, fileName: file.name, bytes })) });
  },
);

/** Admins import the movement's membership register: a preview of every line, then one confirmed import. */
export default function RegisterPage() {
  const t = useT();
  const { figures, maxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const preview = actionData && 'step' in actionData && actionData.step === 'preview' ? actionData : null;
  const error =
    actionData && 'step' in actionData && actionData.step === 'error'
      ? actionData.error
      : refusalOf(actionData)?.message;
  const previewRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => previewRef.current?.focus(), [preview]);

  return (
    <section className="register">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <p data-testid="register-figures">{t('register.figures', figures)}</p>
      {preview ? (
        <RegisterPreviewView {...preview} headingRef={previewRef} busy={busy} />
      ) : (
        <Form method="post" encType="multipart/form-data" className="import-form">
          <div className="field">
            <label htmlFor="register-file">{t('register.file', { mb: Math.floor(maxBytes / 1024 / 1024) })}</label>
            <input
              id="register-file"
              type="file"
              name="file"
              required
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={error ? 'register-error' : undefined}
              aria-invalid={error ? true : undefined}
            />
            {error ? <ErrorList id="register-error" errors={[error]} /> : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('register.preview')}
          </button>
        </Form>
      )}
    </section>
  );
}
