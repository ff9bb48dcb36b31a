import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { listAmendments } from '~/modules/amendments/amendments.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT, useSignature } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

const STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'QUALIFIED',
  'EXPIRED',
  'ADMISSIBLE',
  'INADMISSIBLE',
  'MERGED',
  'IN_VOTE',
  'ADOPTED',
  'REJECTED',
  'APPLIED',
  'WITHDRAWN',
] as const;
type Status = (typeof STATUSES)[number];

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const filters = {
    chapterId: url.searchParams.get('chapter') || undefined,
    status: STATUSES.includes(status as Status) ? (status as Status) : undefined,
    mine: url.searchParams.get('mine') === '1',
    colliding: url.searchParams.get('colliding') === '1',
  };
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
        <label htmlFor="filter-chapter">{t('amendments.list.chapter')}</label>
        <select id="filter-chapter" name="chapter" defaultValue={filters.chapterId ?? ''}>
          <option value="">{t('amendments.list.all')}</option>
          {outline.chapters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.number}. <ProgramText>{c.title}</ProgramText>
            </option>
          ))}
        </select>
        <label htmlFor="filter-status">{t('amendments.list.status')}</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('amendments.list.all')}</option>
          {STATUSES.map((s) => (
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
