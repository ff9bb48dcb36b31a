import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { moderationLog } from '~/modules/amendments/moderation.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useFormatDate, useT, useSignature } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

const PER_PAGE = 100;

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const slug = params.slug ?? '';
  // Every decision stays listed: older ones a page further (?page=2, 3...).
  const asked = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const rows = await moderationLog(actorOf(context), slug, undefined, {
    skip: (page - 1) * PER_PAGE,
    take: PER_PAGE + 1,
  });
  return { slug, log: rows.slice(0, PER_PAGE), page, more: rows.length > PER_PAGE };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'moderation.logTitle');

/** The public moderation log: every decision on amendments and reported comments, who made it, when and why. */
export default function ModerationLogPage() {
  const t = useT();
  const signed = useSignature();
  const formatDate = useFormatDate();
  const { slug, log, page, more } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('moderation.logTitle')}</h1>
      <p className="lead">{t('moderation.logIntro')}</p>
      <p>
        <Link to={`/p/${slug}/audit`}>{t('audit.link')}</Link>
      </p>
      {log.length ? (
        <div className="table-scroll">
          <table data-testid="moderation-log">
            <thead>
              <tr>
                <th scope="col">{t('moderation.when')}</th>
                <th scope="col">{t('moderation.who')}</th>
                <th scope="col">{t('moderation.what')}</th>
                <th scope="col">{t('moderation.why')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, 'datetime')}</td>
                  <td>{e.by === null ? '—' : signed(e.by)}</td>
                  <td>
                    {t(`moderation.decision.${e.decision}`)}:{' '}
                    <Link to={`/p/${slug}/amendments/${e.amendmentId}${e.commentId ? `#comment-${e.commentId}` : ''}`}>
                      {e.amendmentTitle}
                    </Link>
                    {e.into ? (
                      <>
                        {' '}
                        <Link to={`/p/${slug}/amendments/${e.into.id}`}>
                          {t('moderation.mergedInto', { title: e.into.title })}
                        </Link>
                      </>
                    ) : null}
                    {e.other ? (
                      <>
                        {' '}
                        <Link to={`/p/${slug}/amendments/${e.other.id}`}>
                          {t('moderation.notDuplicateOf', { title: e.other.title })}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('moderation.empty')}</p>
      )}
      {page > 1 || more ? (
        <nav className="inline-actions" aria-label={t('moderation.pages')}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t('moderation.newer')}</Link> : null}
          {more ? <Link to={`?page=${page + 1}`}>{t('moderation.older')}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
