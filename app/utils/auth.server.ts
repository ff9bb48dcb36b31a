import { redirect, type AppLoadContext } from '@remix-run/node';
import { actorOfMember, type Actor } from '~/policies/actor.ts';

/** The actor for policies: the signed-in member, or null for the public. */
export function actorOf(context: AppLoadContext): Actor {
  return actorOfMember(context.member);
}

/** The signed-in member, or a redirect to the login page that comes back here afterwards. */
export function requireMember(request: Request, context: AppLoadContext) {
  if (!context.member || !context.sessionId) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { member: context.member, sessionId: context.sessionId };
}

/** Sends a signed-in member away from pages meant for visitors (login, sign up). */
export function redirectIfSignedIn(context: AppLoadContext, to = '/') {
  if (context.member) throw redirect(to);
}
