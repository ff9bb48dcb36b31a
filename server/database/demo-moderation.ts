import { createReasonTemplate } from '~/modules/amendments/reason-templates.server.ts';
import { addCommitteeMember, recommend } from '~/modules/committee/committee.server.ts';
import { postComment, reportComment } from '~/modules/debate/comments.server.ts';
import { follow } from '~/modules/follows/follows.server.ts';
import { takeChapter } from '~/modules/notifications/moderators.server.ts';
import type { Actor } from '~/policies/actor.ts';
import { db } from '~/utils/db.server.ts';
import type { Player } from '../../prisma/seed/demo-story.ts';

/**
 * The demo story's moderation at scale (issue 21), played with the module functions like the rest of the story:
 * a drafting committee whose recommendations the open round's ballot shows beside each question, the moderators'
 * reason templates, a comment reported to them, a chapter the moderator took, and a member following a chapter.
 * Without them, a visitor of the demo found every one of these pages empty.
 */

type Cast = Record<Player, NonNullable<Actor>>;

/** Before the second round: the committee is named and weighs in on the amendments about to be voted on. */
export async function nameCommitteeAndRecommend(
  cast: Cast,
  slug: string,
  amendments: { competingA: string; competingB: string; inVote: string },
) {
  const { moussa } = cast;
  for (const p of ['lucia', 'hugo'] as const) {
    const { email } = await db().member.findUniqueOrThrow({ where: { id: cast[p].id }, select: { email: true } });
    await addCommitteeMember({ actor: moussa, slug, email });
  }
  const positions = [
    [
      'lucia',
      amendments.competingA,
      'ADOPT',
      'Elle vise ceux qui renoncent le plus à se déplacer, pour un coût que le budget des transports absorbe.',
    ],
    ['lucia', amendments.competingB, 'REJECT', 'Souhaitable, mais aucune recette ne la finance dès la première année.'],
    ['hugo', amendments.inVote, 'ADOPT', 'Un tarif plus bas fait venir au vélo ceux que le prix arrêtait.'],
  ] as const;
  for (const [member, amendmentId, kind, reason] of positions) {
    await recommend({ actor: cast[member], amendmentId, kind, reason });
  }
}

/** The moderators' side: reason templates, a chapter taken, a reported comment; and a member who follows. */
export async function moderationAtScale(
  cast: Cast,
  slug: string,
  chapters: { housing: string; transport: string },
  debated: string,
) {
  const { moussa } = cast;
  await createReasonTemplate({
    actor: moussa,
    slug,
    name: 'Conforme',
    text: 'Conforme à la charte des listes.',
  });
  await createReasonTemplate({
    actor: moussa,
    slug,
    name: 'Hors compétence',
    text: 'Hors des compétences d’une commune : la plateforme ne peut pas le promettre.',
  });
  await takeChapter(moussa, chapters.transport);
  await follow(cast.camille, `chapter:${chapters.housing}`);
  const commentId = await postComment({
    actor: cast.theo,
    amendmentId: debated,
    stance: 'AGAINST',
    body: 'Ceux qui défendent la gratuité totale n’ont jamais su compter.',
  });
  await reportComment({
    actor: cast.nour,
    commentId,
    reason: 'Une attaque contre des adhérents, pas un argument sur l’amendement.',
  });
}
