import { redirect } from '@remix-run/node';
import { isLocale } from '~/i18n/index.ts';
import { setMemberLocale } from '~/modules/members/account-settings.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { localeCookie } from '~/utils/cookies.server.ts';
import { safeRedirect } from '~/utils/errors.server.ts';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/** Switches the language: remembered in a cookie, and on the account of a signed-in member. */
export const action = /* @__PURE__ */ routeAction({}, async ({ context, form }) => {
  const locale = form.get('locale');
  const to = safeRedirect(form.get('redirectTo'));
  if (!isLocale(locale)) return redirect(to);
  if (context.member) await setMemberLocale(actorOf(context), locale);
  return redirect(to, { headers: { 'Set-Cookie': localeCookie(locale) } });
});

export const loader = /* @__PURE__ */ routeLoader(async () => {
  return redirect('/');
});
