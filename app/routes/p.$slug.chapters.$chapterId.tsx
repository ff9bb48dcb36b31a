import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useParams } from '@remix-run/react';
import { FollowButton } from '~/components/follow-button.tsx';
import { followState } from '~/modules/follows/follows.server.ts';
import { chapterAssignment, releaseChapter, takeChapter } from '~/modules/notifications/moderators.server.ts';
import { RichText } from '~/rich-text/render.tsx';
import { getChapter } from '~/modules/programs/program-text.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { readerLinks } from '~/utils/links.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const actor = actorOf(context);
  const { chapter } = await getChapter(actor, params.slug ?? '', params.chapterId ?? '');
  return {
    chapter: readerLinks(chapter),
    follow: await followState(actor, `chapter:${params.chapterId ?? ''}`),
    assignment: await chapterAssignment(actor, params.chapterId ?? ''),
  };
});

/** Moderators take a chapter, or release it (ADR 0035). */
export const action = /* @__PURE__ */ routeAction(
  { intents: ['take', 'release'] },
  async ({ request, params, context, actor, intent }) => {
    requireMember(request, context);
    const chapterId = params.chapterId ?? '';
    await getChapter(actor, params.slug ?? '', chapterId);
    if (intent === 'take') await takeChapter(actor, chapterId);
    else await releaseChapter(actor, chapterId);
    const here = `/p/${params.slug ?? ''}/chapters/${chapterId}`;
    return redirectWithFlash(here, intent === 'take' ? 'flash.chapterTaken' : 'flash.chapterReleased');
  },
);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.chapter.number}. ${data.chapter.title} · Plenum` : 'Plenum' },
];

/** A whole chapter: all its sections' text, in order. */
export default function ChapterPage() {
  const t = useT();
  const { chapter, follow, assignment } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  return (
    <article>
      <h1>
        <span className="number">{t('program.chapter', { n: chapter.number })}</span>{' '}
        <ProgramText>{chapter.title}</ProgramText>
      </h1>
      <FollowButton state={follow} />
      {assignment ? (
        <Form method="post" className="notice" data-testid="chapter-assignment">
          <p>
            {assignment.by.length ? t('assign.takenBy', { names: assignment.by.join(', ') }) : t('assign.nobody')}{' '}
            <span className="muted">{t('assign.explain')}</span>
          </p>
          <input type="hidden" name="intent" value={assignment.taken ? 'release' : 'take'} />
          <button type="submit" className="button button-small button-secondary">
            {assignment.taken ? t('assign.release') : t('assign.take')}
          </button>
        </Form>
      ) : null}
      {chapter.sections.map((s) => (
        <section key={s.id} aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>
            <Link to={`/p/${slug}/sections/${s.id}`}>
              <span className="number">{s.number}</span> <ProgramText>{s.title}</ProgramText>
            </Link>
          </h2>
          <RichText doc={s.content} />
        </section>
      ))}
    </article>
  );
}
