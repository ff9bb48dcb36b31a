import { Link, useLoaderData, type MetaFunction } from '@remix-run/react';
import { welcomePage } from '~/modules/members/welcome.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';
import { useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Plenum' }];

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context, actor }) => {
  requireMember(request, context);
  return welcomePage(actor);
});

/** A new member's first page: what each program's phase lets them do now, and where to click. */
export default function WelcomePage() {
  const t = useT();
  const { displayName, programs } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('welcome.title', { name: displayName })}</h1>
      <p className="lead">{t('welcome.intro')}</p>
      {programs.length === 0 ? <p>{t('home.noPrograms')}</p> : null}
      {programs.map((p) => (
        <section key={p.slug} aria-labelledby={`program-${p.slug}`}>
          <h2 id={`program-${p.slug}`}>
            <Link to={`/p/${p.slug}`}>
              <ProgramText language={p.language}>{p.title}</ProgramText>
            </Link>{' '}
            <span className="badge">{t(`phase.${p.phase}`)}</span>
          </h2>
          <p>{t(`welcome.phase.${p.phase}`)}</p>
          <ul>
            {p.phase === 'DRAFTING' ? (
              <li>
                <Link to={`/p/${p.slug}`}>{t('welcome.link.draft')}</Link>
              </li>
            ) : null}
            {p.phase === 'AMENDING' ? (
              <>
                <li>
                  <Link to={`/p/${p.slug}`}>{t('welcome.link.amend')}</Link>
                </li>
                <li>
                  <Link to={`/p/${p.slug}/amendments`}>{t('welcome.link.support')}</Link>
                </li>
              </>
            ) : null}
            {p.phase === 'VOTING' ? (
              <li>
                <Link to={`/p/${p.slug}/rounds`}>{t('welcome.link.vote')}</Link>
              </li>
            ) : null}
            {p.latestVersion !== null ? (
              <li>
                <Link to={`/p/${p.slug}/v/${p.latestVersion}`}>
                  {t('welcome.link.version', { number: p.latestVersion })}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ))}
      <h2>{t('welcome.always')}</h2>
      <ul>
        <li>
          <Link to="/groups">{t('welcome.link.groups')}</Link>
        </li>
        <li>
          <Link to="/account">{t('welcome.link.account')}</Link>
        </li>
        <li>
          <Link to="/privacy">{t('welcome.link.privacy')}</Link>
        </li>
      </ul>
    </section>
  );
}
