import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { auditKind, programAuditPage } from '~/modules/audit/program-audit.server.ts';
import { AuditLine } from '~/components/audit/audit-line.tsx';
import { LogTable } from '~/components/audit/log-table.tsx';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
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
      <LogTable
        testId="audit-log"
        rows={events}
        what={(e) => <AuditLine slug={slug} event={e} />}
        empty="audit.empty"
        system={t('audit.system')}
        page={page}
        more={more}
        pageHref={at}
      />
    </section>
  );
}
