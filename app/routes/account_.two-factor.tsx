import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorList, Field, useZodForm } from '~/components/forms.tsx';
import { Time } from '~/components/time.tsx';
import { CodeSchema } from '~/modules/members/members.schema.ts';
import {
  confirmTwoFactorSetup,
  renewRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorPage,
} from '~/modules/members/two-factor.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';

// Two-factor authentication of one's own account (ADR 0027): set up (scan, confirm), new recovery codes, turn off.

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context, actor }) => {
  requireMember(request, context);
  return twoFactorPage(actor);
});

/** The key and the recovery codes are nobody else's: never kept by a cache. */
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

const INTENTS = ['start', 'confirm', 'off', 'codes'] as const;
const HERE = '/account/two-factor';

export const action = /* @__PURE__ */ routeAction(
  { intents: INTENTS },
  async ({ request, context, actor, form, intent }) => {
    requireMember(request, context);
    if (intent === 'start') {
      await startTwoFactorSetup(actor);
      return redirectWithFlash(HERE, 'flash.twoFactorSetupStarted');
    }
    const submission = parseWithZod(form, { schema: CodeSchema });
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply({ hideFields: ['code'] }), codes: null }, { status: 400 });
    }
    const props = { actor, code: submission.value.code, address: context.clientAddress };
    if (intent === 'off') {
      await turnOffTwoFactor(props);
      return redirectWithFlash(HERE, 'flash.twoFactorOff');
    }
    // The recovery codes are shown once, in this answer: only their hashes are kept.
    const codes = intent === 'confirm' ? await confirmTwoFactorSetup(props) : await renewRecoveryCodes(props);
    return data(
      { intent, result: submission.reply({ resetForm: true }), codes },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  },
);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'twoFactor.title');

export default function TwoFactorPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const codes = actionData && 'codes' in actionData ? actionData.codes : null;
  if (codes) return <RecoveryCodes codes={codes} first={actionData?.intent === 'confirm'} />;
  return (
    <section className="narrow">
      <p className="muted">
        <Link to="/account">{t('account.title')}</Link>
      </p>
      <h1>{t('twoFactor.title')}</h1>
      <p>{t('twoFactor.intro')}</p>
      {page.due ? (
        <p className="notice" role="status" data-testid="two-factor-due">
          {t('twoFactor.due')}
        </p>
      ) : null}
      {page.enabled ? (
        <>
          <p data-testid="two-factor-status">
            {t('twoFactor.onSince')} <Time value={page.enabledAt!} />
          </p>
          <p>{t('twoFactor.codesLeft', { n: page.recoveryCodesLeft })}</p>
          <CodeForm intent="codes" title={t('twoFactor.codes.title')} submit={t('twoFactor.codes.submit')} />
          <CodeForm
            intent="off"
            title={t('twoFactor.off.title')}
            submit={t('twoFactor.off.submit')}
            hint={t('twoFactor.off.hint')}
            danger
          />
        </>
      ) : page.setup ? (
        <>
          <p data-testid="two-factor-status">{t('twoFactor.statusOff')}</p>
          <h2>{t('twoFactor.setup.title')}</h2>
          <p>{t('twoFactor.setup.manual')}</p>
          <p>
            <code className="totp-key" data-testid="totp-key">
              {page.setup.key}
            </code>
          </p>
          <p>{t('twoFactor.setup.uri')}</p>
          <p>
            <code className="totp-uri" data-testid="totp-uri">
              {page.setup.uri}
            </code>
          </p>
          <CodeForm intent="confirm" title={t('twoFactor.setup.confirmTitle')} submit={t('twoFactor.setup.confirm')} />
        </>
      ) : (
        <>
          <p data-testid="two-factor-status">{t('twoFactor.statusOff')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            {refusal?.intent === 'start' ? <ErrorList errors={[refusal.message]} /> : null}
            <button type="submit" className="button">
              {t('twoFactor.setup.start')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** A form asking for a code, for one intent; its refusal is shown beside its field. */
function CodeForm(props: { intent: string; title: string; submit: string; hint?: string; danger?: boolean }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const mine =
    (actionData && 'intent' in actionData && actionData.intent === props.intent) || refusal?.intent === props.intent;
  const [form, fields] = useZodForm(CodeSchema, {
    id: `${props.intent}-form`,
    lastResult: mine ? lastResultOf(actionData) : undefined,
  });
  return (
    <>
      <h2>{props.title}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={props.intent} />
        <Field field={fields.code} label={t('twoFactor.codeLabel')} hint={props.hint} autoComplete="one-time-code" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className={props.danger ? 'button button-danger' : 'button'}>
          {props.submit}
        </button>
      </Form>
    </>
  );
}

/** The ten recovery codes, shown this once. */
function RecoveryCodes({ codes, first }: { codes: string[]; first: boolean }) {
  const t = useT();
  return (
    <section className="narrow">
      <h1>{first ? t('twoFactor.onNow') : t('twoFactor.codes.newTitle')}</h1>
      <p className="notice">{t('twoFactor.codes.once')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/account/two-factor" className="button">
          {t('twoFactor.codes.saved')}
        </Link>
      </p>
    </section>
  );
}
