import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { LocalDateTime } from '~/components/round/local-date-time.tsx';
import { votableAmendments } from '~/modules/voting/ballot-paper.server.ts';
import { createRound } from '~/modules/voting/rounds.server.ts';
import { CreateRoundSchema } from '~/modules/voting/voting.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  return votableAmendments(actorOf(context), params.slug ?? '');
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  const submission = parseWithZod(form, { schema: CreateRoundSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const id = await createRound({ actor, slug, ...submission.value });
  return redirectWithFlash(`/p/${slug}/rounds/${id}`, 'flash.roundCreated');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rounds.new');

/** Moderators create a voting round: rules, times, census and the amendments it settles. */
export default function NewRoundPage() {
  const t = useT();
  const { choices, program, wrongPhase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'new-round',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    defaultValue: {
      quorumPercent: '0',
      majority: '1/2',
      method: 'SCHULZE',
      censusJoinedBefore: new Date().toISOString().slice(0, 10),
    },
    constraint: getZodConstraint(CreateRoundSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateRoundSchema }),
  });
  const [defaults, setDefaults] = useState<{ opens: Date; closes: Date } | null>(null);
  useEffect(() => {
    const now = new Date();
    setDefaults({ opens: now, closes: new Date(now.getTime() + 7 * 86_400_000) });
  }, []);
  if (wrongPhase) {
    return (
      <section className="narrow">
        <h1>{t('rounds.new')}</h1>
        <p data-testid="rounds-wrong-phase">
          {t('rounds.wrongPhase', { phase: t(`phase.${program.phase}`) })} {t('rounds.errors.phase')}
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('rounds.new')}</h1>
      <p>{t('rounds.newIntro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.title} label={t('rounds.form.title')} />
        <div className="field">
          <label htmlFor={fields.explanation.id}>{t('rounds.form.explanation')}</label>
          <textarea {...getTextareaProps(fields.explanation)} key={fields.explanation.key} rows={4} />
          <ErrorList id={fields.explanation.errorId} errors={fields.explanation.errors} />
        </div>
        <LocalDateTime
          field={fields.opensAt}
          label={t('rounds.form.opensAt')}
          initial={defaults?.opens}
          hint={t('rounds.form.timeHint')}
        />
        <LocalDateTime
          field={fields.closesAt}
          label={t('rounds.form.closesAt')}
          initial={defaults?.closes}
          hint={t('rounds.form.timeHint')}
        />
        <div className="field">
          <label htmlFor={fields.quorumPercent.id}>{t('rounds.form.quorum')}</label>
          <p id={`${fields.quorumPercent.id}-hint`} className="field-hint">
            {t('rounds.form.quorumHint')}
          </p>
          <input
            {...getInputProps(fields.quorumPercent, {
              type: 'number',
              ariaDescribedBy: `${fields.quorumPercent.id}-hint`,
            })}
            key={fields.quorumPercent.key}
            step="0.1"
            className="input-short"
          />
          <ErrorList id={fields.quorumPercent.errorId} errors={fields.quorumPercent.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.majority.id}>{t('rounds.form.majority')}</label>
          <select {...getSelectProps(fields.majority)} key={fields.majority.key}>
            <option value="1/2">{t('rounds.majority.simple')}</option>
            <option value="3/5">{t('rounds.majority.qualified', { numerator: 3, denominator: 5 })}</option>
            <option value="2/3">{t('rounds.majority.qualified', { numerator: 2, denominator: 3 })}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fields.method.id}>{t('rounds.form.method')}</label>
          <p id={`${fields.method.id}-hint`} className="field-hint">
            {t('rounds.form.methodHint')}
          </p>
          <select
            {...getSelectProps(fields.method)}
            key={fields.method.key}
            aria-describedby={`${fields.method.id}-hint`}
          >
            {(['SCHULZE', 'BORDA', 'DOWDALL'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`rounds.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-checkbox">
          <input
            type="checkbox"
            id={fields.binding.id}
            name={fields.binding.name}
            aria-describedby={`${fields.binding.id}-hint`}
          />
          <label htmlFor={fields.binding.id}>{t('rounds.form.binding')}</label>
          <p id={`${fields.binding.id}-hint`} className="field-hint">
            {t('rounds.form.bindingHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={fields.censusJoinedBefore.id}>{t('rounds.form.census')}</label>
          <p id={`${fields.censusJoinedBefore.id}-hint`} className="field-hint">
            {t('rounds.form.censusHint')}
          </p>
          <input
            {...getInputProps(fields.censusJoinedBefore, {
              type: 'date',
              ariaDescribedBy: `${fields.censusJoinedBefore.id}-hint`,
            })}
            key={fields.censusJoinedBefore.key}
          />
          <ErrorList id={fields.censusJoinedBefore.errorId} errors={fields.censusJoinedBefore.errors} />
        </div>
        <fieldset className="field" data-testid="round-amendments">
          <legend>{t('rounds.form.amendments')}</legend>
          {choices.length === 0 ? <p className="muted">{t('rounds.form.noneAdmissible')}</p> : null}
          {choices.map((choice) =>
            choice.group ? (
              <div key={choice.group} className="field-group">
                <p className="field-hint">{t('rounds.form.group')}</p>
                {choice.amendments.map((a) => (
                  <div className="field-checkbox" key={a.id}>
                    <input type="checkbox" id={`am-${a.id}`} name={fields.amendmentIds.name} value={a.id} />
                    <label htmlFor={`am-${a.id}`}>
                      <ProgramText>{a.title}</ProgramText>{' '}
                      <span className="muted">
                        (<ProgramText>{a.section.title}</ProgramText>)
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            ) : (
              <div className="field-checkbox" key={choice.amendments[0]!.id}>
                <input
                  type="checkbox"
                  id={`am-${choice.amendments[0]!.id}`}
                  name={fields.amendmentIds.name}
                  value={choice.amendments[0]!.id}
                />
                <label htmlFor={`am-${choice.amendments[0]!.id}`}>
                  <ProgramText>{choice.amendments[0]!.title}</ProgramText>{' '}
                  <span className="muted">
                    (<ProgramText>{choice.amendments[0]!.section.title}</ProgramText>)
                  </span>
                </label>
                <label htmlFor={`maj-${choice.amendments[0]!.id}`} className="visually-hidden">
                  {t('rounds.form.majorityOf', { title: choice.amendments[0]!.title })}
                </label>
                <select
                  id={`maj-${choice.amendments[0]!.id}`}
                  name={`majorityOf.${choice.amendments[0]!.id}`}
                  defaultValue=""
                  className="select-small"
                >
                  <option value="">{t('rounds.form.roundMajority')}</option>
                  <option value="1/2">{t('rounds.majority.simple')}</option>
                  <option value="3/5">{t('rounds.majority.qualified', { numerator: 3, denominator: 5 })}</option>
                  <option value="2/3">{t('rounds.majority.qualified', { numerator: 2, denominator: 3 })}</option>
                </select>
              </div>
            ),
          )}
          <ErrorList id={fields.amendmentIds.errorId} errors={fields.amendmentIds.errors} />
        </fieldset>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('rounds.form.create')}
        </button>
      </Form>
    </section>
  );
}
