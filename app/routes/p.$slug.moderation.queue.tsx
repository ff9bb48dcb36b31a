import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { RichText } from '~/rich-text/render.tsx';
import { dismissDuplicate } from '~/modules/amendments/duplicates.server.ts';
import { DismissDuplicateSchema } from '~/modules/amendments/amendments.schema.ts';
import { decideInBulk } from '~/modules/amendments/bulk-moderation.server.ts';
import { moderationQueue } from '~/modules/amendments/moderation.server.ts';
import { BulkDecisionSchema, queueQueryOf } from '~/modules/amendments/moderation.schema.ts';
import { BulkDecisions, useSlashFocus } from '~/components/moderation/bulk-decisions.tsx';
import { ChapterFilter } from '~/components/moderation/chapter-filter.tsx';
import { QueuePages, queueHref } from '~/components/moderation/queue-pages.tsx';
import { ErrorList } from '~/components/forms.tsx';
import { refusalOf } from '~/utils/refusal.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useFormatDate, useT } from '~/utils/i18n.tsx';
import { readerLinks } from '~/utils/links.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  // Each list's page starts after the last row of the previous one; a chapter narrows them all (ADR 0044).
  const query = queueQueryOf(new URL(request.url).searchParams);
  return { slug, query, queue: readerLinks(await moderationQueue(actorOf(context), slug, query)) };
});

export const action = /* @__PURE__ */ routeAction(
  { intents: ['dismissDuplicate', 'decideBulk'] },
  async ({ request, params, context, actor, form, intent }) => {
    requireMember(request, context);
    const slug = params.slug ?? '';
    if (intent === 'decideBulk') {
      const parsed = BulkDecisionSchema.safeParse({
        picked: form.getAll('picked'),
        decision: form.get('decision') ?? undefined,
        reason: form.get('reason') ?? undefined,
        templateId: form.get('templateId') ?? undefined,
      });
      if (!parsed.success) {
        return data({ bulk: parsed.error.issues.map((i) => i.message) }, { status: 400 });
      }
      await decideInBulk({ actor, slug, ...parsed.data });
      // Back to the same page: the amendments after those decided come up.
      return redirectWithFlash(queueHref(slug, queueQueryOf(new URL(request.url).searchParams)), 'flash.bulkDecided');
    }
    const parsed = DismissDuplicateSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const pair = `${String(form.get('id') ?? '')}-${String(form.get('otherId') ?? '')}`;
      return data({ pair, error: parsed.error.issues[0]?.message ?? 'errors.required' }, { status: 400 });
    }
    await dismissDuplicate({ actor, ...parsed.data });
    return redirectWithFlash(
      queueHref(slug, queueQueryOf(new URL(request.url).searchParams)),
      'flash.duplicateDismissed',
    );
  },
);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'queue.title');

type Brief = ReturnType<typeof useLoaderData<typeof loader>>['queue']['qualified'][number];

