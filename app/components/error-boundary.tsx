import { isRouteErrorResponse, Link, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useT } from '~/utils/i18n.tsx';

/**
 * The one error page: 404, 403 (for a suspended member, why they are refused) and unexpected errors, in the
 * reader's language, with a reference id.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const root = useRouteLoaderData('root') as
    | { requestId?: string; member?: { suspended: string | null } | null }
    | undefined;
  const location = useLocation();
  const [clientId, setClientId] = useState<string | undefined>();
  useEffect(() => {
    setClientId((window as { __plenumLastErrorId?: string }).__plenumLastErrorId);
  }, []);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>{t('error.notFound.title')}</h1>
        <p>{t('error.notFound.body')}</p>
        {/* A program open to members only is "not found" for visitors (its existence is not told): say so. */}
        {root && !root.member ? (
          <p data-testid="not-found-members">
            {t('error.notFound.membersOnly')}{' '}
            <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>
              {t('nav.login')}
            </Link>
          </p>
        ) : null}
        <Link to="/">{t('error.backHome')}</Link>
      </section>
    );
  }
  // A suspended member is refused everything but reading and their own data: say why, not just "no". After a
  // refused form the page has no account data (no loader ran), only the answer's word that they are suspended.
  const reason = root?.member?.suspended;
  const suspended =
    typeof reason === 'string' || (error as { data?: { suspended?: unknown } } | null)?.data?.suspended === true;
  if (isRouteErrorResponse(error) && error.status === 403 && suspended) {
    return (
      <section className="error-page" data-testid="suspended-page">
        <h1>{t('error.suspended.title')}</h1>
        <p>{typeof reason === 'string' ? t('account.suspended', { reason }) : t('error.suspended.body')}</p>
        <p className="inline-actions">
          <Link to="/account">{t('account.title')}</Link>
          <Link to="/">{t('error.backHome')}</Link>
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <section className="error-page">
        <h1>{t('error.forbidden.title')}</h1>
        <p>{t('error.forbidden.body')}</p>
        <Link to="/">{t('error.backHome')}</Link>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <section className="error-page">
        <h1>{t('error.badRequest.title')}</h1>
        <p>{t('error.badRequest.body')}</p>
        <Link to="/">{t('error.backHome')}</Link>
      </section>
    );
  }
  const reference = clientId ?? root?.requestId;
  return (
    <section className="error-page">
      <h1>{t('error.unexpected.title')}</h1>
      <p>{t('error.unexpected.body')}</p>
      {reference ? (
        <p>
          {t('error.reference')} <code data-testid="error-reference">{reference}</code>
        </p>
      ) : null}
      <Link to="/">{t('error.backHome')}</Link>
    </section>
  );
}
