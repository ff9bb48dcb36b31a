import { Form, Link, useLocation } from '@remix-run/react';
import { LOCALES, LOCALE_NAMES, type Locale } from '~/i18n/index.ts';
import { useLocale, useT } from '~/utils/i18n.tsx';

interface HeaderMember {
  displayName: string;
  role: 'MEMBER' | 'MODERATOR' | 'ADMIN';
  /** Unread notifications. */
  unread: number;
}

/** The header of every page: skip link, name, navigation, language switcher, account. */
export function SiteHeader({
  member,
  installation,
}: {
  member: HeaderMember | null;
  /** The movement's name and its languages (ADR 0030); null on error pages rendered without the root's data. */
  installation: { movementName: string | null; locales: Locale[] } | null;
}) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Link to="/" className="brand">
        {installation?.movementName ?? 'Plenum'}
      </Link>
      <nav aria-label={t('nav.label')} className="site-nav">
        <Link to="/">{t('nav.programs')}</Link>
        <Link to="/groups">{t('nav.groups')}</Link>
        {member?.role === 'ADMIN' ? <Link to="/admin/members">{t('nav.admin')}</Link> : null}
        {member?.role === 'ADMIN' ? <Link to="/admin/register">{t('nav.register')}</Link> : null}
      </nav>
      <Form method="post" action="/locale" className="locale-switcher">
        <input type="hidden" name="redirectTo" value={here} />
        <label htmlFor="locale-select" className="visually-hidden">
          {t('nav.language')}
        </label>
        <select id="locale-select" name="locale" defaultValue={locale} key={locale}>
          {(installation?.locales ?? LOCALES).map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <button type="submit" className="button-small">
          {t('nav.languageApply')}
        </button>
      </Form>
      <div className="account-nav">
        {member ? (
          <>
            <Link to="/notifications" data-testid="notifications-link">
              {member.unread ? t('notifications.unreadLink', { n: member.unread }) : t('notifications.link')}
            </Link>
            <Link to="/me">{t('me.link')}</Link>
            <Link to="/account">{member.displayName}</Link>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {t('nav.logout')}
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('nav.login')}</Link>
            <Link to="/signup" className="button-small">
              {t('nav.signup')}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

/** The footer: what Plenum promises about data. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>
        <Link to="/privacy">{t('footer.privacy')}</Link>
      </p>
    </footer>
  );
}
