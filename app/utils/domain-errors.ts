import type { MessageKey } from '~/i18n/index.ts';

/**
 * The one family of expected refusals (issue 16, ADR 0020). A module, a policy or a util throws a DomainError
 * when it refuses for a reason the person can understand; the route wrapper (app/utils/route.server.ts) turns its
 * `kind` into the one HTTP answer decided in app/utils/errors.server.ts. Anything else thrown is a bug: a 500 with
 * an id. Pure: modules, policies, the kernel and utils all import it, and it imports nothing of theirs.
 */

/** What kind of refusal: the HTTP answer depends on this alone. */
export type DomainErrorKind =
  /** 404: it does not exist, or the actor may not know it exists. */
  | 'not-found'
  /** 403 (or the login page for the public). */
  | 'forbidden'
  /** 400: the request is wrong as it stands; the form says why. */
  | 'invalid'
  /** 409: the request is fine, but the state of things refuses it (taken, already done, wrong phase). */
  | 'conflict'
  /** 429: too many, too fast; `retryAt` says when to try again when known. */
  | 'throttled'
  /** 409: someone else is changing the same thing right now; try again in a moment. */
  | 'busy'
  /** 413: too big or too deep to take. */
  | 'too-large';

export interface DomainErrorDetails {
  /** The form field the message belongs beside, if any. */
  field?: string;
  /** Values for the message's placeholders. */
  values?: Record<string, string | number>;
  /** When to try again (throttled). */
  retryAt?: Date;
  /** Words for the log, when the key says too little (the message key is the default). */
  log?: string;
}

/** An expected refusal: its kind (the HTTP answer), its message key (translated for the person), its field. */
export class DomainError extends Error {
  readonly field?: string;
  readonly values?: Record<string, string | number>;
  readonly retryAt?: Date;

  constructor(
    public readonly kind: DomainErrorKind,
    public readonly key: MessageKey,
    details: DomainErrorDetails = {},
  ) {
    super(details.log ?? key);
    this.name = new.target.name;
    this.field = details.field;
    this.values = details.values;
    this.retryAt = details.retryAt;
  }
}

/** Something that does not exist, or that the actor may not know exists (a hidden program is not found). */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not-found', 'error.notFound.title', { log: `Not found: ${what}` });
  }
}

/** A policy refused: routes answer 403 (saying so to a suspended member), or the login page for the public. */
export class ForbiddenError extends DomainError {
  constructor(
    public readonly action: string,
    public readonly signedIn: boolean,
    /** The actor is suspended: the refusal may have no other reason, and the page says so. */
    public readonly suspended = false,
  ) {
    super('forbidden', 'error.forbidden.title', { log: `Forbidden: ${action}` });
  }
}
