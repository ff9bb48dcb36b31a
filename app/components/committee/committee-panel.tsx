import { Form, Link } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';
import { RecommendationNote, type RecommendationShown } from './recommendation.tsx';

/** What the amendment page knows of the drafting committee's part (ADR 0037). */
export interface CommitteeOnPage {
  recommendation: RecommendationShown | null;
  isCompromise: boolean;
  /** For a compromise: the amendment it would replace. */
  compromiseOf: { id: string; title: string } | null;
  canRecommend: boolean;
  canAccept: boolean;
}

const KINDS = ['ADOPT', 'REJECT', 'ADOPT_MODIFIED'] as const;

/**
 * The drafting committee on an amendment's page: its recommendation (public), the form its members record one
 * with, and for the original's authors the choice to let the committee's compromise replace their amendment.
 */
export function CommitteePanel(props: { committee: CommitteeOnPage; slug: string; busy: boolean }) {
  const t = useT();
  const { committee } = props;
  if (!committee.recommendation && !committee.canRecommend && !committee.isCompromise) return null;
  return (
    <section className="committee" aria-labelledby="committee-title" data-testid="committee">
      <h2 id="committee-title">{t('committee.title')}</h2>
      {committee.isCompromise && !committee.recommendation ? (
        <p>
          {t('committee.compromiseDraft')}
          {committee.compromiseOf ? (
            <>
              {' '}
              {t('committee.compromiseReplaces')}{' '}
              <Link to={`/p/${props.slug}/amendments/${committee.compromiseOf.id}`} data-testid="compromise-of">
                {committee.compromiseOf.title}
              </Link>
              .
            </>
          ) : null}
        </p>
      ) : null}
      {committee.recommendation ? (
        <RecommendationNote recommendation={committee.recommendation} slug={props.slug} />
      ) : (
        !committee.isCompromise && <p className="muted">{t('committee.none')}</p>
      )}
      {committee.canAccept && committee.recommendation?.compromise ? (
        <Form method="post" className="notice" data-testid="accept-compromise">
          <p>{t('committee.acceptHint', { title: committee.recommendation.compromise.title })}</p>
          <input type="hidden" name="intent" value="acceptCompromise" />
          <button type="submit" className="button" disabled={props.busy}>
            {t('committee.accept')}
          </button>
        </Form>
      ) : null}
      {committee.canRecommend ? (
        <Form method="post" className="decision" data-testid="recommend-form">
          <fieldset>
            <legend>{t('committee.recommendLegend')}</legend>
            {KINDS.map((kind) => (
              <span className="field-checkbox" key={kind}>
                <input
                  type="radio"
                  id={`recommend-${kind}`}
                  name="kind"
                  value={kind}
                  required
                  defaultChecked={committee.recommendation?.kind === kind}
                />
                <label htmlFor={`recommend-${kind}`}>{t(`committee.kind.${kind}`)}</label>
              </span>
            ))}
          </fieldset>
          <p className="field-hint">{t('committee.modifiedHint')}</p>
          <div className="field">
            <label htmlFor="recommend-reason">{t('committee.reason')}</label>
            <textarea id="recommend-reason" name="reason" rows={3} required minLength={3} maxLength={500} />
          </div>
          <button type="submit" name="intent" value="recommend" className="button" disabled={props.busy}>
            {t('committee.record')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
