import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { programsDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';

/** The programs the public may read, with their published versions (open data API, docs/api.md). */
export function loader({ request }: LoaderFunctionArgs) {
  return openDataAnswer(request, () => programsDocument());
}

export function action({ request }: ActionFunctionArgs) {
  return openDataMethods(request);
}
