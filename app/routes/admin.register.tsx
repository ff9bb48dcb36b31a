import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { inviteRegisterMembers } from '~/modules/register/invitations.server.ts';
import { REGISTER_FIELDS } from '~/modules/register/register-file.ts';
import {
  confirmRegisterUpload,
  registerPage,
  uploadRegister,
  type RegisterPreview,
} from '~/modules/register/register.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { refusalOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context, actor }) => {
  requireMember(request, context);
  return registerPage(actor);
});

type ActionData =
  | { step: 'preview'; uploadId: string; fileName: string; preview: RegisterPreview }
  | { step: 'error'; error: 'register.errors.required' };

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, actor, form, intent }) => {
  requireMember(request, context);
  if (intent === 'confirm') {
    await confirmRegisterUpload({ actor, uploadId: String(form.get('uploadId') ?? '') });
    // Invitations go out once the answer is sent: a large register mails for a while.
    context.afterAnswer('register invitations', () => inviteRegisterMembers());
    return redirectWithFlash('/admin/register', 'flash.registerImported');
  }
  const file = form.get('file');
  if (!(file instanceof File) || !file.name) {
    return data<ActionData>({ step: 'error', error: 'register.errors.required' }, { status: 400 });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return data<ActionData>({ step: 'preview', ...(await uploadRegister({ actor, fileName: file.name, bytes })) });
});

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

function RegisterPreviewView(props: {
  uploadId: string;
  fileName: string;
  preview: RegisterPreview;
  headingRef: React.RefObject<HTMLHeadingElement>;
  busy: boolean;
}) {
  const t = useT();
  const { preview } = props;
  const refused = Object.values(preview.errorCounts).reduce((a, b) => a + b, 0);
  return (
    <>
      <h2 ref={props.headingRef} tabIndex={-1} data-testid="register-preview-title">
        {t('register.previewTitle', { file: props.fileName })}
      </h2>
      <p data-testid="register-read">
        {t('register.read', {
          encoding: preview.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          separator: preview.separator === '\t' ? 'Tab' : preview.separator,
          total: preview.total,
          valid: preview.valid,
        })}
      </p>
      <h3>{t('register.columns')}</h3>
      <dl className="register-columns">
        {REGISTER_FIELDS.map((f) => {
          const index = preview.columns[f];
          return (
            <div key={f}>
              <dt>{t(`register.column.${f}`)}</dt>
              <dd>{index === undefined ? t('register.column.none') : (preview.header[index] ?? '')}</dd>
            </div>
          );
        })}
      </dl>
      <p data-testid="register-changes">{t('register.changes', { ...preview.changes })}</p>
      <section aria-labelledby="register-errors" className={refused ? 'notice notice-warning' : undefined}>
        <h3 id="register-errors" data-testid="register-refused">
          {refused ? t('register.errorsTitle', { n: refused }) : t('register.errorsNone')}
        </h3>
        {refused ? (
          <>
            <ul data-testid="register-error-counts">
              {Object.entries(preview.errorCounts)
                .filter(([, n]) => n > 0)
                .map(([kind, n]) => (
                  <li key={kind} data-kind={kind}>
                    {t(`register.line.${kind as keyof RegisterPreview['errorCounts']}`)}
                    {t('punctuation.colon')} {n}
                  </li>
                ))}
            </ul>
            <p className="field-hint">{t('register.keptNote')}</p>
            {preview.errors.length < refused ? <p>{t('register.errorsListed', { n: preview.errors.length })}</p> : null}
            <div className="table-scroll">
              <table data-testid="register-errors">
                <thead>
                  <tr>
                    <th scope="col">{t('register.line')}</th>
                    <th scope="col">{t('register.problem')}</th>
                    <th scope="col">{t('register.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e) => (
                    <tr key={`${e.line}-${e.kind}`}>
                      <td>{e.line}</td>
                      <td>{t(`register.line.${e.kind}`)}</td>
                      <td>{e.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
      <Form method="post" className="inline-actions">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="uploadId" value={props.uploadId} />
        <button type="submit" className="button" disabled={props.busy}>
          {t('register.confirm', { n: preview.valid })}
        </button>
        <Link to="/admin/register" reloadDocument>
          {t('register.cancel')}
        </Link>
      </Form>
    </>
  );
}
