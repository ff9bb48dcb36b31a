import { startAmendment, submitAmendment, withdrawAmendment } from '~/modules/amendments/amendment-commands.server.ts';
import { answerInvitation, inviteCoauthor } from '~/modules/amendments/coauthors.server.ts';
import { decideAdmissibility } from '~/modules/amendments/moderation.server.ts';
import { supportAmendment } from '~/modules/amendments/supports.server.ts';
import { postComment } from '~/modules/debate/comments.server.ts';
import { createGroup, decideGroup, joinGroup } from '~/modules/groups/groups.server.ts';
import { writeLiveText } from '~/modules/live-text/live-text.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { amendmentSeed } from '~/modules/live-text/storage.server.ts';
import { getProgramOutline } from '~/modules/programs/programs.server.ts';
import { createProgram, updateProgramSettings } from '~/modules/programs/program-commands.server.ts';
import { publishVersion } from '~/modules/publication/publish.server.ts';
import { castBallot } from '~/modules/voting/ballots.server.ts';
import { roundDefinition } from '~/modules/voting/definition.server.ts';
import { closeRound } from '~/modules/voting/round-closing.server.ts';
import { createRound } from '~/modules/voting/rounds.server.ts';
import { KEEP_CURRENT, type Answers, type YesNoAnswer } from '~/modules/voting/types.ts';
import type { Actor } from '~/policies/actor.ts';
import type { DocNode } from '~/rich-text/document.ts';
import { db } from '~/utils/db.server.ts';
import { demoProgram } from '../../prisma/seed/demo-program.ts';
import { AMENDMENTS, storyProgram, type Player, type StoryAmendment } from '../../prisma/seed/demo-story.ts';
import { moderationAtScale, nameCommitteeAndRecommend } from './demo-moderation.ts';
import { demoDoc } from './demo-text.ts';
import { storyClock } from './story-clock.ts';

/**
 * The demo's story (ADR 0029): a second program played from its creation to a published version through the
 * same module functions members and moderators use, so that it stays right when the model changes. Its dates
 * tell one story relative to the first start (ADR 0038): the program opened four weeks ago, its first amendments
 * were submitted and supported in the weeks before the first vote (opened ten days ago, closed three days ago),
 * the version was published after that vote, the later amendments came in the last days, and the second vote
 * opened an hour ago. Functions that take a `now` are given it; the others run under the story's clock.
 */

const DAY = 86_400_000;
type Cast = Record<Player, NonNullable<Actor>>;

/** A tracking code one of the demo's logins received when voting in the story's closed round. */
export interface DemoReceipt {
  email: string;
  round: number;
  code: string;
}

/** The story's program text with one passage changed, as an amendment's author writes it. */
function proposedText(a: StoryAmendment): DocNode {
  const section = storyProgram.chapters[a.section[0]]!.sections[a.section[1]]!;
  let found = false;
  const blocks = section.blocks.map((b) => {
    if (b.kind !== 'p' || !b.text.includes(a.find)) return b;
    found = true;
    return { ...b, text: b.text.replace(a.find, a.replace) };
  });
  if (!found) throw new Error(`demo story: "${a.find}" is not in "${section.title}"`);
  return demoDoc(blocks);
}

/** Plays the story; returns the receipts of the demo logins who voted in the closed round. */
export async function playDemoStory(cast: Cast, now = new Date()): Promise<DemoReceipt[]> {
  const clock = storyClock();
  try {
    return await playAt(cast, now, (daysAgo) => clock.to(new Date(now.getTime() - daysAgo * DAY)));
  } finally {
    clock.back();
  }
}

