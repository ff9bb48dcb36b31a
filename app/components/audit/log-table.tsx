import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { MessageKey } from '~/i18n/index.ts';
import { useFormatDate, useSignature, useT } from '~/utils/i18n.tsx';

/** A signed line of a log: when, by whom (null: the system), and why. */
interface LogRow {
  id: string;
  at: Date | string;
  /** Null: the system; undefined: a former member. */
  by: string | null | undefined;
  reason: string | null;
}

/**
 * A log of moderators' actions as a table (when, who, what, why), newest first, with links to newer and older
 * pages: the moderation log and the public audit log read alike, each saying "what" its own way.
 */
export function LogTable<R extends LogRow>({
  testId,
  rows,
  what,
  empty,
  system,
  page,
  more,
  pageHref,
}: {
  testId: string;
  rows: readonly R[];
  what: (row: R) => ReactNode;
  /** Shown when there is no row. */
  empty: MessageKey;
  /** Who an action of nobody's reads as. */
  system: string;
  page: number;
  more: boolean;
  pageHref: (page: number) => string;
}) {
  const t = useT();
  const signed = useSignature();
  const formatDate = useFormatDate();
  return (
    <>
      {rows.length ? (
        <div className="table-scroll">
          <table data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t('moderation.when')}</th>
                <th scope="col">{t('moderation.who')}</th>
                <th scope="col">{t('moderation.what')}</th>
                <th scope="col">{t('moderation.why')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDate(row.at, 'datetime')}</td>
                  <td>{row.by === null ? system : signed(row.by)}</td>
                  <td>{what(row)}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t(empty)}</p>
      )}
      {page > 1 || more ? (
        <nav className="inline-actions" aria-label={t('moderation.pages')}>
          {page > 1 ? <Link to={pageHref(page - 1)}>{t('moderation.newer')}</Link> : null}
          {more ? <Link to={pageHref(page + 1)}>{t('moderation.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
