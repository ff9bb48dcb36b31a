import { Link } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/** The drafting committee's recommendation as pages receive it (dates serialized). */
export interface RecommendationShown {
  kind: 'ADOPT' | 'REJECT' | 'ADOPT_MODIFIED';
  reason: string;
  compromiseOf: { id: string; title: string } | null;
  compromise: { id: string; title: string; status: string } | null;
}

/**
 * The committee's recommendation beside a question or on an amendment's page (ADR 0037): what it recommends and
 * its public reason; for its compromise, which amendment it would replace.
 */
export function RecommendationNote(props: { recommendation: RecommendationShown | null | undefined; slug: string }) {
  const t = useT();
  const r = props.recommendation;
  if (!r) return null;
  return (
    <p className="notice recommendation" data-testid="recommendation">
      <strong>{t('committee.recommends')}</strong>{' '}
      {r.compromiseOf ? (
        <>
          {t('committee.isCompromise')}{' '}
          <Link to={`/p/${props.slug}/amendments/${r.compromiseOf.id}`}>{r.compromiseOf.title}</Link>
        </>
      ) : (
        t(`committee.kind.${r.kind}`)
      )}
      {' — '}
      <span data-testid="recommendation-reason">{r.reason}</span>
      {r.compromise && !r.compromiseOf ? (
        <>
          {' '}
          <Link to={`/p/${props.slug}/amendments/${r.compromise.id}`} data-testid="compromise-link">
            {t('committee.readCompromise')}
          </Link>
        </>
      ) : null}
    </p>
  );
}
