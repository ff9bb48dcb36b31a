import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from '@remix-run/react';
import { useState, type ReactNode } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx';
import { SiteFooter, SiteHeader } from '~/components/site-chrome.tsx';
import { isMessageKey } from '~/i18n/index.ts';
import { shownMember } from '~/utils/auth.server.ts';
import { appConfig } from '~/utils/config.server.ts';
import { clearFlashCookie, FLASH_COOKIE, readCookie } from '~/utils/cookies.server.ts';
import { useLocale, useT } from '~/utils/i18n.tsx';
import { useNonce } from '~/utils/nonce.tsx';
import { DEFAULT_REFRESH_MS } from '~/utils/page-refresh.ts';
import styles from '~/styles/app.css';
import { unreadCount } from '~/modules/notifications/notifications.server.ts';
import { installationLook } from '~/modules/installation/languages.server.ts';
import { catalogChunk } from '~/i18n/catalog-chunks.server.ts';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Plenum' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const flash = readCookie(request.headers.get('cookie'), FLASH_COOKIE);
  const shown = shownMember(context);
  const member =
    context.member && shown
      ? {
          id: shown.id,
          displayName: shown.displayName,
          role: context.member.role,
          suspended: context.member.suspended?.reason ?? null,
          unread: context.unread ?? (await unreadCount(context.member.id)),
        }
      : null;
  return data(
    {
      locale: context.locale,
      // The script holding the page's language's messages, named in the head so that it loads beside the others.
      catalogChunk: catalogChunk(context.locale),
      member,
      flash: isMessageKey(flash) ? flash : null,
      requestId: context.requestId,
      // The movement's name and the languages it offers, set at setup (ADR 0030).
      installation: await installationLook(),
      // How often open pages of rounds and amendments ask for fresh figures (PAGE_REFRESH_MS).
      refreshMs: appConfig().pageRefreshMs ?? DEFAULT_REFRESH_MS,
    },
    flash ? { headers: { 'Set-Cookie': clearFlashCookie() } } : undefined,
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>['data'];

/** The document around every page, error pages included. */
export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  const catalog = useRouteLoaderData<typeof loader>('root')?.catalogChunk;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {catalog ? <link rel="modulepreload" href={catalog} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root');
  const flash = useStickyFlash(data?.flash ?? null);
  return (
    <>
      <SiteHeader member={data?.member ?? null} installation={data?.installation ?? null} />
      <main id="main" className="page">
        {flash ? <FlashNotice messageKey={flash} /> : null}
        {data?.member?.suspended !== null && data?.member?.suspended !== undefined ? (
          <SuspendedNotice reason={data.member.suspended} />
        ) : null}
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

/**
 * The notice is read once (its cookie is cleared by the same response), but a page may revalidate at
 * once (a live editor that turns read-only, a support bar): the notice stays until the reader moves to
 * another page, instead of vanishing with the next load of the same page.
 */
function useStickyFlash(fresh: RootData['flash']) {
  const location = useLocation();
  const [kept, setKept] = useState<{ key: string; flash: NonNullable<RootData['flash']> } | null>(null);
  if (fresh && (kept?.key !== location.key || kept.flash !== fresh)) {
    setKept({ key: location.key, flash: fresh });
  }
  if (fresh) return fresh;
  return kept?.key === location.key ? kept.flash : null;
}

/** A suspended member is told why, and what they can still do. */
function SuspendedNotice({ reason }: { reason: string }) {
  const t = useT();
  return (
    <p className="notice notice-warning" role="status" data-testid="suspended-notice">
      {t('account.suspended', { reason })}
    </p>
  );
}

function FlashNotice({ messageKey }: { messageKey: NonNullable<RootData['flash']> }) {
  const t = useT();
  return (
    <p className="notice" role="status">
      {t(messageKey)}
    </p>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <>
      <SiteHeader member={data?.member ?? null} installation={data?.installation ?? null} />
      <main id="main" className="page">
        <GeneralErrorBoundary />
      </main>
    </>
  );
}
