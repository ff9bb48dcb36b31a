import { redirect, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';
import { listNotifications, markRead, notificationText } from '~/modules/notifications/notifications.server.ts';
import {
  digestEnabled,
  setPhaseAnnouncements,
  phaseAnnouncementsEnabled,
  setDigest,
} from '~/modules/notifications/email-subscriptions.server.ts';
import { moderationDigestOf, setModerationDigest } from '~/modules/notifications/moderators.server.ts';
import { TITLE_SLOT, TitledSentence } from '~/utils/content-lang.tsx';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useFormatDate, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  const { member } = requireMember(request, context);
  const actor = actorOf(context);
  // A suspended member takes part in nothing, notifications included: a 403 that says so, not an error.
  const notifications = (await listNotifications(actor)).map((n) => ({
    ...n,
    // The sentence is the page's; the title in it is its program's, marked by the page (ADR 0038).
    text: notificationText(context.locale, { ...n, title: TITLE_SLOT }),
  }));
  return {
    notifications,
    digest: await digestEnabled(member.id),
    announcements: await phaseAnnouncementsEnabled(member.id),
    moderationDigest: await moderationDigestOf(actor),
  };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title');

/** The page's forms: the digest and announcements of phases on or off, a notification opened, all marked read. */
export const action = /* @__PURE__ */ routeAction(
  { intents: ['digestOn', 'digestOff', 'phasesOn', 'phasesOff', 'modDigestOn', 'modDigestOff', 'open', 'markAll'] },
  async ({ request, context, actor, form, intent }) => {
    requireMember(request, context);
    const here = '/notifications';
    if (intent === 'digestOn' || intent === 'digestOff') {
      await setDigest(actor, intent === 'digestOn');
      return redirectWithFlash(here, intent === 'digestOn' ? 'notifications.digestIsOn' : 'notifications.digestIsOff');
    }
    if (intent === 'phasesOn' || intent === 'phasesOff') {
      await setPhaseAnnouncements(actor, intent === 'phasesOn');
      return redirectWithFlash(
        here,
        intent === 'phasesOn' ? 'notifications.phasesAreOn' : 'notifications.phasesAreOff',
      );
    }
    if (intent === 'modDigestOn' || intent === 'modDigestOff') {
      await setModerationDigest(actor, intent === 'modDigestOn');
      return redirectWithFlash(
        here,
        intent === 'modDigestOn' ? 'notifications.modDigestIsOn' : 'notifications.modDigestIsOff',
      );
    }
    if (intent === 'open') {
      // Following a notification marks it read, then goes where it points (only ever a path of this site).
      const id = String(form.get('id') ?? '');
      const target = (await listNotifications(actor)).find((n) => n.id === id);
      await markRead(actor, id);
      return redirect(target?.path ?? here);
    }
    await markRead(actor);
    return redirect(here);
  },
);

/** A member's notifications, newest first, and their email digest setting. */
export default function NotificationsPage() {
  const t = useT();
  const formatDate = useFormatDate();
  const { notifications, digest, announcements, moderationDigest } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== 'idle';
  const unread = notifications.filter((n) => n.unread).length;
  // A moderator who took chapters sees first what concerns them (ADR 0035).
  const yours = notifications.filter((n) => n.yourChapter);
  const list = (items: typeof notifications, testId: string) => (
    <ul className="notifications" data-testid={testId}>
      {items.map((n) => (
        <li key={n.id} className={n.unread ? 'unread' : undefined}>
          {n.unread ? <span className="badge badge-warning">{t('notifications.unread')}</span> : null}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="open" />
            <input type="hidden" name="id" value={n.id} />
            <button type="submit" className="link-button">
              <TitledSentence sentence={n.text} title={n.title} language={n.language} />
            </button>
          </Form>{' '}
          <span className="muted">{formatDate(n.createdAt, 'datetime')}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="narrow">
      <h1>{t('notifications.title')}</h1>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="markAll" />
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('notifications.markAll')}
          </button>
        </Form>
      ) : null}
      {yours.length ? (
        <>
          <h2>{t('notifications.yourChaptersTitle')}</h2>
          {list(yours, 'notifications-your-chapters')}
          <h2>{t('notifications.everythingTitle')}</h2>
        </>
      ) : null}
      {notifications.length ? (
        list(notifications, 'notifications')
      ) : (
        <p className="muted">{t('notifications.empty')}</p>
      )}
      <h2>{t('notifications.digestTitle')}</h2>
      <p>{t('notifications.digestExplain')}</p>
      <p data-testid="digest-state">{digest ? t('notifications.digestIsOn') : t('notifications.digestIsOff')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={digest ? 'digestOff' : 'digestOn'} />
        <button type="submit" className="button" disabled={busy}>
          {digest ? t('notifications.digestOff') : t('notifications.digestOn')}
        </button>
      </Form>
      {moderationDigest !== null ? (
        <>
          <h2>{t('notifications.modDigestTitle')}</h2>
          <p>{t('notifications.modDigestExplain')}</p>
          <p data-testid="mod-digest-state">
            {moderationDigest ? t('notifications.modDigestIsOn') : t('notifications.modDigestIsOff')}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value={moderationDigest ? 'modDigestOff' : 'modDigestOn'} />
            <button type="submit" className="button" disabled={busy}>
              {moderationDigest ? t('notifications.modDigestOff') : t('notifications.modDigestOn')}
            </button>
          </Form>
        </>
      ) : null}
      <h2>{t('notifications.phasesTitle')}</h2>
      <p>{t('notifications.phasesExplain')}</p>
      <p data-testid="phases-state">
        {announcements ? t('notifications.phasesAreOn') : t('notifications.phasesAreOff')}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value={announcements ? 'phasesOff' : 'phasesOn'} />
        <button type="submit" className="button" disabled={busy}>
          {announcements ? t('notifications.phasesOff') : t('notifications.phasesOn')}
        </button>
      </Form>
    </section>
  );
}
