import { Link, useRouteLoaderData } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';

/** A program's home: its summary and the whole table of contents. */
export default function ProgramHome() {
  const t = useT();
  const data = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  if (!data) return null;
  const { program, chapters, abilities } = data;
  return (
    <article>
      <h1>{program.title}</h1>
      <p className="lead">{program.summary}</p>
      <p>{abilities.editDraft ? t('program.canEdit') : program.draftIsPublic ? t('program.publicDraft') : null}</p>
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
        </p>
      ) : null}
      <h2>{t('program.contents')}</h2>
      <ol className="contents">
        {chapters.map((c) => (
          <li key={c.id}>
            <h3>
              <Link to={`chapters/${c.id}`}>
                {t('program.chapter', { n: c.number })} — {c.title}
              </Link>
            </h3>
            <ul>
              {c.sections.map((s) => (
                <li key={s.id}>
                  <Link to={`sections/${s.id}`}>
                    {s.number} {s.title}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
