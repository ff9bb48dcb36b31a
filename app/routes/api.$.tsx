import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { openDataError } from '~/utils/open-data.server.ts';

/** Any other address under /api: a JSON 404, not the site's HTML page (open data API, docs/api.md). */
export function loader({ request }: LoaderFunctionArgs) {
  return openDataError(request, 404, 'No such endpoint. The open data API is described in docs/api.md.');
}

export function action({ request }: ActionFunctionArgs) {
  return openDataError(request, 404, 'No such endpoint. The open data API is described in docs/api.md.');
}
