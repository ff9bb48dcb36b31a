import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DiffView } from '~/components/diff-view.tsx';
import { diffWords, hasChanges } from '~/modules/amendments/diff.ts';
import { listVersions, versionSections } from '~/modules/publication/versions.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const url = new URL(request.url);
  const program = await listVersions(actorOf(context), params.slug ?? '');
  const numbers = program.versions.map((v) => v.number);
  const pick = (name: string, fallback: number | undefined) => {
    const n = Number(url.searchParams.get(name));
    return numbers.includes(n) ? n : fallback;
  };
  const to = pick('to', numbers[0]);
  const from = pick('from', numbers[1] ?? numbers[0]);
  if (!from || !to) return { program, from, to, changes: null };
  const [a, b] = await Promise.all([versionSections(program.slug, from), versionSections(program.slug, to)]);
  const before = new Map(a.map((s) => [s.sectionId, s]));
  const after = new Set(b.map((s) => s.sectionId));
  const changes = [
    ...b.flatMap((s) => {
      const old = before.get(s.sectionId);
      const parts = diffWords(old?.text ?? '', s.text);
      if (old && !hasChanges(parts) && old.title === s.title) return [];
      return [
        {
          id: s.sectionId,
          number: s.number,
          title: s.title,
          oldTitle: old?.title ?? null,
          status: old ? 'changed' : 'added',
          parts,
        },
      ];
    }),
    ...a
      .filter((s) => !after.has(s.sectionId))
      .map((s) => ({
        id: s.sectionId,
        number: s.number,
        title: s.title,
        oldTitle: s.title,
        status: 'removed',
        parts: diffWords(s.text, ''),
      })),
  ];
  return { program, from, to, changes };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'compare.title');

/** The difference between any two published versions, section by section, word by word. */
export default function ComparePage() {
  const t = useT();
  const { program, from, to, changes } = useLoaderData<typeof loader>();
  return (
    <ProgramLanguage language={program.language}>
      <section>
        <p className="muted">
          <Link to={`/p/${program.slug}`}>
            <ProgramText>{program.title}</ProgramText>
          </Link>
        </p>
        <h1>{t('compare.title')}</h1>
        {!changes ? (
          <p>{t('search.nothingPublished')}</p>
        ) : (
          <>
            <Form method="get" className="inline-form">
              <label htmlFor="from">{t('compare.from')}</label>
              <select id="from" name="from" defaultValue={from}>
                {program.versions.map((v) => (
                  <option key={v.number} value={v.number}>{`v${v.number}`}</option>
                ))}
              </select>
              <label htmlFor="to">{t('compare.to')}</label>
              <select id="to" name="to" defaultValue={to}>
                {program.versions.map((v) => (
                  <option key={v.number} value={v.number}>{`v${v.number}`}</option>
                ))}
              </select>
              <button type="submit" className="button">
                {t('compare.submit')}
              </button>
            </Form>
            <p role="status" data-testid="compare-summary">
              {t('compare.summary', { n: changes.length, from: from!, to: to! })}
            </p>
            {changes.map((c) => (
              <section key={c.id} aria-labelledby={`c-${c.id}`} data-testid="compare-section">
                <h2 id={`c-${c.id}`}>
                  <Link to={`/p/${program.slug}/v/${c.status === 'removed' ? from : to}/sections/${c.id}`}>
                    {c.number} <ProgramText>{c.title}</ProgramText>
                  </Link>{' '}
                  <span className="badge">{t(`compare.${c.status as 'changed'}`)}</span>
                </h2>
                {c.oldTitle && c.oldTitle !== c.title ? <p>{t('compare.renamed', { title: c.oldTitle })}</p> : null}
                <DiffView parts={c.parts} />
              </section>
            ))}
          </>
        )}
      </section>
    </ProgramLanguage>
  );
}
