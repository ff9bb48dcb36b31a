import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { db } from '~/utils/db.server.ts';
import type { FollowKind } from './follows.server.ts';
import { commentHref } from '~/modules/debate/comment-href.ts';

/**
 * A member's own page (ADR 0035): what they wrote, support and follow, and the open rounds of their census, split
 * by whether they voted. Of a ballot it says only "has voted", which the member knows: the voter roll is what it
 * reads, never a ballot. Everything is the member's own, so only they see it.
 */
export async function personalPage(actor: Actor) {
  enforce(hasRole(actor, 'MEMBER'), actor, 'me.read');
  const me = actor.id;
  const [amendments, comments, supports, follows, census, voted] = await Promise.all([
    db().amendment.findMany({
      where: { authors: { some: { memberId: me } } },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: { id: true, title: true, status: true, program: { select: { slug: true, language: true } } },
    }),
    db().comment.findMany({
      where: { authorId: me },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: {
        id: true,
        createdAt: true,
        hiddenAt: true,
        amendment: { select: { id: true, title: true, program: { select: { slug: true, language: true } } } },
      },
    }),
    db().amendmentSupport.findMany({
      where: { memberId: me },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: {
        amendment: {
          select: { id: true, title: true, status: true, program: { select: { slug: true, language: true } } },
        },
      },
    }),
    db().follow.findMany({
      where: { memberId: me },
      orderBy: { createdAt: 'desc' },
      select: {
        target: true,
        program: { select: { slug: true, title: true, language: true } },
        chapter: { select: { id: true, title: true } },
        section: { select: { id: true, title: true } },
        amendment: { select: { id: true, title: true } },
      },
    }),
    db().censusEntry.findMany({
      where: { memberId: me, round: { status: 'OPEN' } },
      select: {
        round: {
          select: {
            id: true,
            title: true,
            closesAt: true,
            program: { select: { slug: true, title: true, language: true } },
          },
        },
      },
    }),
    db().voterRoll.findMany({ where: { memberId: me, round: { status: 'OPEN' } }, select: { roundId: true } }),
  ]);
  const hasVoted = new Set(voted.map((v) => v.roundId));
  const rounds = census
    .map(({ round }) => ({
      id: round.id,
      title: round.title,
      closesAt: round.closesAt,
      program: round.program.title,
      language: round.program.language,
      path: `/p/${round.program.slug}/rounds/${round.id}`,
      voted: hasVoted.has(round.id),
    }))
    .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  const amendmentPath = (a: { id: string; program: { slug: string } }) => `/p/${a.program.slug}/amendments/${a.id}`;
  return {
    toVote: rounds.filter((r) => !r.voted),
    voted: rounds.filter((r) => r.voted),
    amendments: amendments.map((a) => ({
      id: a.id,
      title: a.title,
      language: a.program.language,
      status: a.status,
      path: amendmentPath(a),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      hidden: c.hiddenAt !== null,
      title: c.amendment.title,
      language: c.amendment.program.language,
      path: commentHref(c.amendment.program.slug, c.amendment.id, c.id),
    })),
    supports: supports.map(({ amendment: a }) => ({
      id: a.id,
      title: a.title,
      language: a.program.language,
      status: a.status,
      path: amendmentPath(a),
    })),
    follows: follows.map((f) => {
      const kind = f.target.split(':')[0] as FollowKind;
      const slug = f.program.slug;
      const [title, path] = f.amendment
        ? [f.amendment.title, `/p/${slug}/amendments/${f.amendment.id}`]
        : f.section
          ? [f.section.title, `/p/${slug}/sections/${f.section.id}`]
          : f.chapter
            ? [f.chapter.title, `/p/${slug}/chapters/${f.chapter.id}`]
            : [f.program.title, `/p/${slug}`];
      return { target: f.target, kind, title, path, program: f.program.title, language: f.program.language };
    }),
  };
}
