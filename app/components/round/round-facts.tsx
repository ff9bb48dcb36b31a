import type { SerializeFrom } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { RecommendationNote } from '~/components/committee/recommendation.tsx';
import { Time } from '~/components/time.tsx';
import type { RoundView } from '~/modules/voting/round-view.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { CountingRulesText, useMajorityWords } from './rules.tsx';

type View = SerializeFrom<RoundView>;

/** A round's rules: its times, census (with its commitment and the reader's receipt), quorum, majority, method. */
export function RoundRules({ view }: { view: View }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { round, me } = view;
  const majority =
    round.majority.numerator * 2 === round.majority.denominator
      ? t('rounds.majority.simple')
      : t('rounds.majority.qualified', round.majority);
  return (
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
  );
}

/**
 * What a round asks: each yes/no question with its majority, each preferential question with its alternatives,
 * and the committee's recommendations; before its questions exist, the amendments it will put to the vote.
 */
export function RoundQuestions({ view }: { view: View }) {
  const t = useT();
  const majorityWords = useMajorityWords();
  const slug = view.program.slug;
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t('rounds.questions')}</h2>
      {view.questions.length ? (
        <ol>
          {view.questions.map((q) => (
            <li key={q.id}>
              {q.kind === 'YES_NO' ? (
                <>
                  <Link to={`/p/${slug}/amendments/${q.amendmentId}`}>
                    <ProgramText>{q.title}</ProgramText>
                  </Link>{' '}
                  <span className="muted question-rule" data-testid="question-majority">
                    {t('count.adoptedIf', { rule: majorityWords(q.majority) })}
                  </span>
                  <RecommendationNote recommendation={view.recommendations[q.amendmentId!]} slug={slug} />
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
                            <Link to={`/p/${slug}/amendments/${a.id}`}>{a.label}</Link>
                            <RecommendationNote recommendation={view.recommendations[a.id]} slug={slug} />
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
              <Link to={`/p/${slug}/amendments/${a.id}`}>
                <ProgramText>{a.title}</ProgramText>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
