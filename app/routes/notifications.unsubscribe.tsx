import { data, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { unsubscribeAnnouncements, unsubscribeDigest } from '~/modules/notifications/email-subscriptions.server.ts';
import { unsubscribeModerationDigest } from '~/modules/notifications/moderators.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

/*
 * The digests' unsubscribe link, for one click from the email without signing in. The link itself changes
 * nothing (mail scanners open links); its page has one button that does. `what=votes` stops the announcements
 * of phases (the name links already mailed carry, from when votes were announced apart: ADR 0040).
 */

/** Which mail the link stops: the members' digest, the announcements of phases, or the moderators' digest. */
const WHAT = ['digest', 'votes', 'moderation'] as const;
const UNSUBSCRIBE = {
  digest: unsubscribeDigest,
  votes: unsubscribeAnnouncements,
  moderation: unsubscribeModerationDigest,
} as const;
const BUTTON = {
  digest: 'notifications.unsubscribeConfirm',
  votes: 'notifications.unsubscribePhases',
  moderation: 'notifications.unsubscribeModeration',
} as const;

export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const url = new URL(request.url);
  return {
    m: url.searchParams.get('m') ?? '',
    k: url.searchParams.get('k') ?? '',
    what: WHAT.find((w) => w === url.searchParams.get('what')) ?? 'digest',
  };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.unsubscribeTitle');

export const action = /* @__PURE__ */ routeAction({}, async ({ form: formData }) => {
  const [m, k] = [String(formData.get('m') ?? ''), String(formData.get('k') ?? '')];
  const what = WHAT.find((w) => w === formData.get('what')) ?? 'digest';
  const ok = await UNSUBSCRIBE[what](m, k);
  return data({ ok }, { status: ok ? 200 : 400 });
});

export default function UnsubscribePage() {
  const t = useT();
  const { m, k, what } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('notifications.unsubscribeTitle')}</h1>
      {result ? (
        <p className={result.ok ? 'notice' : 'notice notice-warning'} role="status">
          {result.ok ? t('notifications.unsubscribed') : t('notifications.badLink')}
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="m" value={m} />
          <input type="hidden" name="k" value={k} />
          <input type="hidden" name="what" value={what} />
          <button type="submit" className="button">
            {t(BUTTON[what])}
          </button>
        </Form>
      )}
    </section>
  );
}
