import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { searchVersion } from '~/modules/publication/search.server.ts';
import { listVersions } from '~/modules/publication/versions.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const url = new URL(request.url);
  const program = await listVersions(actorOf(context), params.slug ?? '');
  const wanted = Number(url.searchParams.get('v'));
  const number = program.versions.some((v) => v.number === wanted) ? wanted : program.versions[0]?.number;
  const q = (url.searchParams.get('q') ?? '').slice(0, 200);
  const hits = number && q.trim() ? await searchVersion(program.slug, number, q, program.language) : [];
  return {
    program: { slug: program.slug, title: program.title, language: program.language },
    versions: program.versions,
    number,
    q,
    hits,
  };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'search.title');

/** Search the published program (any version), in French, Spanish or English words. */
export default function SearchPage() {
  const t = useT();
  const { program, versions, number, q, hits } = useLoaderData<typeof loader>();
  return (
    <ProgramLanguage language={program.language}>
      <section className="narrow">
        <p className="muted">
          <Link to={number ? `/p/${program.slug}/v/${number}` : `/p/${program.slug}`}>
            <ProgramText>{program.title}</ProgramText>
          </Link>
        </p>
        <h1>{t('search.title')}</h1>
        {!number ? (
          <p>{t('search.nothingPublished')}</p>
        ) : (
          <>
            <Form method="get" role="search" className="inline-form">
              <label htmlFor="q">{t('search.label')}</label>
              <input id="q" name="q" type="search" defaultValue={q} />
              <label htmlFor="v">{t('search.version')}</label>
              <select id="v" name="v" defaultValue={number}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {`v${v.number}`}
                  </option>
                ))}
              </select>
              <button type="submit" className="button">
                {t('search.submit')}
              </button>
            </Form>
            {q.trim() ? (
              <>
                <p role="status">{t('search.count', { n: hits.length, q })}</p>
                <ol className="amendment-list" data-testid="search-results">
                  {hits.map((h) => (
                    <li key={h.sectionId}>
                      <Link to={`/p/${program.slug}/v/${number}/sections/${h.sectionId}`}>
                        {h.number} <ProgramText>{h.title}</ProgramText>
                      </Link>
                      <br />
                      <span className="muted">
                        <ProgramText>
                          {h.snippet.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
                        </ProgramText>
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        )}
      </section>
    </ProgramLanguage>
  );
}
