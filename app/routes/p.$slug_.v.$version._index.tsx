import { Link, useRouteLoaderData } from '@remix-run/react';
import { DirectEditNote } from '~/components/version/direct-edit.tsx';
import { useT } from '~/utils/i18n.tsx';
import type { loader as versionLoader } from './p.$slug_.v.$version.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';

/** A version's home: what the moderators said of it, and the amendments it brings, with their votes. */
export default function VersionHome() {
  const t = useT();
  const version = useRouteLoaderData<typeof versionLoader>('routes/p.$slug_.v.$version');
  if (!version) return null;
  const slug = version.program.slug;
  return (
    <article>
      <h1>{t('version.title', { n: version.number, title: version.title })}</h1>
      <p className="lead">{version.note}</p>
      <section aria-labelledby="changelog-title" data-testid="changelog">
        <h2 id="changelog-title">{t('version.changelog')}</h2>
        {version.changelog.length ? (
          <ul className="amendment-list">
            {version.changelog.map((c) => {
              if ('editId' in c) {
                const edit = version.outline.sources[c.editId];
                return (
                  <li key={c.editId}>
                    <Link to={`sections/${c.section.id}`}>
                      {c.section.number} <ProgramText>{c.section.title}</ProgramText>
                    </Link>
                    <br />
                    <span className="muted">{edit ? <DirectEditNote source={edit} /> : t('version.directEdit')}</span>
                  </li>
                );
              }
              const source = version.outline.sources[c.amendmentId];
              return (
                <li key={c.amendmentId}>
                  <Link to={`/p/${slug}/amendments/${c.amendmentId}`}>
                    <ProgramText>{c.title}</ProgramText>
                  </Link>{' '}
                  <span className="badge">{t(`amendments.kind.${c.kind as 'CHANGE'}`)}</span>
                  <br />
                  <span className="muted">
                    {c.section.number ? (
                      <Link to={`sections/${c.section.id}`}>
                        {c.section.number} <ProgramText>{c.section.title}</ProgramText>
                      </Link>
                    ) : (
                      c.section.title
                    )}
                    {source?.round ? (
                      <>
                        {' — '}
                        <Link to={`/p/${slug}/rounds/${source.round.id}`}>
                          {t('rounds.numbered', { n: source.round.number, title: source.round.title })}
                        </Link>
                        {source.result?.kind === 'YES_NO'
                          ? ` — ${t('version.resultYesNo', { yes: source.result.yes, no: source.result.no, abstain: source.result.abstain })}`
                          : null}
                      </>
                    ) : null}
                    {' — '}
                    <Link to={`/p/${slug}/amendments/${c.amendmentId}#debate`}>{t('version.debate')}</Link>
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{version.number === 1 ? t('version.firstVersion') : t('version.noChanges')}</p>
        )}
      </section>
      <h2>{t('program.contents')}</h2>
      <ol className="contents">
        {version.outline.chapters.map((c) => (
          <li key={c.id}>
            <h3>
              <Link to={`chapters/${c.id}`}>
                {c.number}. <ProgramText>{c.title}</ProgramText>
              </Link>
            </h3>
            <ol>
              {c.sections.map((s) => (
                <li key={s.id}>
                  <Link to={`sections/${s.id}`}>
                    {s.number} <ProgramText>{s.title}</ProgramText>
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </article>
  );
}
