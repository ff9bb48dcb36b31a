import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { programDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';

/** One program: its versions and its voting rounds (open data API, docs/api.md). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return openDataAnswer(request, () => programDocument(params.slug ?? ''));
}

export function action({ request }: ActionFunctionArgs) {
  return openDataMethods(request);
}
