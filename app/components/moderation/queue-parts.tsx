import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import type { action, loader } from '~/routes/p.$slug.moderation.queue.tsx';
import { RichText } from '~/rich-text/render.tsx';
import { useContentLang } from '~/utils/content-lang.tsx';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { usePlainLinks } from '~/utils/plain-links.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { QueuePages, type QueueQuery } from './queue-pages.tsx';
import { commentHref } from '~/modules/debate/comment-href.ts';

type Queue = SerializeFrom<typeof loader>['queue'];
type Brief = Queue['qualified'][number];
type Paged = keyof Queue['pages'];

/** The links between the pages of one of the queue's lists, landing on its section. */
function ListPages(props: { slug: string; query: QueueQuery; queue: Queue; param: Paged; id: string; label: string }) {
  const { slug, query, queue, param, id, label } = props;
  return <QueuePages slug={slug} query={query} param={param} page={queue.pages[param]} label={label} hash={id} />;
}

/** One part of the queue: its title with how many it holds, its list, and the links to its other pages if any. */
export function Part(props: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
  shown?: number;
  pages?: ReactNode;
  whenEmpty?: ReactNode;
}) {
  const t = useT();
  const { count, shown = count } = props;
  return (
    <section aria-labelledby={props.id} data-testid={props.id}>
      <h2 id={props.id}>
        {props.title} <span className="badge">{count}</span>
      </h2>
      {count ? (
        props.children
      ) : (
        <>
          <p className="muted">{t('queue.none')}</p>
          {props.whenEmpty}
        </>
      )}
      {count > shown && shown > 0 ? <p className="muted">{t('queue.listed', { shown, total: count })}</p> : null}
      {props.pages}
    </section>
  );
}

/** What every dismissal form of the page shares: read once for the list, not once per pair. */
function useDismissState() {
  const t = useT();
  const busy = useNavigation().state !== 'idle';
  const answer = useActionData<typeof action>();
  const refusal = refusalOf(answer);
  const error = (key: string) =>
    answer && 'pair' in answer && answer.pair === key
      ? answer.error
      : refusal?.intent === 'dismissDuplicate'
        ? refusal.message
        : null;
  return { t, busy, error };
}

/** Moderators judge a listed pair not duplicates, with a public reason: the pair leaves the list for good. */
function DismissForm({ pair, state }: { pair: { a: Brief; b: Brief }; state: ReturnType<typeof useDismissState> }) {
  const { t, busy } = state;
  const key = `${pair.a.id}-${pair.b.id}`;
  const error = state.error(key);
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="id" value={pair.a.id} />
      <input type="hidden" name="otherId" value={pair.b.id} />
      <label htmlFor={`dismiss-${key}`}>{t('duplicates.dismissReason')}</label>
      <input id={`dismiss-${key}`} name="reason" required minLength={3} maxLength={500} />
      {error ? <ErrorList errors={[error]} /> : null}
      <button type="submit" name="intent" value="dismissDuplicate" className="button button-secondary" disabled={busy}>
        {t('duplicates.dismiss')}
      </button>
    </Form>
  );
}

/**
 * What needs the moderators now: amendments in conflict, reported comments, reports about a voter roll; the reports
 * a page at a time, most reported (the comments) or newest (the roll reports) first.
 */
