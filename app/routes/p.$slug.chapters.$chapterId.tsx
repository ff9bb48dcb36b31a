import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useParams } from '@remix-run/react';
import { RichText } from '~/rich-text/render.tsx';
import { getChapter } from '~/modules/programs/programs.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { readerLinks } from '~/utils/links.ts';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const { chapter } = await getChapter(actorOf(context), params.slug ?? '', params.chapterId ?? '');
  return { chapter: readerLinks(chapter) };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.chapter.number}. ${data.chapter.title} · Plenum` : 'Plenum' },
];

/** A whole chapter: all its sections' text, in order. */
export default function ChapterPage() {
  const t = useT();
  const { chapter } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  return (
    <article>
      <h1>
        <span className="number">{t('program.chapter', { n: chapter.number })}</span>{' '}
        <ProgramText>{chapter.title}</ProgramText>
      </h1>
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
