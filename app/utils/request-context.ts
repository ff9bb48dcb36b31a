import type { Locale } from '~/i18n/index.ts';
import type { CurrentMember } from '~/modules/members/sessions.server.ts';

/** The load context the server gives every loader and action (server/http/context.ts builds it). */
export type RequestContext = {
  requestId: string;
  cspNonce: string;
  clientAddress: string;
  /** The signed-in member, or null for the public. */
  member: CurrentMember | null;
  sessionId: string | null;
  locale: Locale;
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
