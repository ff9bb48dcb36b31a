import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

/**
 * Where a member-written link to another site leads: the address, in full, and the reader's choice to go there
 * (no referrer sent). Nothing is redirected automatically: this is no open redirect.
 */
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const to = new URL(request.url).searchParams.get('to') ?? '';
  const url = to.length <= 2000 && URL.canParse(to) ? new URL(to) : null;
  return { target: url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'leave.title');

export default function LeavePage() {
  const t = useT();
  const { target } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('leave.title')}</h1>
      {target ? (
        <>
          <p>{t('leave.explain')}</p>
          <p className="tracking-code" data-testid="leave-target">
            {target}
          </p>
          <p className="inline-actions">
            <a
              href={target}
              rel="noopener noreferrer nofollow external"
              referrerPolicy="no-referrer"
              className="button"
            >
              {t('leave.go')}
            </a>
            <Link to="/">{t('leave.stay')}</Link>
          </p>
        </>
      ) : (
        <p className="notice notice-warning">{t('leave.bad')}</p>
      )}
    </section>
  );
}
