import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Time } from '~/components/time.tsx';
import { listRounds } from '~/modules/voting/round-view.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return listRounds(actorOf(context), params.slug ?? '');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rounds.title');

/** The program's voting rounds: scheduled, open (with turnout) and closed (with results). */
export default function RoundsPage() {
  const t = useT();
  const { program, rounds, canCreate } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('rounds.title')}</h1>
      <p>{t('rounds.intro')}</p>
      {canCreate ? (
        <p>
          <Link to="new" className="button">
            {t('rounds.new')}
          </Link>
        </p>
      ) : null}
      {rounds.length ? (
        <ul className="amendment-list" data-testid="round-list">
          {rounds.map((r) => (
            <li key={r.id}>
              <Link to={`/p/${program.slug}/rounds/${r.id}`}>
                {t('rounds.numbered', { n: r.number, title: r.title })}
              </Link>{' '}
              <span className="badge">{t(`rounds.status.${r.status}`)}</span>
              <br />
              <span className="muted">
                <Time value={r.opensAt} style="datetime" /> → <Time value={r.closesAt} style="datetime" />
                {' — '}
                {t('rounds.amendmentCount', { n: r.amendments })}
                {r.censusSize !== null
                  ? ` — ${t('rounds.turnoutShort', { voters: r.voters, census: r.censusSize })}`
                  : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('rounds.none')}</p>
      )}
    </section>
  );
}
