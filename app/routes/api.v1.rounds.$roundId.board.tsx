import { roundBoardDocument } from '~/modules/publication/api-rounds.server.ts';
import { openDataAnswer, openDataMethods } from '~/utils/open-data.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** A closed voting round's ballot board, byte for byte as published (open data API, docs/api.md). */
export const loader = /* @__PURE__ */ routeLoader(async ({ request, params }) => {
  return openDataAnswer(request, () => roundBoardDocument(params.roundId ?? ''));
});

export const action = /* @__PURE__ */ routeAction({ readsForm: false }, async ({ request }) => {
  return openDataMethods(request);
});
