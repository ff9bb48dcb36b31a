import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { roundResultsDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';

/** A closed voting round's results (open data API, docs/api.md). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return openDataAnswer(request, () => roundResultsDocument(params.roundId ?? ''));
}

export function action({ request }: ActionFunctionArgs) {
  return openDataMethods(request);
}
