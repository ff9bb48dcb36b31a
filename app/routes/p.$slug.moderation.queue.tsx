import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { dismissDuplicate } from '~/modules/amendments/duplicates.server.ts';
import { DismissDuplicateSchema } from '~/modules/amendments/amendments.schema.ts';
import { decideInBulk } from '~/modules/amendments/bulk-moderation.server.ts';
import { moderationQueue } from '~/modules/amendments/moderation.server.ts';
import { BulkDecisionSchema, queueQueryOf } from '~/modules/amendments/moderation.schema.ts';
import { BulkDecisions, useSlashFocus } from '~/components/moderation/bulk-decisions.tsx';
import { ChapterFilter } from '~/components/moderation/chapter-filter.tsx';
import { QueuePages, queueHref } from '~/components/moderation/queue-pages.tsx';
import { Part, QueueAlerts, QueueLists } from '~/components/moderation/queue-parts.tsx';
import { ErrorList } from '~/components/forms.tsx';
import { refusalOf } from '~/utils/refusal.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { readerLinks } from '~/utils/links.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

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

/**
 * The moderators' queue: what waits for them (qualified amendments, reported comments), and what they should
 * know (collision groups, possible duplicates, amendments waiting for their authors, supports being collected).
 */
export default function ModerationQueuePage() {
  const t = useT();
  const { slug, query, queue } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refusal = refusalOf(answer);
  useSlashFocus('queue-search');
  const bulkErrors =
    answer && 'bulk' in answer && answer.bulk ? answer.bulk : refusal?.intent === 'decideBulk' ? [refusal.message] : [];
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
      <QueueAlerts slug={slug} query={query} queue={queue} />
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
      <QueueLists slug={slug} query={query} queue={queue} />
      <p>
        <Link to={`/p/${slug}/moderation`}>{t('moderation.logTitle')}</Link>
      </p>
    </section>
  );
}
