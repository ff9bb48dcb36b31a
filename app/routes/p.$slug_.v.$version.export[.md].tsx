import { versionMarkdown } from '~/modules/publication/exports.server.ts';
import { versionNumber } from '~/modules/publication/versions.server.ts';
import { fileResponse } from '~/utils/file-response.server.ts';
import { routeLoader } from '~/utils/route.server.ts';

/** A version as Markdown, to download. */
export const loader = /* @__PURE__ */ routeLoader(async ({ request, params }) => {
  const { text, filename } = await versionMarkdown(params.slug ?? '', versionNumber(params.version));
  return fileResponse(request, text, { type: 'text/markdown; charset=utf-8', filename });
});
