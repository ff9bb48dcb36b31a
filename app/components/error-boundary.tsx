import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useT } from '~/utils/i18n.tsx';

/** The one error page: 404, 403 and unexpected errors, in the reader's language, with a reference id. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const root = useRouteLoaderData('root') as { requestId?: string } | undefined;
  const [clientId, setClientId] = useState<string | undefined>();
  useEffect(() => {
    setClientId((window as { __plenumLastErrorId?: string }).__plenumLastErrorId);
  }, []);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>{t('error.notFound.title')}</h1>
        <p>{t('error.notFound.body')}</p>
        <Link to="/">{t('error.backHome')}</Link>
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
