import type { SerializeFrom } from '@remix-run/node';
import type { RoundView } from '~/modules/voting/round-view.server.ts';
import { percentOf as percent, quorumNeeded } from '~/modules/voting/thresholds.ts';
import { KEEP_CURRENT, type PreferentialResult, type RoundResults, type YesNoResult } from '~/modules/voting/types.ts';
import { useFormatNumber, useT } from '~/utils/i18n.tsx';
import { CountingRulesText, isSimple, type MajorityFraction } from './rules.tsx';
import { RecommendationNote } from '../committee/recommendation.tsx';

type View = SerializeFrom<RoundView>;

/**
 * A horizontal bar: its length is the share, and the figures are written out (colour is never the only sign).
 * `of` is what the share is of (yes and no: the majority's denominator); without it, the count alone.
 */
function Bar({ label, value, of, kind }: { label: string; value: number; of?: number; kind: string }) {
  const share = of === undefined ? 0 : percent(value, of);
  const formatNumber = useFormatNumber();
  return (
    <div className="bar-row">
      <span className="bar-label">{label}</span>
      {/* SVG attributes, not a style attribute: the CSP allows no inline style. */}
      <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className={`bar-fill bar-${kind}`} x="0" y="0" width={share} height="10" />
      </svg>
      <span className="bar-value">{of === undefined ? value : `${value} (${formatNumber(share)} %)`}</span>
    </div>
  );
}

/** Turnout against the census, with the quorum. */
export function Turnout({ voters, census, quorumPercent }: { voters: number; census: number; quorumPercent: number }) {
  const t = useT();
  return (
    <div data-testid="turnout">
      <p>
        <label htmlFor="turnout-bar">{t('rounds.turnout', { voters, census, percent: percent(voters, census) })}</label>
      </p>
      <progress id="turnout-bar" max={Math.max(census, 1)} value={voters}>
        {voters}/{census}
      </progress>
      {quorumPercent > 0 ? (
        <p className="field-hint">
          {t('rounds.quorumLine', { quorum: quorumPercent, needed: quorumNeeded(census, quorumPercent) })}
        </p>
      ) : null}
    </div>
  );
}

/** A yes/no question: yes and no as shares of the yes and no votes (what its majority counts), abstentions aside. */
function YesNo({
  result,
  title,
  majority,
  recommendation,
}: {
  result: YesNoResult;
  title: string;
  majority: MajorityFraction;
  recommendation: React.ReactNode;
}) {
  const t = useT();
  const cast = result.yes + result.no;
  const share = { yes: result.yes, cast, percent: percent(result.yes, cast) };
  return (
    <section className="result" aria-label={title} data-testid={`result-${result.id}`}>
      <h3>{title}</h3>
      {recommendation}
      <div className="bars">
        <Bar label={t('vote.yes')} value={result.yes} of={cast} kind="yes" />
        <Bar label={t('vote.no')} value={result.no} of={cast} kind="no" />
        <Bar label={t('vote.abstain')} value={result.abstain} kind="abstain" />
      </div>
      <p data-testid="majority-share">
        {isSimple(majority)
          ? t('count.share.simple', share)
          : t('count.share.qualified', {
              ...share,
              ...majority,
              needed: percent(majority.numerator, majority.denominator),
            })}{' '}
        {t('count.abstentionsAside', { abstain: result.abstain })}
      </p>
      <p className={result.adopted ? 'notice' : 'notice notice-warning'} data-testid="outcome">
        {result.adopted ? t('rounds.adopted') : t('rounds.rejected')}
      </p>
    </section>
  );
}

function Preferential({
  result,
  title,
  labels,
  counting,
  recommendations,
}: {
  result: PreferentialResult;
  title: string;
  labels: Map<string, string>;
  counting: RoundResults['counting'];
  recommendations: (id: string) => React.ReactNode;
}) {
  const t = useT();
  const name = (id: string) => (id === KEEP_CURRENT ? t('vote.keepCurrent') : (labels.get(id) ?? id));
  const index = new Map(result.alternatives.map((id, i) => [id, i]));
  return (
    <section className="result" aria-label={title} data-testid={`result-${result.id}`}>
      <h3>{title}</h3>
      <p>
        {t('rounds.methodUsed', { method: t(`rounds.method.${result.method}`), ranked: result.ranked })}{' '}
        <CountingRulesText counting={counting} method={result.method} counted />
      </p>
      <ol className="ranking" data-testid="ranking">
        {result.ranking.map((id) => (
          <li key={id}>
            {name(id)} {recommendations(id)}
            <span className="muted">
              (
              {t(result.method === 'SCHULZE' ? 'rounds.scoreBeats' : 'rounds.score', {
                score: Math.round(result.scores[index.get(id)!]! * 1000) / 1000,
              })}
              )
            </span>
          </li>
        ))}
      </ol>
      <p className="notice" data-testid="outcome">
        {result.winner === null
          ? t('rounds.noWinner')
          : result.winner === KEEP_CURRENT
            ? t('rounds.keepWon')
            : t('rounds.winner', { title: name(result.winner) })}
      </p>
      <div className="table-scroll">
        <table className="pairwise" data-testid="pairwise">
          <caption>{t('rounds.pairwise')}</caption>
          <thead>
            <tr>
              <td />
              {result.alternatives.map((id) => (
                <th scope="col" key={id}>
                  {name(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.alternatives.map((row, i) => (
              <tr key={row}>
                <th scope="row">{name(row)}</th>
                {result.alternatives.map((col, j) => (
                  <td
                    key={col}
                    className={
                      i === j ? 'muted' : result.pairwise[i]![j]! > result.pairwise[j]![i]! ? 'wins' : undefined
                    }
                  >
                    {i === j ? '—' : result.pairwise[i]![j]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The results of a closed round: turnout and quorum, then each question with its figures and outcome. */
export function RoundResultsView({ view, results }: { view: View; results: RoundResults }) {
  const t = useT();
  const titles = new Map(view.questions.map((q) => [q.id, q.title]));
  const majorities = new Map(view.questions.map((q) => [q.id, q.majority]));
  const labels = new Map(view.amendments.map((a) => [a.id, a.title]));
  const amendmentOf = new Map(view.questions.map((q) => [q.id, q.amendmentId]));
  // The drafting committee's recommendation beside each question's outcome (ADR 0037).
  const recommendation = (amendmentId: string | null | undefined) =>
    amendmentId ? (
      <RecommendationNote recommendation={view.recommendations[amendmentId]} slug={view.program.slug} />
    ) : null;
  return (
    <section aria-labelledby="results-title" data-testid="results">
      <h2 id="results-title">{t('rounds.results')}</h2>
      <Turnout voters={results.ballots} census={results.censusSize} quorumPercent={results.quorumPercent} />
      {results.quorumPercent > 0 ? (
        <p className={results.quorumMet ? 'notice' : 'notice notice-warning'}>
          {results.quorumMet ? t('rounds.quorumMet') : t('rounds.quorumMissed')}
        </p>
      ) : null}
      {results.questions.map((r) =>
        r.kind === 'YES_NO' ? (
          <YesNo
            key={r.id}
            result={r}
            title={titles.get(r.id) ?? ''}
            majority={majorities.get(r.id) ?? view.round.majority}
            recommendation={recommendation(amendmentOf.get(r.id))}
          />
        ) : (
          <Preferential
            key={r.id}
            result={r}
            title={titles.get(r.id) ?? ''}
            labels={labels}
            counting={results.counting}
            recommendations={recommendation}
          />
        ),
      )}
    </section>
  );
}
