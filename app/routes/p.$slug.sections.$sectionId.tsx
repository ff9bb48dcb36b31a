import { type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { LiveSection } from '~/editor/live-section.tsx';
import { Time } from '~/components/time.tsx';
import { sectionPage } from '~/modules/programs/section-page.server.ts';
import { FollowButton } from '~/components/follow-button.tsx';
import { followState } from '~/modules/follows/follows.server.ts';
import { restoreSectionText } from '~/modules/programs/section-locks.server.ts';
import { requireMember, shownMember } from '~/utils/auth.server.ts';
import { useFormatDate, useT, useSignature } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context, actor }) => {
  const [page, follow] = await Promise.all([
    sectionPage(actor, params.slug ?? '', params.sectionId ?? ''),
    followState(actor, `section:${params.sectionId ?? ''}`),
  ]);
  const shown = shownMember(context);
  const user = shown ? { id: shown.id, name: shown.displayName } : null;
  return { ...page, user, follow };
});

/** Moderators restore the section's last valid text (issue 15). */
export const action = /* @__PURE__ */ routeAction(
  { intents: ['restore'] },
  async ({ request, params, context, actor }) => {
    requireMember(request, context);
    const sectionId = params.sectionId ?? '';
    const restored = await restoreSectionText({ actor, sectionId });
    const here = `/p/${params.slug ?? ''}/sections/${sectionId}`;
    return redirectWithFlash(here, restored ? 'flash.sectionRestored' : 'flash.sectionAlreadyValid');
  },
);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.section.number} ${data.section.title} · Plenum` : 'Plenum' },
];

/** One section of the program, with its place in the text and the way to the next one. */
export default function SectionPage() {
  const t = useT();
  const signed = useSignature();
  const formatDate = useFormatDate();
  const { section, previous, next, slug, canWrite, canPropose, amendments, user, follow } =
    useLoaderData<typeof loader>();
  return (
    <article>
      <p className="breadcrumb">
        <Link to={`/p/${slug}/chapters/${section.chapter.id}`}>
          {t('program.chapter', { n: section.chapter.number })} — <ProgramText>{section.chapter.title}</ProgramText>
        </Link>
      </p>
      <h1>
        <span className="number">{section.number}</span> <ProgramText>{section.title}</ProgramText>
      </h1>
      <FollowButton state={follow} />
      {section.lock ? (
        <p className="notice notice-warning" data-testid="section-locked">
          {section.lock.roundId ? (
            <>
              {t('section.lockedByVote')}{' '}
              <Link to={`/p/${slug}/rounds/${section.lock.roundId}`}>{section.lock.reason}</Link>
            </>
          ) : (
            <>
              {t('section.locked', { date: formatDate(section.lock.at) })}
              {section.lock.reason ? ` ${section.lock.reason}` : null}
            </>
          )}
        </p>
      ) : null}
      {section.invalidContent ? (
        <Form method="post" className="notice notice-warning" data-testid="section-invalid-content">
          <p>{t('section.invalidContent', { n: section.invalidContent })}</p>
          <button type="submit" name="intent" value="restore" className="button">
            {t('section.restore')}
          </button>
        </Form>
      ) : null}
      <LiveSection documentName={section.documentName} canWrite={canWrite} user={user} text={section.content} />
      <p className="meta">
        {t('section.updated')} <Time value={section.updatedAt} />
      </p>
      <section aria-labelledby="amendments-heading" className="section-amendments">
        <h2 id="amendments-heading">{t('amendments.onSection')}</h2>
        {amendments.length ? (
          <ul className="amendment-list" data-testid="section-amendments">
            {amendments.map((a) => (
              <li key={a.id}>
                <Link to={`/p/${slug}/amendments/${a.id}`}>
                  <ProgramText>{a.title}</ProgramText>
                </Link>{' '}
                <span className="badge">{t(`amendments.status.${a.status}`)}</span>{' '}
                <span className="muted">
                  {a.created ? t('amendments.createdSection') : t(`amendments.kind.${a.kind}`)} —{' '}
                  {a.authors.map(signed).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('amendments.none')}</p>
        )}
        {canPropose ? (
          <p>
            <Link to={`/p/${slug}/amend/${section.id}`} className="button button-secondary">
              {t('amendments.propose')}
            </Link>
          </p>
        ) : null}
      </section>
      <nav className="prev-next" aria-label={t('section.around')}>
        {previous ? (
          <Link to={`/p/${slug}/sections/${previous.id}`} rel="prev">
            ← {previous.number} <ProgramText>{previous.title}</ProgramText>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/p/${slug}/sections/${next.id}`} rel="next">
            {next.number} <ProgramText>{next.title}</ProgramText> →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
