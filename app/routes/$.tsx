import { GeneralErrorBoundary } from '~/components/error-boundary.tsx';

/** Any unknown address: a 404 page in the reader's language. */
export function loader() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
