import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { personalPage } from '~/modules/follows/personal-page.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { ProgramText, TITLE_SLOT, TitledSentence } from '~/utils/content-lang.tsx';
import { pageTitle, useFormatDate, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context, actor }) => {
  requireMember(request, context);
  return personalPage(actor);
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.title');

/** A member's own page: votes waiting for them, what they wrote, support and follow (ADR 0035). */
export default function PersonalPage() {
  const t = useT();
  const formatDate = useFormatDate();
  const page = useLoaderData<typeof loader>();
  const none = <p className="muted">{t('me.none')}</p>;
  return (
    <section className="narrow">
      <h1>{t('me.title')}</h1>
      <h2>{t('me.toVote')}</h2>
      {page.toVote.length ? (
        <ul data-testid="me-to-vote">
          {page.toVote.map((r) => (
            <li key={r.id}>
              <Link to={r.path}>
                <ProgramText language={r.language}>{r.title}</ProgramText>
              </Link>{' '}
              — <ProgramText language={r.language}>{r.program}</ProgramText>,{' '}
              {t('me.closes', { date: formatDate(r.closesAt, 'datetime') })}
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
      {page.voted.length ? (
        <>
          <h2>{t('me.voted')}</h2>
          <ul data-testid="me-voted">
            {page.voted.map((r) => (
              <li key={r.id}>
                <Link to={r.path}>
                  <ProgramText language={r.language}>{r.title}</ProgramText>
                </Link>{' '}
                — <ProgramText language={r.language}>{r.program}</ProgramText>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('me.follows')}</h2>
      {page.follows.length ? (
        <ul data-testid="me-follows">
          {page.follows.map((f) => (
            <li key={f.target}>
              {t(`me.kind.${f.kind}`)}
              {t('punctuation.colon')}{' '}
              <Link to={f.path}>
                <ProgramText language={f.language}>{f.title}</ProgramText>
              </Link>{' '}
              <Form method="post" action="/follow" className="inline-form">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="target" value={f.target} />
                <input type="hidden" name="back" value="/me" />
                <button type="submit" className="link-button">
                  {t('follow.unfollow')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
      <h2>{t('me.amendments')}</h2>
      {page.amendments.length ? (
        <ul data-testid="me-amendments">
          {page.amendments.map((a) => (
            <li key={a.id}>
              <Link to={a.path}>
                <ProgramText language={a.language}>{a.title}</ProgramText>
              </Link>{' '}
              <span className="badge">{t(`amendments.status.${a.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
      <h2>{t('me.supports')}</h2>
      {page.supports.length ? (
        <ul data-testid="me-supports">
          {page.supports.map((a) => (
            <li key={a.id}>
              <Link to={a.path}>
                <ProgramText language={a.language}>{a.title}</ProgramText>
              </Link>{' '}
              <span className="badge">{t(`amendments.status.${a.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
      <h2>{t('me.comments')}</h2>
      {page.comments.length ? (
        <ul data-testid="me-comments">
          {page.comments.map((c) => (
            <li key={c.id}>
              <Link to={c.path}>
                <TitledSentence
                  sentence={t('me.commentOn', { title: TITLE_SLOT })}
                  title={c.title}
                  language={c.language}
                />
              </Link>{' '}
              <span className="muted">{formatDate(c.createdAt, 'datetime')}</span>
              {c.hidden ? <span className="badge badge-warning">{t('me.hidden')}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
    </section>
  );
}
