import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { roundBoardDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';

/** A closed voting round's ballot board, byte for byte as published (open data API, docs/api.md). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return openDataAnswer(request, () => roundBoardDocument(params.roundId ?? ''));
}

export function action({ request }: ActionFunctionArgs) {
  return openDataMethods(request);
}
