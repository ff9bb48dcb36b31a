import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { isLocale, loadCatalog } from '~/i18n/index.ts';

// The error page shows the id of the request that failed. For a page loaded by client-side navigation, that
// request was a fetch: remember the X-Request-Id of the last data request so the boundary can show it.
const originalFetch = window.fetch.bind(window);
window.fetch = async (...args: Parameters<typeof fetch>) => {
  const response = await originalFetch(...args);
  const id = response.headers.get('x-request-id');
  const w = window as { __plenumLastRequestId?: string; __plenumLastErrorId?: string };
  if (id) w.__plenumLastRequestId = id;
  if (id && response.status >= 500) w.__plenumLastErrorId = id;
  return response;
};

// The page's language's messages come first (one chunk; the other languages are fetched only on a switch): the
// server rendered in that language, and hydration must render the same text. Should the chunk fail, hydration
// asks for it again (useLocale) rather than leave the page inert.
const lang = document.documentElement.lang;
void loadCatalog(isLocale(lang) ? lang : 'fr')
  .catch(() => undefined)
  .then(() =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  );
