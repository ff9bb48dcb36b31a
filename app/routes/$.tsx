import { GeneralErrorBoundary } from '~/components/error-boundary.tsx';
import { routeLoader } from '~/utils/route.server.ts';

/** Any unknown address: a 404 page in the reader's language. */
export const loader = /* @__PURE__ */ routeLoader(() => {
  throw new Response('Not Found', { status: 404 });
});

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