/** One part of the queue: its title with how many it holds, its list, and the links to its other pages if any. */
function Part(props: {
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

/** Moderators judge a listed pair not duplicates, with a public reason: the pair leaves the list for good. */
function DismissForm({ pair }: { pair: { a: Brief; b: Brief } }) {
  const t = useT();
  const busy = useNavigation().state !== 'idle';
  const answer = useActionData<typeof action>();
  const key = `${pair.a.id}-${pair.b.id}`;
  const refusal = refusalOf(answer);
  const error =
    answer && 'pair' in answer && answer.pair === key
      ? answer.error
      : refusal?.intent === 'dismissDuplicate'
        ? refusal.message
        : null;
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
 * The moderators' queue: what waits for them (qualified amendments, reported comments), and what they should
 * know (collision groups, possible duplicates, amendments waiting for their authors, supports being collected).
 */
export default function ModerationQueuePage() {
  const t = useT();
  const formatDate = useFormatDate();
  const { slug, query, queue } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refusal = refusalOf(answer);
  useSlashFocus('queue-search');
  const bulkErrors =
    answer && 'bulk' in answer && answer.bulk ? answer.bulk : refusal?.intent === 'decideBulk' ? [refusal.message] : [];
  const link = (a: Brief) => (
    <Link to={`/p/${slug}/amendments/${a.id}`}>
      <ProgramText>{a.title}</ProgramText>
    </Link>
  );
  /** The links between the pages of one list, landing on it. */
  const pages = (param: 'collecting' | 'updates' | 'groups' | 'duplicates', id: string, label: string) => (
    <QueuePages slug={slug} query={query} param={param} page={queue.pages[param]} label={label} hash={id} />
  );
  const supports = (a: Brief) =>
    a.supportsNeeded !== null ? t('supports.progress', { count: a.supports, needed: a.supportsNeeded }) : '';
  return (
    <section>
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      <Form method="get" action={`/p/${slug}/amendments/search`} role="search" className="inline-form">
        <label htmlFor="queue-search">{t('amendmentSearch.label')}</label>
        <input id="queue-search" name="q" type="search" aria-keyshortcuts="/" />
        <button type="submit" className="button button-secondary">
          {t('amendmentSearch.submit')}
        </button>
      </Form>
      <ChapterFilter slug={slug} chapter={queue.chapter} chapters={queue.chapters} />
      <Part id="queue-conflicts" title={t('queue.conflicts')} count={queue.conflicts.length}>
        <ul className="queue">
          {queue.conflicts.map((a) => (
            <li key={a.id}>
              <Link to={`/p/${slug}/amendments/${a.id}#conflict`}>
                <ProgramText>{a.title}</ProgramText>
              </Link>
            </li>
          ))}
        </ul>
      </Part>
      <Part id="queue-reports" title={t('queue.reports')} count={queue.reports.length}>
        <ul className="queue">
          {queue.reports.map((c) => (
            <li key={c.id}>
              <p>
                <Link to={`/p/${slug}/amendments/${c.amendment.id}#comment-${c.id}`}>
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
      <Part id="queue-roll-reports" title={t('queue.rollReports')} count={queue.rollReports.length}>
        <ul className="queue">
          {queue.rollReports.map((r, i) => (
            <li key={i}>
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
      <Part
        id="queue-qualified"
        title={t('queue.qualified')}
        count={queue.qualifiedTotal}
        // A refused bulk decision says why even when nothing is left to decide (decided meanwhile, or forged).
        whenEmpty={<ErrorList id="bulk-errors" errors={bulkErrors} />}
      >
        <BulkDecisions
          slug={slug}
          action={queueHref(slug, query)}
          rows={queue.qualified}
          total={queue.qualifiedTotal}
          from={queue.page.from}
          templates={queue.templates}
          errors={bulkErrors}
        />
        <QueuePages slug={slug} query={query} param="after" page={queue.page} label={t('queue.pages')} hash="" />
      </Part>
      <Part
        id="queue-groups"
        title={t('queue.groups')}
        count={queue.pages.groups.total}
        shown={queue.groups.length}
        pages={pages('groups', 'queue-groups', t('queue.pages.groups'))}
      >
        <ul className="queue">
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
        <ul className="queue">
          {queue.duplicates.map((d) => (
            <li key={`${d.a.id}-${d.b.id}`} data-testid="duplicate-pair">
              {link(d.a)} / {link(d.b)} — {t('queue.similarity', { percent: Math.round(d.similarity * 100) })}
              <DismissForm pair={d} />
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
        <ul className="queue">
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
        <ul className="queue">
          {queue.collecting.map((a) => (
            <li key={a.id}>
              {link(a)} — {supports(a)}
              {a.supportDeadline
                ? ` — ${t('supports.deadline', { date: formatDate(a.supportDeadline, 'datetime') })}`
                : null}
            </li>
          ))}
        </ul>
      </Part>
      <p>
        <Link to={`/p/${slug}/moderation`}>{t('moderation.logTitle')}</Link>
      </p>
    </section>
  );
}