/** The story, step by step; `at(days)` sets the clock that many days before the start (fractions: hours). */
async function playAt(cast: Cast, now: Date, at: (daysAgo: number) => void): Promise<DemoReceipt[]> {
  const { moussa } = cast;
  const slug = storyProgram.slug;
  at(28);
  await createProgram({
    actorId: cast.alice.id,
    slug,
    title: storyProgram.title,
    summary: storyProgram.summary,
    draftIsPublic: true,
    language: 'fr',
    chapters: storyProgram.chapters.map((c) => ({
      title: c.title,
      sections: c.sections.map((s) => ({ title: s.title, content: demoDoc(s.blocks) })),
    })),
  });
  at(27);
  await updateProgramSettings({
    actor: moussa,
    slug,
    phase: 'AMENDING',
    phaseEndsAt: new Date(now.getTime() + 30 * DAY),
    draftIsPublic: true,
    draftingAccess: 'ALL_MEMBERS',
    supportRule: 'ABSOLUTE',
    supportValue: 3,
    supportDays: 21,
    reason: 'Le texte des listes est prêt : place aux amendements des adhérents (3 soutiens pour être examiné).',
  });
  const outline = await getProgramOutline(null, slug);
  const sections = outline.chapters.map((c) => c.sections.map((s) => s.id));

  /** Starts an amendment and writes its text into its live draft, as its author would. */
  const draft = async (a: StoryAmendment) => {
    const id = await startAmendment({
      actor: cast[a.author],
      slug,
      sectionId: sections[a.section[0]]![a.section[1]]!,
      kind: 'CHANGE',
      title: a.title,
      justification: a.justification,
    });
    const row = await db().amendment.findUniqueOrThrow({ where: { id }, select: { kind: true, baseText: true } });
    await writeLiveText(liveDocumentName.amendment(id), amendmentSeed(row), proposedText(a));
    return id;
  };
  const support = async (id: string, supporters: Player[]) => {
    for (const p of supporters) await supportAmendment({ actor: cast[p], id });
  };
  /** Drafted, submitted, supported to the threshold (3) and, unless told otherwise, declared admissible. */
  const admissible = async (a: StoryAmendment, supporters: Player[], reason = 'Conforme à la charte des listes.') => {
    const id = await draft(a);
    await submitAmendment({ actor: cast[a.author], id });
    await support(id, supporters);
    await decideAdmissibility({ actor: moussa, id, admissible: true, reason });
    return id;
  };
  const comment = (p: Player, amendmentId: string, stance: 'FOR' | 'AGAINST' | 'QUESTION', body: string) =>
    postComment({ actor: cast[p], amendmentId, stance, body });

  // The first round, in the past: one amendment adopted, one rejected. Yanis drafted a competing change to the
  // same words before the vote; he submits it once the adopted one is in the text, so it needs his update.
  at(24);
  const adopted = await admissible(AMENDMENTS.adopted, ['lucia', 'yanis', 'ines']);
  at(22);
  const rejected = await admissible(AMENDMENTS.rejected, ['camille', 'theo', 'maya']);
  at(19);
  const needsUpdate = await draft(AMENDMENTS.needsUpdate);
  at(18);
  await comment('lucia', adopted, 'FOR', 'À Villeurbanne comme à Vienne, les loyers ont suivi ceux de Lyon.');
  at(16);
  await comment('hugo', adopted, 'QUESTION', 'Comment le seuil de 20 000 habitants a-t-il été choisi ?');
  at(15.8);
  await comment('camille', adopted, 'FOR', 'C’est le seuil à partir duquel la loi permet déjà l’encadrement.');
  at(14);
  await comment('theo', rejected, 'AGAINST', 'Tripler la taxe fera fuir les petits propriétaires.');
  await comment('lucia', rejected, 'FOR', 'La taxe ne touche que les logements vides depuis plus d’un an.');

  const opened = new Date(now.getTime() - 10 * DAY);
  const closed = new Date(now.getTime() - 3 * DAY);
  at(12);
  const first = await createRound(
    {
      actor: moussa,
      slug,
      title: 'Premier vote : le logement',
      explanation: 'Un vote par amendement recevable du chapitre « Se loger ». Majorité simple, sans quorum.',
      opensAt: opened,
      closesAt: closed,
      quorumPercent: 0,
      majority: { numerator: 1, denominator: 2 },
      method: 'SCHULZE',
      censusJoinedBefore: opened,
      amendmentIds: [adopted, rejected],
    },
    opened,
  );
  const definition = await roundDefinition(db(), first);
  const question = (amendmentId: string) =>
    definition.questions.find((q) => q.kind === 'YES_NO' && q.amendmentId === amendmentId)!.id;
  // Who voted what (adopted, rejected): seven for the first, three for the second; Nour did not vote.
  const votes: [Player, YesNoAnswer, YesNoAnswer][] = [
    ['alice', 'YES', 'NO'],
    ['moussa', 'ABSTAIN', 'ABSTAIN'],
    ['camille', 'YES', 'YES'],
    ['lucia', 'YES', 'YES'],
    ['yanis', 'NO', 'NO'],
    ['ines', 'YES', 'NO'],
    ['theo', 'YES', 'NO'],
    ['maya', 'YES', 'YES'],
    ['hugo', 'YES', 'NO'],
    ['sofia', 'NO', 'NO'],
  ];
  const receipts: DemoReceipt[] = [];
  for (const [i, [p, a, r]] of votes.entries()) {
    at(10 - (i + 1) / 24);
    const answers: Answers = { [question(adopted)]: a, [question(rejected)]: r };
    const receipt = await castBallot(
      { actor: cast[p], roundId: first, answers, definition },
      new Date(opened.getTime() + (i + 1) * 3600_000),
    );
    const email = (await db().member.findUniqueOrThrow({ where: { id: cast[p].id } })).email;
    if (['alice', 'moussa', 'camille', 'lucia', 'yanis'].includes(p))
      receipts.push({ email, round: 1, code: receipt.code });
  }
  // Counted at its closing time; the adopted amendment is then written into the text (applied).
  at(3);
  await closeRound(first, closed);
  at(2.9);
  await submitAmendment({ actor: cast.yanis, id: needsUpdate });
  at(2.8);
  await publishVersion({ actor: moussa, slug, note: 'Première version, après le premier vote sur le logement.' });

  // The process goes on: amendments in every other state, and a second round open for a few days.
  at(2.5);
  const competingA = await draft(AMENDMENTS.competingA);
  const competingB = await draft(AMENDMENTS.competingB);
  await submitAmendment({ actor: cast.camille, id: competingA });
  await submitAmendment({ actor: cast.yanis, id: competingB });
  await support(competingA, ['lucia', 'maya', 'sofia']);
  await support(competingB, ['ines', 'theo', 'nour']);
  for (const id of [competingA, competingB]) {
    await decideAdmissibility({ actor: moussa, id, admissible: true, reason: 'Conforme à la charte des listes.' });
  }
  at(2);
  const inVote = await admissible(AMENDMENTS.inVote, ['camille', 'hugo', 'nour']);
  await comment('maya', competingA, 'FOR', 'Les plus âgés sont ceux qui renoncent le plus à se déplacer.');
  await comment('nour', competingB, 'FOR', 'La gratuité totale est plus simple à expliquer et à contrôler.');
  await comment(
    'alice',
    competingB,
    'QUESTION',
    'Le budget des transports peut-il la financer dès la première année ?',
  );
  await comment('sofia', inVote, 'AGAINST', 'Mieux vaut plus de stations qu’un tarif plus bas.');
  at(1.8);
  const [housing, transport] = outline.chapters.map((c) => c.id);
  await moderationAtScale(cast, slug, { housing: housing!, transport: transport! }, competingB);
  at(1.6);
  await nameCommitteeAndRecommend(cast, slug, { competingA, competingB, inVote });

  at(1.5);
  const inadmissible = await draft(AMENDMENTS.inadmissible);
  await submitAmendment({ actor: cast.theo, id: inadmissible });
  await support(inadmissible, ['yanis', 'hugo', 'sofia']);
  await decideAdmissibility({
    actor: moussa,
    id: inadmissible,
    admissible: false,
    reason: 'Une commune ne peut pas lever d’impôt sur le revenu : hors du champ de la plateforme.',
  });
  at(1.2);
  const qualified = await draft(AMENDMENTS.qualified);
  await submitAmendment({ actor: cast.camille, id: qualified });
  await support(qualified, ['lucia', 'maya', 'theo']);
  await comment('yanis', qualified, 'QUESTION', 'Et les livraisons aux heures d’entrée ?');
  at(1);
  const submitted = await draft(AMENDMENTS.submitted);
  await submitAmendment({ actor: cast.yanis, id: submitted });
  await support(submitted, ['ines']);
  at(0.8);
  const withdrawn = await draft(AMENDMENTS.withdrawn);
  await submitAmendment({ actor: cast.yanis, id: withdrawn });
  await withdrawAmendment({ actor: cast.yanis, id: withdrawn });
  at(0.5);
  const coDrafted = await draft(AMENDMENTS.draft);
  const lucia = await db().member.findUniqueOrThrow({ where: { id: cast.lucia.id } });
  await inviteCoauthor({ actor: cast.camille, id: coDrafted, email: lucia.email });
  await answerInvitation({ actor: cast.lucia, id: coDrafted, accept: true });

  // Created as it opens, an hour ago, so that it opens at once (a round created earlier would wait for a sweep).
  at(1 / 24);
  const second = await createRound({
    actor: moussa,
    slug,
    title: 'Second vote : les mobilités',
    explanation:
      'Deux amendements concurrents sur la gratuité (classez-les, ou gardez le texte actuel) et un amendement ' +
      'sur le vélo. Majorité simple, sans quorum.',
    opensAt: new Date(now.getTime() - 3600_000),
    closesAt: new Date(now.getTime() + 4 * DAY),
    quorumPercent: 0,
    majority: { numerator: 1, denominator: 2 },
    method: 'SCHULZE',
    censusJoinedBefore: now,
    amendmentIds: [competingA, competingB, inVote],
  });
  // Some extra members voted already; the demo logins have not: they can.
  at(0.02);
  const open = await roundDefinition(db(), second);
  const rankings: Record<string, Player[]> = {
    [competingA]: ['maya', 'sofia'],
    [competingB]: ['ines', 'nour'],
  };
  for (const [winner, voters] of Object.entries(rankings)) {
    for (const p of voters) {
      const answers: Answers = Object.fromEntries(
        open.questions.map((q) => [q.id, q.kind === 'YES_NO' ? 'YES' : [[winner], [KEEP_CURRENT]]]),
      );
      await castBallot({ actor: cast[p], roundId: second, answers, definition: open });
    }
  }

  // Local groups: one validated by the moderators, one waiting for their decision.
  at(20);
  const lyon = await createGroup({
    actor: cast.lucia,
    name: 'Villes en commun – Lyon 7e',
    area: 'Lyon',
    description: 'Réunion publique chaque premier jeudi du mois à la Maison des associations.',
  });
  await decideGroup({
    actor: moussa,
    groupId: lyon,
    validate: true,
    reason: 'Groupe constitué, coordinatrice connue.',
  });
  for (const p of ['camille', 'maya', 'hugo'] as const) await joinGroup({ actor: cast[p], groupId: lyon });
  at(1);
  await createGroup({
    actor: cast.yanis,
    name: 'Villes en commun – Marseille Nord',
    area: 'Marseille',
    description: 'Un groupe en formation dans les 13e, 14e et 15e arrondissements.',
  });
  // Today: the drafting program's threshold, so that its amendments can qualify with the demo's own accounts.
  at(0);
  await updateProgramSettings({
    actor: moussa,
    slug: demoProgram.slug,
    phase: 'DRAFTING',
    phaseEndsAt: null,
    draftIsPublic: true,
    draftingAccess: 'ALL_MEMBERS',
    supportRule: 'ABSOLUTE',
    supportValue: 2,
    reason: 'Deux soutiens suffisent tant que le mouvement est petit.',
  });
  return receipts;
}
