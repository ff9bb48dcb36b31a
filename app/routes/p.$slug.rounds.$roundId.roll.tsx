import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { reportRoll, rollPage } from '~/modules/voting/roll.server.ts';
import { RollReportSchema } from '~/modules/voting/voting.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT, useSignature } from '~/utils/i18n.tsx';
import { lastResultOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return rollPage(actorOf(context), params.slug ?? '', params.roundId ?? '');
});

/** Who voted is for the census and the moderators: never kept by a shared cache. */
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-store' });

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form }) => {
  requireMember(request, context);
  const submission = parseWithZod(form, { schema: RollReportSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const at = `/p/${params.slug ?? ''}/rounds/${params.roundId ?? ''}/roll`;
  await reportRoll({ actor, slug: params.slug ?? '', roundId: params.roundId ?? '', ...submission.value });
  return redirectWithFlash(at, 'flash.rollReported');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'roll.title');

/** A closed round's voter roll, for its census and the moderators: who voted, never how nor when. */
export default function RollPage() {
  const t = useT();
  const signed = useSignature();
  const view = useLoaderData<typeof loader>();
  return (
    <article className="roll">
      <p className="muted">
        <Link to="..">{t('rounds.numbered', { n: view.round.number, title: view.round.title })}</Link>
      </p>
      <h1>{t('roll.title')}</h1>
      <p className="lead">{t('roll.intro')}</p>
      <p className="notice">{t('roll.privacy')}</p>
      <p data-testid="roll-count">{t('roll.count', { n: view.voters.length })}</p>
      <ul data-testid="roll">
        {view.voters.map((name, i) => (
          <li key={i}>{signed(name)}</li>
        ))}
      </ul>
      {view.me.onRoll ? (
        <section aria-labelledby="report-title" className="card">
          <p data-testid="on-roll">{t('roll.you')}</p>
          <h2 id="report-title">{t('roll.reportTitle')}</h2>
          {view.me.reported ? (
            <p data-testid="roll-reported">{t('roll.reported')}</p>
          ) : view.me.canReport ? (
            <ReportForm />
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

/** The member tells the moderators they did not vote, though the roll says they did. */
function ReportForm() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'roll-report',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(RollReportSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RollReportSchema }),
  });
  const message = getTextareaProps(fields.message, { ariaDescribedBy: 'roll-report-hint' });
  return (
    <Form method="post" {...getFormProps(form)}>
      <p id="roll-report-hint" className="field-hint">
        {t('roll.reportHint')}
      </p>
      <div className="field">
        <label htmlFor={fields.message.id}>{t('roll.reportMessage')}</label>
        <textarea {...message} key={message.key} rows={4} />
        <ErrorList id={fields.message.errorId} errors={fields.message.errors} />
      </div>
      <ErrorList errors={form.errors} />
      <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
        {t('roll.reportSubmit')}
      </button>
    </Form>
  );
}
