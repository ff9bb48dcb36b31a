import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { auditKind, programAuditPage } from '~/modules/audit/program-audit.server.ts';
import { AuditLine } from '~/components/audit/audit-line.tsx';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useFormatDate, useSignature, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const search = new URL(request.url).searchParams;
  const asked = Number(search.get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  return programAuditPage(actorOf(context), params.slug ?? '', { kind: auditKind(search.get('kind')), page });
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title');

/** The public audit log of a program: every moderator action, its reason and time, filterable by kind. */
export default function ProgramAuditPage() {
  const t = useT();
  const signed = useSignature();
  const formatDate = useFormatDate();
  const { slug, kind, kinds, events, page, more } = useLoaderData<typeof loader>();
  const at = (p: number) =>
    `?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <form method="get" className="inline-form">
        <label htmlFor="audit-kind">{t('audit.filter')}</label>
        <select id="audit-kind" name="kind" defaultValue={kind ?? ''}>
          <option value="">{t('audit.kind.all')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`audit.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t('audit.apply')}
        </button>
      </form>
      {events.length ? (
        <div className="table-scroll">
          <table data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{t('moderation.when')}</th>
                <th scope="col">{t('moderation.who')}</th>
                <th scope="col">{t('moderation.what')}</th>
                <th scope="col">{t('moderation.why')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, 'datetime')}</td>
                  <td>{e.by === null ? t('audit.system') : signed(e.by)}</td>
                  <td>
                    <AuditLine slug={slug} event={e} />
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('audit.empty')}</p>
      )}
      {page > 1 || more ? (
        <nav className="inline-actions" aria-label={t('moderation.pages')}>
          {page > 1 ? <Link to={at(page - 1)}>{t('moderation.newer')}</Link> : null}
          {more ? <Link to={at(page + 1)}>{t('moderation.older')}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
