import { getFormProps, useForm } from '@conform-to/react';
import { RecommendationNote } from '~/components/committee/recommendation.tsx';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field } from '~/components/forms.tsx';
import { Countdown } from '~/components/round/countdown.tsx';
import { LocalDateTime } from '~/components/round/local-date-time.tsx';
import { RoundResultsView, Turnout } from '~/components/round/results.tsx';
import { TurnoutChart } from '~/components/round/turnout-chart.tsx';
import { scheduleReminder } from '~/modules/mailing/call-to-vote.server.ts';
import { CountingRulesText, useMajorityWords } from '~/components/round/rules.tsx';
import { Time } from '~/components/time.tsx';
import { getRound } from '~/modules/voting/round-view.server.ts';
import { rescheduleClose } from '~/modules/voting/rounds.server.ts';
import { ReminderSchema, RescheduleSchema } from '~/modules/voting/voting.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return getRound(actorOf(context), params.slug ?? '', params.roundId ?? '');
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  requireMember(request, context);
  if (intent === 'remind') {
    const reminder = parseWithZod(form, { schema: ReminderSchema });
    if (reminder.status !== 'success') return data({ result: reminder.reply() }, { status: 400 });
    await scheduleReminder({ actor, roundId: params.roundId ?? '', ...reminder.value });
    return redirectWithFlash(`/p/${params.slug}/rounds/${params.roundId}`, 'flash.reminderScheduled');
  }
  const submission = parseWithZod(form, { schema: RescheduleSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await rescheduleClose({ actor, roundId: params.roundId ?? '', ...submission.value });
  return redirectWithFlash(`/p/${params.slug}/rounds/${params.roundId}`, 'flash.roundRescheduled');
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} · Plenum` : 'Plenum' },
];

/** A voting round: its rules, census and countdown; turnout while open; results and ballot board once closed. */
export default function RoundPage() {
  const t = useT();
  const formatDate = useFormatDate();
  const view = useLoaderData<typeof loader>();
  const { round, me } = view;
  const majorityWords = useMajorityWords();
  const census = round.censusSize ?? 0;
  const majority =
    round.majority.numerator * 2 === round.majority.denominator
      ? t('rounds.majority.simple')
      : t('rounds.majority.qualified', round.majority);
  return (
    <article className="round">
      <p className="muted">
        <Link to={`/p/${view.program.slug}/rounds`}>{t('rounds.title')}</Link>
      </p>
      <h1>{t('rounds.numbered', { n: round.number, title: round.title })}</h1>
      <p>
        <span className="badge" data-testid="round-status">
          {t(`rounds.status.${round.status}`)}
        </span>{' '}
        {round.binding ? (
          <span className="badge" data-testid="round-binding" title={t('rounds.form.bindingHint')}>
            {t('rounds.form.binding')}
          </span>
        ) : null}
      </p>
      <p className="lead">{round.explanation}</p>

      {round.status === 'SCHEDULED' ? <Countdown until={round.opensAt} labelKey="rounds.opensIn" /> : null}
      {round.status === 'OPEN' ? <Countdown until={round.closesAt} labelKey="rounds.closesIn" /> : null}

      {round.status === 'OPEN' ? (
        <section aria-labelledby="vote-title" className="card">
          <h2 id="vote-title">{t('rounds.yourVote')}</h2>
          {me.canVote ? (
            <>
              <p data-testid="my-vote">
                {me.voted
                  ? t('rounds.votedAgain', { closes: formatDate(round.closesAt, 'datetime') })
                  : t('rounds.notVotedYet')}
              </p>
              <Link to="ballot" className="button">
                {me.voted ? t('rounds.changeVote') : t('rounds.vote')}
              </Link>
            </>
          ) : (
            <p data-testid="my-vote">
              {me.inCensus
                ? t('rounds.cannotVote')
                : me.outsideRegister
                  ? me.outsideRegister.key === 'expired'
                    ? t('rounds.notInRegister.expired', { date: formatDate(me.outsideRegister.date, 'day') })
                    : t(`rounds.notInRegister.${me.outsideRegister.key}`)
                  : t('rounds.notInCensus')}
            </p>
          )}
          <p className="field-hint">{t('rounds.secrecyLine')}</p>
        </section>
      ) : null}

      {round.status !== 'CLOSED' ? (
        <section aria-labelledby="turnout-title">
          <h2 id="turnout-title">{t('rounds.turnoutTitle')}</h2>
          {round.status === 'OPEN' ? (
            <Turnout voters={view.voters} census={census} quorumPercent={round.quorumPercent} />
          ) : (
            <p>{t('rounds.notOpenYet')}</p>
          )}
          <p className="muted" data-testid="no-partial-results">
            {t('rounds.noPartialResults')}
          </p>
        </section>
      ) : null}

      {round.status !== 'SCHEDULED' ? (
        <TurnoutChart
          series={view.turnout}
          census={census}
          opensAt={round.openedAt ?? round.opensAt}
          closesAt={round.closesAt}
        />
      ) : null}

      {view.mailing ? <MailProgress mailing={view.mailing} /> : null}
      {view.canManage && view.mailing ? <Remind /> : null}

      {round.status === 'CLOSED' && (me.inCensus || me.canSeeRoll) ? (
        <section aria-labelledby="my-ballot-title" className="card">
          <h2 id="my-ballot-title">{t('rounds.yourVote')}</h2>
          {me.inCensus ? (
            <p data-testid="my-vote">{me.counted ? t('rounds.ballotCounted') : t('rounds.notOnRoll')}</p>
          ) : null}
          {me.canSeeRoll ? (
            <p>
              <Link to="roll">{t('rounds.rollLink')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {view.results ? (
        <>
          <RoundResultsView view={view} results={view.results} />
          <p className="inline-actions">
            <Link to="board" className="button button-secondary">
              {t('board.check')}
            </Link>
            <a href={`/p/${view.program.slug}/rounds/${round.id}/board.json`} download>
              {t('board.download')}
            </a>
          </p>
        </>
      ) : null}

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('rounds.rules')}</h2>
        <dl className="facts">
          <dt>{t('rounds.form.opensAt')}</dt>
          <dd>
            <Time value={round.opensAt} style="datetime" />
          </dd>
          <dt>{t('rounds.form.closesAt')}</dt>
          <dd data-testid="closes-at">
            <Time value={round.closesAt} style="datetime" />
          </dd>
          <dt>{t('rounds.census')}</dt>
          <dd data-testid="census">
            {round.censusRule === 'REGISTER'
              ? t('rounds.censusRuleRegister')
              : t('rounds.censusRule', { date: formatDate(round.censusJoinedBefore, 'day') })}{' '}
            {round.censusSize !== null ? t('rounds.censusSize', { n: round.censusSize }) : t('rounds.censusLater')}
            {round.censusCommitment ? (
              <>
                <br />
                {t('rounds.censusCommitment')} <code data-testid="census-commitment">{round.censusCommitment}</code>
              </>
            ) : null}
            {me.censusReceipt ? (
              <>
                <br />
                <small data-testid="census-receipt">{t('rounds.censusReceipt', me.censusReceipt)}</small>
              </>
            ) : null}
          </dd>
          <dt>{t('rounds.form.quorum')}</dt>
          <dd>{round.quorumPercent > 0 ? `${round.quorumPercent} %` : t('rounds.noQuorum')}</dd>
          <dt>{t('rounds.form.majority')}</dt>
          <dd>{majority}</dd>
          <dt>{t('rounds.form.method')}</dt>
          <dd>
            {t(`rounds.method.${round.method}`)} —{' '}
            <CountingRulesText counting={view.results?.counting} method={round.method} counted={!!view.results} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t('rounds.questions')}</h2>
        {view.questions.length ? (
          <ol>
            {view.questions.map((q) => (
              <li key={q.id}>
                {q.kind === 'YES_NO' ? (
                  <>
                    <Link to={`/p/${view.program.slug}/amendments/${q.amendmentId}`}>
                      <ProgramText>{q.title}</ProgramText>
                    </Link>{' '}
                    <span className="muted" data-testid="question-majority">
                      {t('count.adoptedIf', { rule: majorityWords(q.majority) })}
                    </span>
                    <RecommendationNote
                      recommendation={view.recommendations[q.amendmentId!]}
                      slug={view.program.slug}
                    />
                  </>
                ) : (
                  <>
                    {t('rounds.preferentialQuestion')}
                    <ul>
                      {q.alternatives.map((a) => (
                        <li key={a.id}>
                          {a.id === 'keep' ? (
                            t('vote.keepCurrent')
                          ) : (
                            <>
                              <Link to={`/p/${view.program.slug}/amendments/${a.id}`}>{a.label}</Link>
                              <RecommendationNote
                                recommendation={view.recommendations[a.id]}
                                slug={view.program.slug}
                              />
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <ul>
            {view.amendments.map((a) => (
              <li key={a.id}>
                <Link to={`/p/${view.program.slug}/amendments/${a.id}`}>
                  <ProgramText>{a.title}</ProgramText>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.canManage ? <Reschedule closesAt={round.closesAt} /> : null}
    </article>
  );
}

/** Moderators move the closing time, with a public reason; a time already past closes the round now. */
function Reschedule({ closesAt }: { closesAt: string | Date }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'reschedule',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(RescheduleSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RescheduleSchema }),
  });
  return (
    <section aria-labelledby="reschedule-title" className="card">
      <h2 id="reschedule-title">{t('rounds.reschedule')}</h2>
      <p className="field-hint">{t('rounds.rescheduleHint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <LocalDateTime
          field={fields.closesAt}
          label={t('rounds.form.closesAt')}
          initial={closesAt}
          hint={t('rounds.form.timeHint')}
        />
        <Field field={fields.reason} label={t('moderation.reason')} />
        <button type="submit" className="button button-secondary" disabled={navigation.state !== 'idle'}>
          {t('rounds.rescheduleSubmit')}
        </button>
      </Form>
    </section>
  );
}

type Mailing = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['mailing']>;

/** Moderators see how the mail to the census goes: queued, sent, no longer needed, failed (counts only). */
function MailProgress({ mailing }: { mailing: Mailing }) {
  const t = useT();
  const rows = [
    ['calls', t('mailing.calls'), mailing.calls],
    ['reminders', t('mailing.reminders'), mailing.reminders],
  ] as const;
  return (
    <section aria-labelledby="mailing-title">
      <h2 id="mailing-title">{t('mailing.progressTitle')}</h2>
      <table data-testid="mail-progress">
        <thead>
          <tr>
            <th scope="col">{t('mailing.kind')}</th>
            <th scope="col">{t('mailing.queued')}</th>
            <th scope="col">{t('mailing.sent')}</th>
            <th scope="col">{t('mailing.skipped')}</th>
            <th scope="col">{t('mailing.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, label, counts]) => (
            <tr key={id} data-testid={`mail-${id}`}>
              <th scope="row">{label}</th>
              <td data-testid="queued">{counts.queued}</td>
              <td data-testid="sent">{counts.sent}</td>
              <td data-testid="skipped">{counts.skipped}</td>
              <td data-testid="failed">{counts.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        {mailing.scheduled.length
          ? t('mailing.scheduled', {
              list:
                mailing.scheduled
                  .map((r) => new Date(r.sendAt).toISOString().slice(0, 16).replace('T', ' '))
                  .join(', ') + ' UTC',
            })
          : t('mailing.noReminder')}
      </p>
    </section>
  );
}

/** Moderators schedule a reminder to the census members who have not voted (now, when the time is left empty). */
function Remind() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'remind',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData, { intent: 'remind' }) : undefined,
    constraint: getZodConstraint(ReminderSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReminderSchema }),
  });
  return (
    <section aria-labelledby="remind-title" className="card">
      <h2 id="remind-title">{t('mailing.remindTitle')}</h2>
      <p className="field-hint">{t('mailing.remindHint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="remind" />
        <LocalDateTime field={fields.sendAt} label={t('mailing.sendAt')} hint={t('rounds.form.timeHint')} />
        <button type="submit" className="button button-secondary" disabled={navigation.state !== 'idle'}>
          {t('mailing.remindSubmit')}
        </button>
      </Form>
    </section>
  );
}
