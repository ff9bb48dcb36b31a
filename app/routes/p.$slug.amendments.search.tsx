import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { searchAmendments } from '~/modules/amendments/search.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { useContentLang } from '~/utils/content-lang.tsx';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { filtersOf } from '~/utils/amendment-filters.ts';
import { AmendmentFilterFields } from '~/components/amendment/list-filters.tsx';
import { commentHref } from '~/modules/debate/comment-href.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const url = new URL(request.url);
  const filters = filtersOf(url.searchParams);
  const q = (url.searchParams.get('q') ?? '').slice(0, 200);
  const hits = q.trim() ? await searchAmendments(actorOf(context), params.slug ?? '', q, filters) : [];
  return { q, hits, filters, signedIn: context.member !== null };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'amendmentSearch.title');

/** Search over the program's amendments and their comments, with the amendment list's filters. */
export default function AmendmentSearchPage() {
  const t = useT();
  const contentLang = useContentLang();
  const outline = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  const { q, hits, filters, signedIn } = useLoaderData<typeof loader>();
  if (!outline) return null;
  const slug = outline.program.slug;
  return (
    <section>
      <h1>{t('amendmentSearch.title')}</h1>
      <Form method="get" role="search" className="inline-form filters">
        <label htmlFor="search-q">{t('amendmentSearch.label')}</label>
        <input id="search-q" name="q" type="search" defaultValue={q} aria-describedby="search-hint" />
        <AmendmentFilterFields chapters={outline.chapters} filters={filters} signedIn={signedIn} />
        <button type="submit" className="button">
          {t('amendmentSearch.submit')}
        </button>
      </Form>
      <p id="search-hint" className="muted">
        {t('amendmentSearch.hint')}
      </p>
      {q.trim() ? (
        <>
          <p role="status">{t('amendmentSearch.count', { n: hits.length, q })}</p>
          <ol className="amendment-list" data-testid="search-results">
            {hits.map((h) => (
              <li key={h.commentId ?? h.amendmentId}>
                <Link
                  to={
                    h.commentId
                      ? commentHref(slug, h.amendmentId, h.commentId)
                      : `/p/${slug}/amendments/${h.amendmentId}`
                  }
                >
                  {h.commentId ? t('amendmentSearch.onComment', { title: h.title }) : h.title}
                </Link>{' '}
                <span className="badge">{t(`amendments.status.${h.status}`)}</span>
                <br />
                <span className="muted" lang={contentLang}>
                  {h.snippet.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
