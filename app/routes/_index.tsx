import { Link, useLoaderData } from '@remix-run/react';
import { programsPage } from '~/modules/programs/programs.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';
import { useLocale, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ context }) => {
  const actor = actorOf(context);
  return { ...(await programsPage(actor)), signedIn: actor !== null };
});

export default function HomePage() {
  const t = useT();
  const locale = useLocale();
  const { programs, signedIn, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        {signedIn ? null : (
          <p>
            <Link to="/signup" className="button">
              {t('home.join')}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">{t('home.programs')}</h2>
        {programs.length === 0 ? <p>{t('home.noPrograms')}</p> : null}
        {canCreate ? (
          <p>
            <Link to="/programs/new" className="button button-secondary">
              {t('programs.new.link')}
            </Link>
          </p>
        ) : null}
        <ul className="cards">
          {programs.map((p) => (
            <li key={p.id} className="card">
              <h3>
                <Link to={`/p/${p.slug}`}>
                  <ProgramText language={p.language}>{p.title}</ProgramText>
                </Link>
              </h3>
              <p className="badge">{t(`phase.${p.phase}`)}</p>
              <p lang={p.language !== locale ? p.language : undefined}>{p.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
