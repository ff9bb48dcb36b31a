import { Link } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/** Which page of the debate is shown (debate.server.ts: debateOf). */
export interface DebatePage {
  number: number;
  count: number;
  firstThread: number;
  lastThread: number;
  threads: number;
}

/** Earlier and later threads: plain links (`?debate=<n>`), back to the debate's title. */
export function DebatePages({ page }: { page: DebatePage }) {
  const t = useT();
  if (page.count <= 1) return null;
  return (
    <nav aria-label={t('debate.pages')} className="pager" data-testid="debate-pages">
      {page.number > 1 ? <Link to={`?debate=${page.number - 1}#debate-title`}>{t('debate.earlier')}</Link> : null}
      <span className="muted">{t('debate.pageOf', { n: page.number, count: page.count })}</span>
      {page.number < page.count ? (
        <Link to={`?debate=${page.number + 1}#debate-title`}>{t('debate.later')}</Link>
      ) : null}
    </nav>
  );
}
