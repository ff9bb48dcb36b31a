import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { versionHtml, versionNumber } from '~/modules/publication/versions.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { useContentLang } from '~/utils/content-lang.tsx';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params }) => {
  return await versionHtml(params.slug ?? '', versionNumber(params.version));
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} (v${data.number}) · Plenum` : 'Plenum' },
];

/**
 * The whole version on one page, fit for printing or saving as PDF. Its HTML was rendered at publication from
 * validated rich text, every text escaped (app/modules/publication/html.ts): no stored markup from anyone.
 */
export default function OnePage() {
  const t = useT();
  const version = useLoaderData<typeof loader>();
  const lang = useContentLang();
  return (
    <article className="one-page">
      <h1>{t('version.title', { n: version.number, title: version.title })}</h1>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('version.print')}
        </button>
      </p>
      <div className="rich-text" lang={lang} dangerouslySetInnerHTML={{ __html: version.html }} />
    </article>
  );
}
