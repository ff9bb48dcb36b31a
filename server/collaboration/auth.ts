import type { IncomingMessage } from 'node:http';
import { amendmentAccess } from '~/modules/amendments/amendments.server.ts';
import { sectionAccess, sectionAccessOfMany } from '~/modules/programs/programs.server.ts';
import { actorOfMember, type Actor } from '~/policies/actor.ts';
import { validateSessionToken, validateSessionTokens, type CurrentMember } from '~/modules/members/sessions.server.ts';
import { readCookie, SESSION_COOKIE } from '~/utils/cookies.server.ts';
import { parseLiveDocumentName, type LiveDocumentTarget, type WriteEnded } from '~/modules/live-text/names.ts';

/** The answer to a WebSocket upgrade: refused with an HTTP status, or accepted, read-only or not. */
export type UpgradeDecision =
  | { ok: false; status: 400 | 403 | 404 }
  | {
      ok: true;
      docName: string;
      readOnly: boolean;
      /** Why the connection may not write (null when it may): told to its editor if it writes (issue 17). */
      whyReadOnly: WriteEnded | null;
      member: CurrentMember | null;
      sessionToken: string | null;
    };

/**
 * Decides on an upgrade before any socket exists (browsers cannot set headers on a WebSocket: the session
 * cookie is the credential). The Origin must be this site, or any page on the web could act with a member's
 * cookie (cross-site WebSocket hijacking).
 */
export async function authorizeUpgrade(req: IncomingMessage, allowedOrigins: string[]): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let docName: string;
  try {
    docName = decodeURIComponent(url.pathname.slice('/collab/'.length));
  } catch {
    return { ok: false, status: 400 };
  }
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (origin && !allowedOrigins.includes(origin) && origin !== `http://${host}` && origin !== `https://${host}`) {
    return { ok: false, status: 403 };
  }
  const target = parseLiveDocumentName(docName);
  if (!target) return { ok: false, status: 404 };

  const token = readCookie(req.headers.cookie, SESSION_COOKIE) ?? null;
  const session = token ? await validateSessionToken(token) : null;
  const member = session?.member ?? null;
  const access = await accessTo(actorOfMember(member), target);
  // A document one may not read is not found: a draft or a closed program the public may not know exists, an
  // amendment's draft (issue 15). The same answer as for a document that does not exist.
  if (!access || !access.read) return { ok: false, status: 404 };
  return {
    ok: true,
    docName,
    readOnly: !access.write,
    whyReadOnly: access.whyReadOnly,
    member,
    sessionToken: session ? token : null,
  };
}

/**
 * The actors behind many connections now, in one read of their sessions: a session may have ended, or its
 * member's role changed, since the upgrade. Keyed by session token; a connection without one (the public, or a
 * member's test connection) is its member as it was. Null for the public and for a session that ended.
 */
export async function currentActors(
  connections: readonly { member: CurrentMember | null; sessionToken: string | null }[],
): Promise<(conn: { member: CurrentMember | null; sessionToken: string | null }) => Actor> {
  const tokens = [...new Set(connections.flatMap((c) => (c.sessionToken ? [c.sessionToken] : [])))];
  const sessions = await validateSessionTokens(tokens);
  return (conn) => actorOfMember(conn.sessionToken ? (sessions.get(conn.sessionToken)?.member ?? null) : conn.member);
}

/**
 * Several actors' rights on one document now (roles, phases, drafters and removals change while sockets stay
 * open), in the order of `actors`: a section's in one read whatever their number; null if it does not exist.
 */
export async function currentAccessOfMany(actors: readonly Actor[], docName: string) {
  const target = parseLiveDocumentName(docName);
  if (!target) return actors.map(() => null);
  if (target.kind === 'section') return sectionAccessOfMany(actors, target.id);
  return Promise.all(actors.map((actor) => accessTo(actor, target)));
}

/** The rights on a section's text, or on an amendment's draft (its authors write it). */
function accessTo(actor: Actor, target: LiveDocumentTarget) {
  return target.kind === 'amendment'
    ? amendmentAccess(actor, target.id, target.revision)
    : sectionAccess(actor, target.id);
}
