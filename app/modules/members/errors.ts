import { t, type Locale, type MessageKey } from '~/i18n/index.ts';

/** An expected failure of an account operation; `key` is the message shown to the user, translated. */
export class AccountError extends Error {
  constructor(
    public readonly key: MessageKey,
    /** The form field it belongs beside, if any. */
    public readonly field?: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'AccountError';
  }
}

/** Too many failed logins: retry at `retryAt`. */
export class ThrottledError extends AccountError {
  constructor(public readonly retryAt: Date) {
    super('login.throttled');
    this.name = 'ThrottledError';
  }
}

/** The message to show for an account error, in the reader's language (a throttle says when to retry). */
export function accountErrorMessage(error: AccountError, locale: Locale, now = Date.now()): string {
  if (!(error instanceof ThrottledError)) return t(locale, error.key, error.values);
  const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - now) / 1000));
  const when =
    seconds < 90
      ? t(locale, 'time.seconds', { n: seconds })
      : t(locale, 'time.minutes', { n: Math.ceil(seconds / 60) });
  return t(locale, 'login.throttled', { when });
}