export function QueueAlerts({ slug, query, queue }: { slug: string; query: QueueQuery; queue: Queue }) {
  const t = useT();
  const formatDate = useFormatDate();
  const lang = useContentLang();
  const follow = usePlainLinks();
  return (
    <>
      <Part id="queue-conflicts" title={t('queue.conflicts')} count={queue.conflicts.length}>
        <ul className="queue" onClick={follow}>
          {queue.conflicts.map((a) => (
            <li key={a.id}>
              <a href={`/p/${slug}/amendments/${a.id}#conflict`} lang={lang}>
                {a.title}
              </a>
            </li>
          ))}
        </ul>
      </Part>
      <Part
        id="queue-reports"
        title={t('queue.reports')}
        count={queue.pages.reports.total}
        shown={queue.reports.length}
        pages={
          <ListPages
            slug={slug}
            query={query}
            queue={queue}
            param="reports"
            id="queue-reports"
            label={t('queue.pages.reports')}
          />
        }
      >
        <ul className="queue" data-testid="reported-comments">
          {queue.reports.map((c) => (
            <li key={c.id}>
              <p>
                <Link to={commentHref(slug, c.amendment.id, c.id)}>
                  {t('queue.commentOn', { author: c.author ?? t('debate.formerMember'), title: c.amendment.title })}
                </Link>
              </p>
              <blockquote>
                <RichText doc={c.body} />
              </blockquote>
              <ul>
                {c.reports.map((r, i) => (
                  <li key={i}>
                    {formatDate(r.createdAt, 'datetime')} — {r.reason}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Part>
      <Part
        id="queue-roll-reports"
        title={t('queue.rollReports')}
        count={queue.pages.rolls.total}
        shown={queue.rollReports.length}
        pages={
          <ListPages
            slug={slug}
            query={query}
            queue={queue}
            param="rolls"
            id="queue-roll-reports"
            label={t('queue.pages.rolls')}
          />
        }
      >
        <ul className="queue" data-testid="roll-reports">
          {queue.rollReports.map((r) => (
            <li key={`${r.round.id}-${r.member ?? ''}-${String(r.createdAt)}`}>
              <p>
                {formatDate(r.createdAt, 'datetime')} —{' '}
                {t('queue.rollReport', {
                  member: r.member ?? t('debate.formerMember'),
                  n: r.round.number,
                  title: r.round.title,
                })}{' '}
                <Link to={`/p/${slug}/rounds/${r.round.id}/roll`}>{t('rounds.rollLink')}</Link>
              </p>
              <blockquote>{r.message}</blockquote>
            </li>
          ))}
        </ul>
      </Part>
    </>
  );
}

/**
 * What the moderators should know, each list paged: collision groups, duplicates, updates, supports collected.
 * Their amendments' links are plain ones, followed by one handler per list (ADR 0044).
 */
export function QueueLists({ slug, query, queue }: { slug: string; query: QueueQuery; queue: Queue }) {
  const t = useT();
  const formatDate = useFormatDate();
  const lang = useContentLang();
  const follow = usePlainLinks();
  const dismissing = useDismissState();
  const link = (a: Brief) => (
    <a href={`/p/${slug}/amendments/${a.id}`} lang={lang}>
      {a.title}
    </a>
  );
  const pages = (param: 'collecting' | 'updates' | 'groups' | 'duplicates', id: string, label: string) => (
    <ListPages slug={slug} query={query} queue={queue} param={param} id={id} label={label} />
  );
  const supports = (a: Brief) =>
    a.supportsNeeded !== null ? t('supports.progress', { count: a.supports, needed: a.supportsNeeded }) : '';
  return (
    <>
      <Part
        id="queue-groups"
        title={t('queue.groups')}
        count={queue.pages.groups.total}
        shown={queue.groups.length}
        pages={pages('groups', 'queue-groups', t('queue.pages.groups'))}
      >
        <ul className="queue" onClick={follow}>
          {queue.groups.map((g) => (
            <li key={g[0]!.id}>
              {t('collisions.group', { title: g[0]!.title })}
              <ul>
                {g.map((a) => (
                  <li key={a.id}>
                    {link(a)} <span className="badge">{t(`amendments.status.${a.status}`)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Part>
      <Part
        id="queue-duplicates"
        title={t('queue.duplicates')}
        count={queue.pages.duplicates.total}
        shown={queue.duplicates.length}
        pages={pages('duplicates', 'queue-duplicates', t('queue.pages.duplicates'))}
      >
        <ul className="queue" onClick={follow}>
          {queue.duplicates.map((d) => (
            <li key={`${d.a.id}-${d.b.id}`} data-testid="duplicate-pair">
              {link(d.a)} / {link(d.b)} — {t('queue.similarity', { percent: Math.round(d.similarity * 100) })}
              <DismissForm pair={d} state={dismissing} />
            </li>
          ))}
        </ul>
      </Part>
      <Part
        id="queue-updates"
        title={t('queue.needUpdate')}
        count={queue.pages.updates.total}
        shown={queue.needUpdate.length}
        pages={pages('updates', 'queue-updates', t('queue.pages.updates'))}
      >
        <ul className="queue" onClick={follow}>
          {queue.needUpdate.map((a) => (
            <li key={a.id}>{link(a)}</li>
          ))}
        </ul>
      </Part>
      <Part
        id="queue-collecting"
        title={t('queue.collecting')}
        count={queue.pages.collecting.total}
        shown={queue.collecting.length}
        pages={pages('collecting', 'queue-collecting', t('queue.pages.collecting'))}
      >
        <ul className="queue" onClick={follow}>
          {queue.collecting.map((a) => (
            <li key={a.id}>
              {link(a)}
              {` — ${supports(a)}`}
              {a.supportDeadline
                ? ` — ${t('supports.deadline', { date: formatDate(a.supportDeadline, 'datetime') })}`
                : null}
            </li>
          ))}
        </ul>
      </Part>
    </>
  );
}
