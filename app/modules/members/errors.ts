import type { MessageKey } from '~/i18n/index.ts';

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
