import { enforce, signedIn, type Actor } from '~/policies/actor.ts';
import { db } from '~/utils/db.server.ts';

/**
 * Everything Plenum holds about a member, in one JSON file they download (issue 7): their profile and consents,
 * sessions, programs they draft, amendments they wrote, invitations, supports, comments and reports,
 * notifications, the rounds they could vote in and did vote in, and what they did as recorded in the audit trail.
 * Never a ballot or a tracking code: nothing links a member to a ballot (docs/decisions/0014). Nothing of anyone
 * else either: other people appear by display name only where the member's own data names them (co-authors).
 */
export async function exportMemberData(actor: Actor, now = new Date()) {
  enforce(signedIn(actor), actor, 'member.export');
  const id = actor.id;
  const member = await db().member.findUniqueOrThrow({ where: { id } });
  const [
    sessions,
    drafting,
    authored,
    invitations,
    supports,
    comments,
    reports,
    notifications,
    census,
    roll,
    audit,
    groups,
    writing,
    recoveryCodes,
    rollReports,
  ] = await Promise.all([
    db().session.findMany({
      where: { memberId: id },
      select: { createdAt: true, lastUsedAt: true, expiresAt: true, userAgent: true },
      orderBy: { createdAt: 'asc' },
    }),
    db().drafter.findMany({
      where: { memberId: id },
      select: { addedAt: true, program: { select: { slug: true, title: true } } },
    }),
    db().amendmentAuthor.findMany({
      where: { memberId: id },
      orderBy: { addedAt: 'asc' },
      select: {
        addedAt: true,
        amendment: {
          select: {
            id: true,
            title: true,
            kind: true,
            status: true,
            justification: true,
            newTitle: true,
            proposedText: true,
            createdAt: true,
            submittedAt: true,
            program: { select: { slug: true } },
            authors: { select: { member: { select: { displayName: true } } } },
          },
        },
      },
    }),
    db().coauthorInvitation.findMany({
      where: { memberId: id },
      select: { createdAt: true, amendment: { select: { id: true, title: true } } },
    }),
    db().amendmentSupport.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, amendment: { select: { id: true, title: true } } },
    }),
    db().comment.findMany({
      where: { authorId: id },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        amendmentId: true,
        parentId: true,
        stance: true,
        source: true,
        createdAt: true,
        editedAt: true,
        hiddenAt: true,
        hiddenReason: true,
      },
    }),
    db().commentReport.findMany({
      where: { memberId: id },
      select: { commentId: true, reason: true, createdAt: true, resolvedAt: true },
    }),
    db().notification.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: {
        kind: true,
        amendmentId: true,
        roundId: true,
        commentId: true,
        data: true,
        createdAt: true,
        readAt: true,
        emailedAt: true,
      },
    }),
    db().censusEntry.findMany({ where: { memberId: id }, select: { roundId: true, salt: true, leaf: true } }),
    db().voterRoll.findMany({ where: { memberId: id }, select: { roundId: true } }),
    db().auditEvent.findMany({
      where: { actorId: id },
      orderBy: { id: 'asc' },
      select: { action: true, targetType: true, targetId: true, reason: true, createdAt: true },
    }),
    db().groupMembership.findMany({
      where: { memberId: id },
      select: {
        coordinator: true,
        joinedAt: true,
        group: { select: { id: true, name: true, area: true, status: true } },
      },
    }),
    // When the member wrote into live texts (one line per document, day and phase): kept to attribute direct
    // edits between two versions (ADR 0022), so theirs to see.
    db().liveTextWriter.findMany({
      where: { memberId: id },
      orderBy: [{ day: 'asc' }, { docName: 'asc' }],
      select: { docName: true, day: true, phase: true, firstAt: true, lastAt: true },
    }),
    db().recoveryCode.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, usedAt: true },
    }),
    // What the member told moderators about rounds they say they did not vote in (ADR 0032).
    db().rollReport.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: { roundId: true, message: true, createdAt: true },
    }),
  ]);
  // The movement's register line tied to the account (issue 18): the fields it holds, nothing more.
  const registerEntry = await db().registerEntry.findUnique({
    where: { memberId: id },
    select: {
      email: true,
      name: true,
      membershipNumber: true,
      localGroup: true,
      memberUntil: true,
      lapsedAt: true,
      invitedAt: true,
      importedAt: true,
      updatedAt: true,
    },
  });
  const roundIds = [...new Set([...census, ...roll].map((r) => r.roundId))];
  const rounds = await db().votingRound.findMany({
    where: { id: { in: roundIds } },
    select: { id: true, number: true, title: true, opensAt: true, closesAt: true, program: { select: { slug: true } } },
  });
  const voted = new Set(roll.map((r) => r.roundId));
  const receipts = new Map(census.flatMap((c) => (c.salt ? [[c.roundId, { salt: c.salt, leaf: c.leaf }]] : [])));
  return {
    format: 'plenum-member-export-1',
    exportedAt: now.toISOString(),
    profile: {
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      locale: member.locale,
      createdAt: member.createdAt,
      emailVerifiedAt: member.emailVerifiedAt,
      lastActiveAt: member.lastActiveAt,
      area: member.area,
      consents: { emailDigest: member.emailDigest },
      // Whether two-factor is on and the recovery codes' dates: never the secret, its last step, nor a code's hash
      // (the secret would work as the second factor itself; ADR 0027).
      twoFactor: {
        enabledAt: member.totpEnabledAt,
        recoveryCodes: recoveryCodes.map((c) => ({ createdAt: c.createdAt, usedAt: c.usedAt })),
      },
    },
    sessions,
    registerEntry,
    groups: groups.map((g) => ({ ...g.group, coordinator: g.coordinator, joinedAt: g.joinedAt })),
    drafting: drafting.map((d) => ({ program: d.program.slug, title: d.program.title, since: d.addedAt })),
    writing: writing.map((w) => ({ document: w.docName, day: w.day, phase: w.phase, from: w.firstAt, to: w.lastAt })),
    amendments: authored.map(({ addedAt, amendment: a }) => ({
      id: a.id,
      program: a.program.slug,
      title: a.title,
      kind: a.kind,
      status: a.status,
      justification: a.justification,
      newTitle: a.newTitle,
      proposedText: a.proposedText,
      createdAt: a.createdAt,
      submittedAt: a.submittedAt,
      authorSince: addedAt,
      authors: a.authors.map((x) => x.member.displayName),
    })),
    invitations: invitations.map((i) => ({ amendmentId: i.amendment.id, title: i.amendment.title, at: i.createdAt })),
    supports: supports.map((s) => ({ amendmentId: s.amendment.id, title: s.amendment.title, at: s.createdAt })),
    comments,
    reports,
    notifications,
    // The rounds the member could vote in, and whether they did: never how (nothing links them to a ballot).
    rounds: rounds.map((r) => ({
      id: r.id,
      program: r.program.slug,
      number: r.number,
      title: r.title,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      voted: voted.has(r.id),
      // Their census receipt (ADR 0026): with their id, it proves they were counted.
      censusReceipt: receipts.get(r.id) ?? null,
    })),
    rollReports,
    audit,
    // What they follow, and the chapters they took as a moderator (ADR 0035).
    follows: await db().follow.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: { target: true, createdAt: true },
    }),
    chaptersTaken: await db().chapterAssignment.findMany({
      where: { memberId: id },
      orderBy: { createdAt: 'asc' },
      select: { chapterId: true, createdAt: true },
    }),
  };
}
