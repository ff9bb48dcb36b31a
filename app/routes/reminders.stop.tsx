import { data, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { reminderStopPage, stopReminders } from '~/modules/mailing/call-to-vote.server.ts';
import { TITLE_SLOT, TitledSentence } from '~/utils/content-lang.tsx';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeAction, routeLoader } from '~/utils/route.server.ts';

/**
 * The stop-reminders link of a call to vote, for one click from the mail without signing in. The link (GET)
 * changes nothing, since mail scanners open links; its page has one button (POST) that does.
 */
export const loader = /* @__PURE__ */ routeLoader(async ({ request }) => {
  const url = new URL(request.url);
  const link = {
    r: url.searchParams.get('r') ?? '',
    m: url.searchParams.get('m') ?? '',
    s: url.searchParams.get('s') ?? '',
  };
  return { link, ...(await reminderStopPage(link)) };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reminders.stopTitle');

export const action = /* @__PURE__ */ routeAction({}, async ({ form }) => {
  const field = (name: string) => String(form.get(name) ?? '');
  const ok = await stopReminders({ r: field('r'), m: field('m'), s: field('s') });
  return data({ ok }, { status: ok ? 200 : 400 });
});

export default function StopRemindersPage() {
  const t = useT();
  const { link, title, language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('reminders.stopTitle')}</h1>
      {result ? (
        <p className={result.ok ? 'notice' : 'notice notice-warning'} role="status">
          {result.ok ? t('reminders.stopped') : t('reminders.badLink')}
        </p>
      ) : title === null ? (
        <p className="notice notice-warning" role="status">
          {t('reminders.badLink')}
        </p>
      ) : (
        <Form method="post">
          <p>
            <TitledSentence
              sentence={t('reminders.stopIntro', { title: TITLE_SLOT })}
              title={title}
              language={language}
            />
          </p>
          <input type="hidden" name="r" value={link.r} />
          <input type="hidden" name="m" value={link.m} />
          <input type="hidden" name="s" value={link.s} />
          <button type="submit" className="button">
            {t('reminders.stopConfirm')}
          </button>
        </Form>
      )}
    </section>
  );
}
