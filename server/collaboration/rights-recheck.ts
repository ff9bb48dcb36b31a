import { CLOSE, writeEndedReason } from '~/modules/live-text/names.ts';
import type { CurrentMember } from '~/modules/members/sessions.server.ts';
import type { Actor } from '~/policies/actor.ts';
import { currentAccessOfMany, currentActors } from './auth.ts';
import type { Connection, LiveDocument } from './live-document.ts';

/** A connection as the server keeps it: with the member and session it was opened with. */
type Conn = Connection & { member: CurrentMember | null; sessionToken: string | null };

/**
 * Downgrades or closes connections whose rights changed (role, phase, openness, drafters, session, removal), in
 * one read of every connection's session and one read of rights per document: two hundred editors of twenty
 * sections cost 21 statements a pass, not 400 (bench:movement showed the queue that made, every two seconds,
 * ahead of the pages). A read that fails leaves its connections as they are (a failed session read, all of them).
 * The connections are those open when the pass began: one attached meanwhile was checked at its upgrade.
 */
export async function recheckRights(documents: readonly LiveDocument[]): Promise<void> {
  const open = documents
    .map((document) => ({ document, conns: [...document.connections.values()] as Conn[] }))
    .filter((d) => d.conns.length > 0);
  if (!open.length) return;
  const actorOf = await currentActors(open.flatMap((d) => d.conns));
  const keyOf = (actor: Actor) => (actor ? `${actor.id}:${actor.role}` : 'public');
  await Promise.all(
    open.map(async ({ document, conns }) => {
      // Each distinct actor once: a thousand readers of a section as the public are one actor.
      const actors = new Map(conns.map((conn) => [keyOf(actorOf(conn)), actorOf(conn)]));
      const answers = await currentAccessOfMany([...actors.values()], document.name).catch(() => undefined);
      if (!answers) return; // the database did not answer: keep things as they are
      const rights = new Map([...actors.keys()].map((key, i) => [key, answers[i]!]));
      for (const conn of conns) apply(conn, rights.get(keyOf(actorOf(conn)))!);
    }),
  );
}

/** Acts on a connection's rights as they are now: closed, downgraded to reading, or allowed to write again. */
function apply(conn: Connection, access: Awaited<ReturnType<typeof currentAccessOfMany>>[number]) {
  if (access === null) conn.socket.close(CLOSE.gone, 'document removed');
  else if (!access.read) conn.socket.close(CLOSE.forbidden, 'access revoked');
  else if (conn.readOnly !== !access.write) {
    // Writes are refused from now on (what was stored until now stays: it was sent while the server still
    // allowed it). Closing tells the editor why, so that it keeps what it could not send (writeEnded, issue
    // 17), or to fetch its rights again and reconnect with the right to write.
    conn.readOnly = !access.write;
    conn.whyReadOnly = access.whyReadOnly;
    if (access.write) conn.socket.close(CLOSE.rightsChanged, 'rights changed');
    else conn.socket.close(CLOSE.writeEnded, writeEndedReason(whyOf(conn)));
  }
}

/** Why a connection may not write, with the time the server learned it when nothing says since when. */
export function whyOf(conn: Connection) {
  const why = conn.whyReadOnly ?? { reason: 'other' as const, since: null };
  return { reason: why.reason, since: why.since ?? new Date() };
}
