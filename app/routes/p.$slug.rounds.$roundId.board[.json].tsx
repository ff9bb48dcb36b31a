import { boardOf } from '~/modules/voting/ballot-board.server.ts';
import { getRound } from '~/modules/voting/round-view.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { routeLoader } from '~/utils/route.server.ts';

/**
 * The ballot board of a closed round, as a JSON download: every counted ballot with its tracking code, the
 * round's definition and its results; `npm run plenum -- verify-tally <file>` recounts it.
 */
export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  const view = await getRound(actorOf(context), params.slug ?? '', params.roundId ?? '');
  const board = view.round.status === 'CLOSED' ? await boardOf(view.round.id) : null;
  if (!board) return new Response('The ballot board is published when the round closes.\n', { status: 404 });
  const etag = `"${board.sha256}"`;
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="plenum-${view.program.slug}-round-${view.round.number}-board.json"`,
    'Cache-Control': 'public, max-age=300',
    ETag: etag,
    'X-Board-SHA256': board.sha256,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(board.text, { headers });
});
