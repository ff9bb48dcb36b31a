import { redirect } from '@remix-run/node';
import { invalidateSession } from '~/modules/members/sessions.server.ts';
import { clearSessionCookie, flashCookie } from '~/utils/cookies.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** Logs out on this device. (Logging out everywhere else is on the account page.) */
export const action = /* @__PURE__ */ routeAction({ resource: true }, async ({ context }) => {
  if (context.sessionId) await invalidateSession(context.sessionId);
  const headers = new Headers();
  headers.append('Set-Cookie', clearSessionCookie());
  headers.append('Set-Cookie', flashCookie('flash.loggedOut'));
  return redirect('/', { headers });
});

export const loader = /* @__PURE__ */ routeLoader(async () => {
  return redirect('/');
});
