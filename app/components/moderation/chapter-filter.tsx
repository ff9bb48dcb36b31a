import { Form } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/**
 * Narrows the moderators' queue to one chapter (issue 21, item 1): a select kept in the address (`?chapter=`), the
 * chapters the moderator took listed first and said so. Choosing another chapter starts every list on its first
 * page. Works without JavaScript (a GET form).
 */
export function ChapterFilter(props: {
  slug: string;
  chapter: string | null;
  chapters: { id: string; number: string; title: string; taken: boolean }[];
}) {
  const t = useT();
  return (
    <Form
      method="get"
      action={`/p/${props.slug}/moderation/queue`}
      className="inline-form"
      aria-label={t('queue.filterLegend')}
      data-testid="queue-filter"
    >
      <label htmlFor="queue-chapter">{t('queue.chapter')}</label>
      <select id="queue-chapter" name="chapter" defaultValue={props.chapter ?? ''} key={props.chapter ?? ''}>
        <option value="">{t('queue.allChapters')}</option>
        {props.chapters.map((c) => (
          <option key={c.id} value={c.id}>
            {t(c.taken ? 'queue.chapterTakenOption' : 'queue.chapterOption', { number: c.number, title: c.title })}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary">
        {t('queue.filter')}
      </button>
    </Form>
  );
}
