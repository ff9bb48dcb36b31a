import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { moderationLog } from '~/modules/amendments/moderation.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { asHttpError } from '~/utils/errors.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  return { slug, log: await moderationLog(actorOf(context), slug).catch(asHttpError(request)) };
}

export const meta: MetaFunction = () => [{ title: 'Moderation log · Plenum' }];

/** The public moderation log: every decision on amendments and reported comments, who made it, when and why. */
export default function ModerationLogPage() {
  const t = useT();
  const formatDate = useFormatDate();
  const { slug, log } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('moderation.logTitle')}</h1>
      <p className="lead">{t('moderation.logIntro')}</p>
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
                  <td>{e.by ?? '—'}</td>
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
    </section>
  );
}
