import { Link } from '@remix-run/react';
import type { TimelineEntry } from '~/modules/amendments/amendment-timeline.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

/**
 * An amendment's status timeline: each step of its life, when, by whom, and why when moderators decided; then its
 * vote (with the round), the decision (with the counts) and its application (with the version that published it).
 */
export function Timeline(props: { slug: string; steps: (Omit<TimelineEntry, 'at'> & { at: Date })[] }) {
  const t = useT();
  const formatDate = useFormatDate();
  if (!props.steps.length) return null;
  return (
    <section aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline">
        {props.steps.map((s) => (
          <li key={s.id}>
            <time dateTime={s.at.toISOString()}>{formatDate(s.at, 'datetime')}</time> — {t(`timeline.${s.step}`)}
            {s.round ? (
              <>
                {' — '}
                <Link to={`/p/${props.slug}/rounds/${s.round.id}`}>
                  {t('rounds.numbered', { n: s.round.number, title: s.round.title })}
                </Link>
              </>
            ) : null}
            {s.counts ? ` — ${t('version.resultYesNo', s.counts)}` : null}
            {s.ranked
              ? ` — ${t('timeline.ranked', {
                  rank: s.ranked.rank,
                  of: s.ranked.of,
                  method: t(`rounds.method.${s.ranked.method as 'SCHULZE'}`),
                })}`
              : null}
            {s.version !== undefined ? (
              s.version === null ? (
                ` — ${t('timeline.notYetPublished')}`
              ) : (
                <>
                  {' — '}
                  <Link to={`/p/${props.slug}/v/${s.version}`}>{t('timeline.inVersion', { n: s.version })}</Link>
                </>
              )
            ) : null}
            {s.by ? ` ${t('timeline.by', { name: s.by })}` : null}
            {s.reason ? `: ${s.reason}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
