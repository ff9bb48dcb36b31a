import { openDataError } from '~/utils/open-data.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** Any other address under /api: a JSON 404, not the site's HTML page (open data API, docs/api.md). */
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  return openDataError(request, 404, 'No such endpoint. The open data API is described in docs/api.md.');
});

export const action = /* @__PURE__ */ routeAction({ readsForm: false }, async ({ request }) => {
  return openDataError(request, 404, 'No such endpoint. The open data API is described in docs/api.md.');
});
