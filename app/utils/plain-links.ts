import { useNavigate } from '@remix-run/react';
import { useCallback, type MouseEvent } from 'react';

/**
 * Plain `<a href>` links under one element that navigate as Remix's `<Link>` does (no document reload), through
 * one click handler for all of them: for long lists, where a `<Link>` per row (each resolving its path and
 * holding its own handlers) was most of the server's rendering time (ADR 0044). Put the returned handler on the
 * list's element. A click with a modifier key, another button, or on a link to another site or window is left
 * to the browser; without JavaScript the links are links.
 */
export function usePlainLinks() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element).closest('a');
      if (!link || !event.currentTarget.contains(link) || link.target || link.hasAttribute('download')) return;
      if (link.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(`${link.pathname}${link.search}${link.hash}`);
    },
    [navigate],
  );
}
