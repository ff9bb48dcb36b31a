import type { Locale } from '~/i18n/index.ts';
import type { Role } from '~/generated/prisma/enums.ts';

/** The signed-in member, as every request sees it. */
export interface CurrentMember {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: string | null;
  /** Suspended by an administrator: signed in, but taking part in nothing (they may still export or delete). */
  suspended: { at: Date; reason: string } | null;
  /**
   * A moderator or admin without two-factor authentication while the installation requires it: they act as a
   * member only, and every page sends them to set it up (ADR 0027).
   */
  twoFactorDue: boolean;
}

/** The load context the server gives every loader and action (server/http/context.ts builds it). */
export type RequestContext = {
  requestId: string;
  cspNonce: string;
  clientAddress: string;
  /** The signed-in member, or null for the public. */
  member: CurrentMember | null;
  sessionId: string | null;
  /**
   * What a page shows as the signed-in member's id and name, when not theirs: the placeholders of a page rendered
   * once for every member who sees it alike, each answer filled with its reader's own (ADR 0047). Only loaders
   * read it, through `shownMember`; what the member may do is always decided on `member`.
   */
  shownAs?: { id: string; displayName: string };
  /** The member's unread notifications, read with the session on a GET; null otherwise (count them then). */
  unread: number | null;
  locale: Locale;
  /**
   * Runs `task` once this request is answered: work whose duration must not show in the answer (a reset link
   * is mailed, or not, after the form said "check your inbox"). `what` names it in the log if it fails.
   */
  afterAnswer: (what: string, task: () => Promise<unknown>) => void;
};

declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true;
  }
}
