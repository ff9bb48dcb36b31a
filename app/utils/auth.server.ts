import { redirect, type AppLoadContext } from '@remix-run/node';
import { actorOfMember, type Actor } from '~/policies/actor.ts';

/** The actor for policies: the signed-in member, or null for the public. */
export function actorOf(context: AppLoadContext): Actor {
  return actorOfMember(context.member);
}

/**
 * The signed-in member's id and name as the page shows them: their own, or the placeholders of a page rendered
 * for every member alike (ADR 0047), which the server fills in for each reader.
 */
export function shownMember(context: AppLoadContext): { id: string; displayName: string } | null {
  if (!context.member) return null;
  return context.shownAs ?? { id: context.member.id, displayName: context.member.displayName };
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
