import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import { useCallback } from 'react';
import type { loader as rootLoader } from '~/root.tsx';

/** How often an open page asks for fresh figures when the server sets nothing (PAGE_REFRESH_MS). */
export const DEFAULT_REFRESH_MS = 15_000;

/** The interval, set by the server, at which open pages of rounds and amendments ask for fresh figures. */
export function usePageRefreshMs(): number {
  return useRouteLoaderData<typeof rootLoader>('root')?.refreshMs ?? DEFAULT_REFRESH_MS;
}

/**
 * Asks for the page's data again (figures, rights), unless a navigation is under way (a form just sent, a link
 * followed): it brings fresh data anyway, and a revalidation during its loads aborts them and starts them again.
 * The aborted read may already have cleared the one-time notice ("You are logged out.") that the page landed on
 * would have shown: the notice was lost when a live editor's socket closed in the middle of a logout
 * (tests/e2e/join-and-read.test.ts). The function keeps its identity, so a long-lived listener may hold it.
 *
 * The router's own state is read (Remix declares `window.__remixRouter`): React's copy of it is updated in a
 * transition, and a socket's close can come before that render.
 */
export function useRefreshPage(): () => void {
  const { revalidate } = useRevalidator();
  return useCallback(() => {
    const navigation = typeof window === 'undefined' ? undefined : window.__remixRouter?.state.navigation.state;
    if (navigation === undefined || navigation === 'idle') revalidate();
  }, [revalidate]);
}
