import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '~/root.tsx';

/** How often an open page asks for fresh figures when the server sets nothing (PAGE_REFRESH_MS). */
export const DEFAULT_REFRESH_MS = 15_000;

/** The interval, set by the server, at which open pages of rounds and amendments ask for fresh figures. */
export function usePageRefreshMs(): number {
  return useRouteLoaderData<typeof rootLoader>('root')?.refreshMs ?? DEFAULT_REFRESH_MS;
}
