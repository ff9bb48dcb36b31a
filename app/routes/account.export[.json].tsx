import { exportMemberData } from '~/modules/members/export.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { routeLoader } from '~/utils/route.server.ts';

/** All of a member's data in one JSON file, theirs to keep: never cached anywhere. */
export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  requireMember(request, context);
  const body = await exportMemberData(actorOf(context));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="plenum-my-data-${day}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
