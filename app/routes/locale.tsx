import { redirect } from '@remix-run/node';
import { offeredChoice } from '~/modules/installation/languages.server.ts';
import { setMemberLocale } from '~/modules/members/account-settings.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { localeCookie } from '~/utils/cookies.server.ts';
import { safeRedirect } from '~/utils/errors.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** Switches the language (one the installation offers): remembered in a cookie, and on a signed-in member's account. */
export const action = /* @__PURE__ */ routeAction({ resource: true }, async ({ context, form }) => {
  // A language the installation does not offer is no choice (ADR 0038): nothing is remembered.
  const locale = await offeredChoice(form.get('locale'));
  const to = safeRedirect(form.get('redirectTo'));
  if (!locale) return redirect(to);
  if (context.member) await setMemberLocale(actorOf(context), locale);
  return redirect(to, { headers: { 'Set-Cookie': localeCookie(locale) } });
});

export const loader = /* @__PURE__ */ routeLoader(async () => {
  return redirect('/');
});
