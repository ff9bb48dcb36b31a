import { versionJson } from '~/modules/publication/exports.server.ts';
import { versionNumber } from '~/modules/publication/versions.server.ts';
import { fileResponse } from '~/utils/file-response.server.ts';
import { routeLoader } from '~/utils/route.server.ts';

/** A version as structured JSON (sections with ids, text, provenance), to download. */
export const loader = /* @__PURE__ */ routeLoader(async ({ request, params }) => {
  const { text, filename } = await versionJson(params.slug ?? '', versionNumber(params.version));
  return fileResponse(request, text, { type: 'application/json; charset=utf-8', filename });
});
