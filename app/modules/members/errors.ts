import type { MessageKey } from '~/i18n/index.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/** An expected failure of an account operation; `key` is the message shown to the user, translated. */
export class AccountError extends DomainError {
  constructor(key: MessageKey, field?: string, values?: Record<string, string | number>) {
    super('invalid', key, { field, values });
  }
}

/** Too many failed logins: retry at `retryAt`. */
export class ThrottledError extends DomainError {
  declare readonly retryAt: Date;
  constructor(retryAt: Date) {
    super('throttled', 'login.throttled', { retryAt });
  }
}
