import type { LoaderFunctionArgs } from '@remix-run/node';
import { versionJson } from '~/modules/publication/exports.server.ts';
import { versionNumber } from '~/modules/publication/versions.server.ts';
import { fileResponse } from '~/utils/file-response.server.ts';
import { asHttpError } from '~/utils/errors.server.ts';

/** A version as structured JSON (sections with ids, text, provenance), to download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { text, filename } = await versionJson(params.slug ?? '', versionNumber(params.version));
    return fileResponse(request, text, { type: 'application/json; charset=utf-8', filename });
  } catch (error) {
    return asHttpError(request)(error);
  }
}
