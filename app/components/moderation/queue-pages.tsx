import { Link } from '@remix-run/react';
import { QUEUE_PARAMS, type QueueParam } from '~/modules/amendments/moderation.schema.ts';
import { useT } from '~/utils/i18n.tsx';

/** The queue's parameters as its page knows them (null: absent). */
export type QueueQuery = Partial<Record<QueueParam, string | null>>;

/**
 * The queue's address with these parameters, and `hash` (a list's id, so that its next page opens where the
 * moderator was reading). The other lists keep their pages; the parameters come in a fixed order.
 */
export function queueHref(slug: string, query: QueueQuery, hash = '') {
  const search = new URLSearchParams();
  for (const p of QUEUE_PARAMS) {
    const value = query[p];
    if (value) search.set(p, value);
  }
  const text = search.toString();
  return `/p/${slug}/moderation/queue${text ? `?${text}` : ''}${hash ? `#${hash}` : ''}`;
}

/**
 * Links between the pages of one of the queue's lists (ADR 0044): its first page, and the next one. `label` names
 * the list for screen readers; nothing when the list fits on one page.
 */
export function QueuePages(props: {
  slug: string;
  query: QueueQuery;
  param: QueueParam;
  /** Where the list shown starts, and where the next page does. */
  page: { after: string | null; next: string | null };
  label: string;
  /** The list's section, where the links land. */
  hash: string;
}) {
  const t = useT();
  const { page } = props;
  if (!page.after && !page.next) return null;
  const at = (cursor: string | null) => queueHref(props.slug, { ...props.query, [props.param]: cursor }, props.hash);
  return (
    <nav aria-label={props.label} className="inline-form">
      {page.after ? <Link to={at(null)}>{t('queue.firstPage')}</Link> : null}
      {page.next ? (
        <Link to={at(page.next)} rel="next">
          {t('queue.nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
