import { data, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx';
import { Time } from '~/components/time.tsx';
import { getVersion, versionNumber } from '~/modules/publication/versions.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const version = await getVersion(params.slug ?? '', versionNumber(params.version));
  // The public's pages are the same for everyone; a member's carry their name in the header: private.
  const cache = context.member ? 'private, no-store' : 'public, max-age=60';
  return data(version, { headers: { 'Cache-Control': cache } });
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} (v${data.number}) · Plenum` : 'Plenum' },
];

/**
 * A published version never changes: the public's copy may be kept a while by any cache, then revalidated by
 * its ETag (set by the page cache in server/http, which answers 304: ADR 0015).
 */
export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  'Cache-Control': loaderHeaders.get('Cache-Control') ?? 'private, no-store',
  Vary: 'Accept-Language, Cookie',
});

/** A published version: its title, the version switcher, its table of contents, and the way to every view of it. */
export default function VersionLayout() {
  const t = useT();
  const version = useLoaderData<typeof loader>();
  const slug = version.program.slug;
  const base = `/p/${slug}/v/${version.number}`;
  const latest = version.program.versions[0]?.number;
  return (
    <ProgramLanguage language={version.program.language}>
      <div className="program version">
        <header className="program-header">
          <p className="program-title">
            <Link to={base}>
              <ProgramText>{version.title}</ProgramText>
            </Link>
          </p>
          <p className="phase-line">
            <span className="badge" data-testid="version-badge">
              {t('version.badge', { n: version.number })}
            </span>{' '}
            <span className="muted">
              {t('version.publishedOn')} <Time value={version.publishedAt} />
            </span>
            {latest && latest !== version.number ? (
              <>
                {' '}
                <Link to={`/p/${slug}/v/${latest}`} className="badge badge-warning">
                  {t('version.newer', { n: latest })}
                </Link>
              </>
            ) : null}
          </p>
          <nav
            aria-label={t('version.switcher')}
            className="inline-actions version-switcher"
            data-testid="version-switcher"
          >
            <span>{t('version.switcher')}</span>
            {version.program.versions.map((v) => (
              <NavLink key={v.number} to={`/p/${slug}/v/${v.number}`} end={false}>
                {`v${v.number}`}
              </NavLink>
            ))}
          </nav>
          <p className="inline-actions no-print">
            <Link to={`${base}/all`}>{t('version.onePage')}</Link>
            {version.number > 1 ? (
              <Link to={`/p/${slug}/compare?from=${version.number - 1}&to=${version.number}`}>
                {t('version.compareWithPrevious')}
              </Link>
            ) : null}
            <Link to={`/p/${slug}/search?v=${version.number}`}>{t('version.search')}</Link>
            <a href={`${base}/export.md`} download>
              {t('version.exportMarkdown')}
            </a>
            <a href={`${base}/export.json`} download>
              {t('version.exportJson')}
            </a>
          </p>
        </header>
        <div className="program-body">
          <nav className="toc" aria-label={t('program.toc')}>
            <ol>
              {version.outline.chapters.map((c) => (
                <li key={c.id}>
                  <NavLink to={`${base}/chapters/${c.id}`}>
                    {c.number}. <ProgramText>{c.title}</ProgramText>
                  </NavLink>
                  <ol>
                    {c.sections.map((s) => (
                      <li key={s.id}>
                        <NavLink to={`${base}/sections/${s.id}`}>
                          {s.number} <ProgramText>{s.title}</ProgramText>
                        </NavLink>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </nav>
          <div className="program-content">
            <Outlet />
          </div>
        </div>
      </div>
    </ProgramLanguage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
