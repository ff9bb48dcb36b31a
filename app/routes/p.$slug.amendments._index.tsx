import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { listAmendments } from '~/modules/amendments/amendments.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT, useSignature } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { filtersOf } from '~/utils/amendment-filters.ts';
import { AmendmentFilterFields } from '~/components/amendment/list-filters.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const filters = filtersOf(new URL(request.url).searchParams);
  const amendments = await listAmendments(actorOf(context), params.slug ?? '', filters);
  return { amendments, filters, signedIn: context.member !== null };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'amendments.list.title');

/** Every amendment of the program one may see, filterable by chapter, status and one's own. */
export default function AmendmentsPage() {
  const t = useT();
  const signed = useSignature();
  const outline = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  const { amendments, filters, signedIn } = useLoaderData<typeof loader>();
  if (!outline) return null;
  const sections = new Map(outline.chapters.flatMap((c) => c.sections.map((s) => [s.id, s] as const)));
  // Competing amendments are listed group by group; otherwise, one list.
  const groups: [string | null, typeof amendments][] = [];
  for (const a of amendments) {
    const key = filters.colliding ? a.collisionGroup : null;
    const last = groups[groups.length - 1];
    if (last && last[0] === key) last[1].push(a);
    else groups.push([key, [a]]);
  }
  if (!groups.length) groups.push([null, []]);
  return (
    <section>
      <h1>{filters.mine ? t('amendments.list.mine') : t('amendments.list.title')}</h1>
      <p>
        <Link to={`/p/${outline.program.slug}/amendments/search`}>{t('amendmentSearch.link')}</Link>
      </p>
      <Form method="get" className="inline-form filters" aria-label={t('amendments.list.filters')}>
        <AmendmentFilterFields chapters={outline.chapters} filters={filters} signedIn={signedIn} />
        <button type="submit" className="button button-secondary">
          {t('amendments.list.apply')}
        </button>
      </Form>
      <p role="status">{t('amendments.list.count', { n: amendments.length })}</p>
      {groups.map(([group, items]) => (
        <div key={group ?? 'all'}>
          {group ? <h2>{t('collisions.group', { title: items[0]!.title })}</h2> : null}
          <ul className="amendment-list" data-testid="amendment-list">
            {items.map((a) => {
              const section = sections.get(a.sectionId);
              return (
                <li key={a.id}>
                  <Link to={`/p/${outline.program.slug}/amendments/${a.id}`}>
                    <ProgramText>{a.title}</ProgramText>
                  </Link>{' '}
                  <span className="badge">{t(`amendments.status.${a.status}`)}</span>
                  {a.collisionGroup && !filters.colliding ? (
                    <span className="badge badge-warning">{t('collisions.badge')}</span>
                  ) : null}
                  {a.needsUpdate ? <span className="badge badge-warning">{t('rebase.badge')}</span> : null}
                  <br />
                  <span className="muted">
                    {section ? `${section.number} ${section.title} — ` : null}
                    {t(`amendments.kind.${a.kind}`)} — {a.authors.map(signed).join(', ')}
                    {a.supportsNeeded !== null
                      ? ` — ${t('supports.progress', { count: a.supports, needed: a.supportsNeeded })}`
                      : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
