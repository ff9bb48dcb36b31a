import type { LoaderFunctionArgs } from '@remix-run/node';
import { versionMarkdown } from '~/modules/publication/exports.server.ts';
import { versionNumber } from '~/modules/publication/versions.server.ts';
import { fileResponse } from '~/utils/file-response.server.ts';
import { asHttpError } from '~/utils/errors.server.ts';

/** A version as Markdown, to download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { text, filename } = await versionMarkdown(params.slug ?? '', versionNumber(params.version));
    return fileResponse(request, text, { type: 'text/markdown; charset=utf-8', filename });
  } catch (error) {
    return asHttpError(request)(error);
  }
}
