import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { participationFigures } from '~/modules/publication/participation.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useFormatNumber, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return participationFigures(actorOf(context), params.slug ?? '');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'participation.title');

const percent = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);

/** Participation figures, each with its definition: counts only, never names. */
export default function ParticipationPage() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { program, counts, rounds, activeDays, groups } = useLoaderData<typeof loader>();
  const rows: [string, number, string][] = [
    [t('participation.members'), counts.members, t('participation.membersDef')],
    [t('participation.active'), counts.active, t('participation.activeDef', { days: activeDays })],
    [
      t('participation.contributors'),
      counts.contributors,
      t('participation.contributorsDef', { authors: counts.authors, commenters: counts.commenters }),
    ],
    [t('participation.supporters'), counts.supporters, t('participation.supportersDef')],
  ];
  return (
    <ProgramLanguage language={program.language}>
      <section className="narrow">
        <p className="muted">
          <Link to={`/p/${program.slug}`}>
            <ProgramText>{program.title}</ProgramText>
          </Link>
        </p>
        <h1>{t('participation.title')}</h1>
        <p>{t('participation.intro')}</p>
        <div className="table-scroll">
          <table className="pairwise" data-testid="participation">
            <caption>{t('participation.caption')}</caption>
            <tbody>
              {rows.map(([label, value, definition]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                  <td className="muted">{definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t('participation.groups')}</h2>
        <p data-testid="participation-groups">{groups.validated}</p>
        <div className="table-scroll">
          <table className="pairwise" data-testid="participation-group-sizes">
            <caption>{t('participation.groupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.groupSize')}</th>
                <th scope="col">{t('participation.groupCount')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.distribution.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.groups}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t('participation.votes')}</h2>
        {rounds.length ? (
          <div className="table-scroll">
            <table className="pairwise" data-testid="participation-rounds">
              <caption>{t('participation.votesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rounds.title')}</th>
                  <th scope="col">{t('rounds.census')}</th>
                  <th scope="col">{t('participation.voters')}</th>
                  <th scope="col">{t('rounds.turnoutTitle')}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/p/${program.slug}/rounds/${r.id}`}>
                        {t('rounds.numbered', { n: r.number, title: r.title })}
                      </Link>
                    </th>
                    <td>{r.census}</td>
                    <td>{r.voters}</td>
                    <td>{formatNumber(percent(r.voters, r.census))} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('rounds.none')}</p>
        )}
      </section>
    </ProgramLanguage>
  );
}
