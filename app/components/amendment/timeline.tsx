import type { TimelineStep } from '~/modules/amendments/amendments.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

/** An amendment's status timeline: each step of its life, when, by whom, and why when moderators decided. */
export function Timeline(props: {
  steps: { id: string; step: TimelineStep; at: Date; by: string | null; reason: string | null }[];
}) {
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
            {s.by ? ` ${t('timeline.by', { name: s.by })}` : null}
            {s.reason ? `: ${s.reason}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
