import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { versionDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';

/** A published version, whole, with the provenance of its passages (open data API, docs/api.md). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return openDataAnswer(request, () => versionDocument(params.slug ?? '', params.version ?? ''));
}

export function action({ request }: ActionFunctionArgs) {
  return openDataMethods(request);
}
