import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { invalidateSession } from '~/modules/members/sessions.server.ts';
import { clearSessionCookie, flashCookie } from '~/utils/cookies.server.ts';

/** Logs out on this device. (Logging out everywhere else is on the account page.) */
export async function action({ context }: ActionFunctionArgs) {
  if (context.sessionId) await invalidateSession(context.sessionId);
  const headers = new Headers();
  headers.append('Set-Cookie', clearSessionCookie());
  headers.append('Set-Cookie', flashCookie('flash.loggedOut'));
  return redirect('/', { headers });
}

export function loader() {
  return redirect('/');
}
