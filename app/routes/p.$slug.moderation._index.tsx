import type { MetaFunction } from '@remix-run/node';
import { ProgramText } from '~/utils/content-lang.tsx';
import { Link, useLoaderData } from '@remix-run/react';
import { moderationLog } from '~/modules/amendments/moderation.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { LogTable } from '~/components/audit/log-table.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { commentHref } from '~/modules/debate/comment-href.ts';

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
  const { slug, log, page, more } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t('moderation.logTitle')}</h1>
      <p className="lead">{t('moderation.logIntro')}</p>
      <p>
        <Link to={`/p/${slug}/audit`}>{t('audit.link')}</Link>
      </p>
      <LogTable
        testId="moderation-log"
        rows={log}
        what={(e) => (
          <>
            {t(`moderation.decision.${e.decision}`)}
            {t('punctuation.colon')}{' '}
            <Link
              to={
                e.commentId ? commentHref(slug, e.amendmentId, e.commentId) : `/p/${slug}/amendments/${e.amendmentId}`
              }
            >
              <ProgramText>{e.amendmentTitle}</ProgramText>
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
          </>
        )}
        empty="moderation.empty"
        system="—"
        page={page}
        more={more}
        pageHref={(p) => `?page=${p}`}
      />
    </section>
  );
}
