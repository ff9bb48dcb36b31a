import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { getPhaseHistory } from '~/modules/programs/programs.server.ts';
import { listVersions } from '~/modules/publication/versions.server.ts';
import { Time } from '~/components/time.tsx';
import { FollowButton } from '~/components/follow-button.tsx';
import { programFollowState } from '~/modules/follows/follows.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { contentsHref } from '~/utils/contents.ts';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return {
    history: await getPhaseHistory(actorOf(context), params.slug ?? ''),
    versions: (await listVersions(actorOf(context), params.slug ?? '')).versions,
    signedIn: context.member !== null,
    follow: await programFollowState(actorOf(context), params.slug ?? ''),
  };
});

/** A program's home: its summary and the whole table of contents. */
export default function ProgramHome() {
  const t = useT();
  const formatDate = useFormatDate();
  const { history, signedIn, versions, follow } = useLoaderData<typeof loader>();
  const data = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  if (!data) return null;
  const { program, chapters, abilities, contents } = data;
  const href = contentsHref(program.slug, contents);
  return (
    <article>
      <h1>
        <ProgramText>{program.title}</ProgramText>
      </h1>
      <FollowButton state={follow} />
      <p className="lead">{program.summary}</p>
      <p data-testid="drafting-access">
        {abilities.editDraft && program.draftingAccess === 'ALL_MEMBERS'
          ? t('program.canEdit')
          : abilities.editDraft && abilities.actorIsDrafter
            ? t('program.canEditNamed')
            : program.phase === 'DRAFTING' && program.draftingAccess === 'NAMED_DRAFTERS'
              ? t('program.namedDrafters')
              : program.draftIsPublic
                ? t('program.publicDraft')
                : null}
      </p>
      <p data-testid="support-rule">
        {program.supportRule === 'GROUP_SHARE'
          ? t('program.supportRuleGroups', { value: program.supportValue, days: program.supportDays })
          : program.supportRule === 'ACTIVE_SHARE'
            ? t('program.supportRuleShare', {
                value: program.supportValue,
                activeDays: program.supportActiveDays,
                days: program.supportDays,
              })
            : t('program.supportRule', { needed: Math.ceil(program.supportValue), days: program.supportDays })}
      </p>
      {abilities.manage || abilities.shape ? (
        <p className="inline-actions">
          {abilities.manage ? (
            <Link to="settings" className="button button-secondary">
              {t('settings.link')}
            </Link>
          ) : null}
          {abilities.shape ? (
            <Link to="structure" className="button button-secondary">
              {t('structure.link')}
            </Link>
          ) : null}
          {abilities.manage ? (
            <Link to="moderation/queue" className="button button-secondary">
              {t('queue.link')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <section aria-labelledby="versions-title" data-testid="versions">
        <h2 id="versions-title">{t('version.published')}</h2>
        {versions.length ? (
          <ul>
            {versions.map((v) => (
              <li key={v.number}>
                <Link to={`v/${v.number}`}>{t('version.badge', { n: v.number })}</Link> — <Time value={v.publishedAt} />{' '}
                — {v.note}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('version.none')}</p>
        )}
        <p className="inline-actions">
          {versions.length > 1 ? <Link to={`/p/${program.slug}/compare`}>{t('compare.title')}</Link> : null}
          {versions.length ? <Link to={`/p/${program.slug}/search`}>{t('search.title')}</Link> : null}
          {abilities.manage ? (
            <Link to="publish" className="button button-secondary">
              {t('version.publishTitle')}
            </Link>
          ) : null}
        </p>
      </section>
      <p className="inline-actions">
        <Link to="amendments">{t('amendments.list.link')}</Link>
        {signedIn ? <Link to="amendments?mine=1">{t('amendments.list.mineLink')}</Link> : null}
        <Link to="rounds">{t('rounds.link')}</Link>
        <Link to="committee">{t('committee.link')}</Link>
        <Link to={`/p/${program.slug}/participation`}>{t('participation.link')}</Link>
        <Link to="moderation">{t('moderation.logTitle')}</Link>
        <Link to="audit">{t('audit.title')}</Link>
      </p>
      <h2>{t('program.contents')}</h2>
      <ol className="contents">
        {chapters.map((c) => (
          <li key={c.id}>
            <h3>
              <Link to={href('chapters', c.id)}>
                {t('program.chapter', { n: c.number })} — <ProgramText>{c.title}</ProgramText>
              </Link>
            </h3>
            <ul>
              {c.sections.map((s) => (
                <li key={s.id}>
                  <Link to={href('sections', s.id)}>
                    {s.number} <ProgramText>{s.title}</ProgramText>
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h2 id="phase-history">{t('program.history.title')}</h2>
      {history.length ? (
        <ol className="history" aria-labelledby="phase-history" data-testid="phase-history">
          {history.map((h) => (
            <li key={String(h.at)}>
              <time dateTime={String(h.at)}>{formatDate(h.at, 'datetime')}</time>{' '}
              {t('program.history.move', { from: t(`phase.${h.from}`), to: t(`phase.${h.to}`) })}
              {h.by ? ` ${t('program.history.by', { name: h.by })}` : null}
              {h.reason ? <span className="history-reason"> — {h.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('program.history.none', { date: formatDate(program.phaseStartedAt) })}</p>
      )}
    </article>
  );
}
