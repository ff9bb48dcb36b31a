import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { numberSources, Provenance, ProvenanceText } from '~/components/version/provenance-text.tsx';
import { versionNumber, versionSections } from '~/modules/publication/versions.server.ts';

import { useT } from '~/utils/i18n.tsx';
import type { loader as versionLoader } from './p.$slug_.v.$version.tsx';
import { readerLinks } from '~/utils/links.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params }) => {
  const sections = await versionSections(params.slug ?? '', versionNumber(params.version), params.chapterId ?? '');
  if (!sections.length) throw new NotFoundError(`chapter ${params.chapterId}`);
  return { sections: readerLinks(sections) };
});

/** A chapter of a published version: its sections' text in order, with their provenance. */
export default function VersionChapterPage() {
  const t = useT();
  const { sections } = useLoaderData<typeof loader>();
  const version = useRouteLoaderData<typeof versionLoader>('routes/p.$slug_.v.$version');
  if (!version) return null;
  const first = sections[0]!;
  const changed = new Map(version.outline.chapters.flatMap((c) => c.sections.map((x) => [x.id, x.changedBy ?? []])));
  return (
    <article>
      <h1>
        <span className="number">{t('program.chapter', { n: first.chapterNumber })}</span>{' '}
        <ProgramText>{first.chapterTitle}</ProgramText>
      </h1>
      {sections.map((s) => {
        const numbering = numberSources(s.doc);
        return (
          <section key={s.sectionId} aria-labelledby={`s-${s.sectionId}`}>
            <h2 id={`s-${s.sectionId}`}>
              <Link to={`/p/${version.program.slug}/v/${version.number}/sections/${s.sectionId}`}>
                <span className="number">{s.number}</span> <ProgramText>{s.title}</ProgramText>
              </Link>
            </h2>
            <ProvenanceText doc={s.doc} numbering={numbering} />
            {numbering.size || changed.get(s.sectionId)?.length ? (
              <Provenance
                slug={version.program.slug}
                numbering={numbering}
                sources={version.outline.sources}
                changedBy={changed.get(s.sectionId)}
              />
            ) : null}
          </section>
        );
      })}
    </article>
  );
}
