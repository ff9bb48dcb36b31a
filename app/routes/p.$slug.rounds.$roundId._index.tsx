import { parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Countdown } from '~/components/round/countdown.tsx';
import { MailProgress, Remind, Reschedule } from '~/components/round/moderator-tools.tsx';
import { MyVote } from '~/components/round/my-vote.tsx';
import { RoundResultsView, Turnout } from '~/components/round/results.tsx';
import { RoundQuestions, RoundRules } from '~/components/round/round-facts.tsx';
import { TurnoutChart } from '~/components/round/turnout-chart.tsx';
import { scheduleReminder } from '~/modules/mailing/call-to-vote.server.ts';
import { getRound } from '~/modules/voting/round-view.server.ts';
import { rescheduleClose } from '~/modules/voting/rounds.server.ts';
import { ReminderSchema, RescheduleSchema } from '~/modules/voting/voting.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const view = await getRound(actorOf(context), params.slug ?? '', params.roundId ?? '');
  // The moment the page is drawn: an open round's turnout line runs flat from its last hour to now.
  return { ...view, renderedAt: new Date().toISOString() };
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
  const view = useLoaderData<typeof loader>();
  const { round } = view;
  const census = round.censusSize ?? 0;
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

      {round.status === 'OPEN' ? <MyVote view={view} /> : null}

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
          until={round.status === 'CLOSED' ? round.closesAt : view.renderedAt}
        />
      ) : null}

      {view.mailing ? <MailProgress mailing={view.mailing} /> : null}
      {view.canManage && view.mailing ? <Remind /> : null}

      {round.status === 'CLOSED' ? <MyVote view={view} /> : null}

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

      <RoundRules view={view} />
      <RoundQuestions view={view} />

      {view.canManage ? <Reschedule closesAt={round.closesAt} /> : null}
    </article>
  );
}
