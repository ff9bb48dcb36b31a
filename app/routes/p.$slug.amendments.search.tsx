import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { searchAmendments } from '~/modules/amendments/search.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { useContentLang } from '~/utils/content-lang.tsx';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { AMENDMENT_STATUSES, filtersOf } from '~/utils/amendment-filters.ts';

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
        <label htmlFor="filter-chapter">{t('amendments.list.chapter')}</label>
        <select id="filter-chapter" name="chapter" defaultValue={filters.chapterId ?? ''}>
          <option value="">{t('amendments.list.all')}</option>
          {outline.chapters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.number}. {c.title}
            </option>
          ))}
        </select>
        <label htmlFor="filter-status">{t('amendments.list.status')}</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('amendments.list.all')}</option>
          {AMENDMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`amendments.status.${s}`)}
            </option>
          ))}
        </select>
        <span className="field-checkbox">
          <input type="checkbox" id="filter-colliding" name="colliding" value="1" defaultChecked={filters.colliding} />
          <label htmlFor="filter-colliding">{t('amendments.list.onlyColliding')}</label>
        </span>
        {signedIn ? (
          <span className="field-checkbox">
            <input type="checkbox" id="filter-mine" name="mine" value="1" defaultChecked={filters.mine} />
            <label htmlFor="filter-mine">{t('amendments.list.onlyMine')}</label>
          </span>
        ) : null}
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
                <Link to={`/p/${slug}/amendments/${h.amendmentId}${h.commentId ? `#comment-${h.commentId}` : ''}`}>
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
