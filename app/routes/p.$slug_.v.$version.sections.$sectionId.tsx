import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { numberSources, Provenance, ProvenanceText } from '~/components/version/provenance-text.tsx';
import { getVersionSection, versionNumber } from '~/modules/publication/versions.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as versionLoader } from './p.$slug_.v.$version.tsx';
import { readerLinks } from '~/utils/links.ts';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ params }) => {
  return readerLinks(await getVersionSection(params.slug ?? '', versionNumber(params.version), params.sectionId ?? ''));
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.number} ${data.title} · Plenum` : 'Plenum' },
];

/** A section of a published version: its text, each changed passage marked, and why each one is there. */
export default function VersionSectionPage() {
  const t = useT();
  const section = useLoaderData<typeof loader>();
  const version = useRouteLoaderData<typeof versionLoader>('routes/p.$slug_.v.$version');
  if (!version) return null;
  const numbering = numberSources(section.doc);
  const flat = version.outline.chapters.flatMap((c) => c.sections);
  const index = flat.findIndex((s) => s.id === section.sectionId);
  const previous = flat[index - 1];
  const next = flat[index + 1];
  // Absolute: a path relative to /v/2/sections/<id> is easy to get wrong (`../sections/` gave .../sections/sections/).
  const base = `/p/${version.program.slug}/v/${version.number}/sections`;
  return (
    <article>
      <p className="muted">
        {t('program.chapter', { n: section.chapterNumber })} — <ProgramText>{section.chapterTitle}</ProgramText>
      </p>
      <h1>
        <span className="number">{section.number}</span> <ProgramText>{section.title}</ProgramText>
      </h1>
      <ProvenanceText doc={section.doc} numbering={numbering} />
      <Provenance
        slug={version.program.slug}
        numbering={numbering}
        sources={version.outline.sources}
        changedBy={flat[index]?.changedBy}
      />
      <nav className="prev-next no-print" aria-label={t('section.around')}>
        {previous ? (
          <Link to={`${base}/${previous.id}`} rel="prev">
            ← {previous.number} <ProgramText>{previous.title}</ProgramText>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`${base}/${next.id}`} rel="next">
            {next.number} <ProgramText>{next.title}</ProgramText> →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
