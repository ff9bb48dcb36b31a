import { programsDocument } from '~/modules/publication/api.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** The programs the public may read, with their published versions (open data API, docs/api.md). */
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  return openDataAnswer(request, () => programsDocument());
});

export const action = /* @__PURE__ */ routeAction({ readsForm: false }, async ({ request }) => {
  return openDataMethods(request);
});
