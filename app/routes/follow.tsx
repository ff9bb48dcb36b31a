import { redirect } from '@remix-run/node';
import { follow, unfollow } from '~/modules/follows/follows.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

/** A path of this site to go back to: anything else (another host, `//host`) goes home. */
function localPath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return /^\/(?![/\\])[^\s]{0,500}$/.test(path) ? path : '/';
}

/** The follow buttons' form (ADR 0035): follow or stop following, then back to the page it was on. */
export const action = /* @__PURE__ */ routeAction(
  { intents: ['follow', 'unfollow'], resource: true },
  async ({ request, context, actor, form, intent }) => {
    requireMember(request, context);
    const target = String(form.get('target') ?? '');
    const back = localPath(form.get('back'));
    if (intent === 'follow') {
      await follow(actor, target);
      return redirectWithFlash(back, 'flash.followed');
    }
    await unfollow(actor, target);
    return redirectWithFlash(back, 'flash.unfollowed');
  },
);

export const loader = /* @__PURE__ */ routeLoader(async () => redirect('/me'));
