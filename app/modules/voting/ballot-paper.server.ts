import { enforce, type Actor } from '~/policies/actor.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { canManageProgram } from '~/policies/program.ts';
import { canManageRounds, canVote } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { diffWords } from '../amendments/diff.ts';
import { docToDiffText, docToPlainText, type DocNode } from '~/rich-text/document.ts';
import { loadProgramFacts } from '../programs/programs.server.ts';
import { KEEP_CURRENT } from './types.ts';
import { recommendationsFor } from '../committee/committee.server.ts';
import { NotFoundError } from '~/utils/domain-errors.ts';
import { keptRead } from '~/utils/kept-reads.server.ts';

/**
 * What a voter reads on the ballot (each amendment's change and a summary of its debate), and what a moderator
 * chooses from when creating a round (admissible amendments, collision groups together).
 */

const EMPTY: DocNode = { type: 'doc', content: [] };
const EXCERPT = 280;

function excerpt(body: unknown) {
  const text = docToPlainText(readStoredDoc(body, 'ballot text')).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/** An amendment as the ballot shows it: its change against the section, and the debate in brief. */
async function amendmentOnBallot(id: string) {
  const a = await db().amendment.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      title: true,
      kind: true,
      newTitle: true,
      baseText: true,
      proposedText: true,
      justification: true,
      section: { select: { id: true, title: true } },
    },
  });
  const base = a.kind === 'ADD' ? EMPTY : readStoredDoc(a.baseText, 'amendment.baseText');
  const proposed = a.kind === 'DELETE' ? EMPTY : readStoredDoc(a.proposedText ?? a.baseText, 'amendment.proposedText');
  const comments = await db().comment.findMany({
    where: { amendmentId: id, hiddenAt: null },
    select: { stance: true, body: true, parentId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  // The drafting committee's recommendation, beside the question (ADR 0037).
  const recommendation = (await recommendationsFor(db(), [id])).get(id) ?? null;
  const count = (stance: string) => comments.filter((c) => c.stance === stance).length;
  const first = (stance: string) => {
    const c = comments.find((x) => x.stance === stance && !x.parentId);
    return c ? excerpt(c.body) : null;
  };
  return {
    id: a.id,
    title: a.title,
    kind: a.kind,
    /** For a new section: its title, which the text alone does not show. */
    newTitle: a.newTitle,
    justification: a.justification,
    section: a.section,
    recommendation,
    // Lists keep their bullets and numbers: the change reads as on the amendment's page.
    diff: diffWords(docToDiffText(base), docToDiffText(proposed)),
    arguments: {
      for: count('FOR'),
      against: count('AGAINST'),
      questions: count('QUESTION'),
      firstFor: first('FOR'),
      firstAgainst: first('AGAINST'),
    },
  };
}

export type AmendmentOnBallot = Awaited<ReturnType<typeof amendmentOnBallot>>;

/**
 * The tables a round's questions, as the ballot shows them, are read from: kept while none is written (ADR 0048).
 * A voting rush writes none of them (the ballot, the roll and the turnout are not read here); a comment, a
 * recommendation or a change to the round has the next ballot read again.
 */
const QUESTION_TABLES = ['VotingRound', 'RoundQuestion', 'Amendment', 'Section', 'Comment', 'Recommendation'];

/** A round with its questions, in their order. */
function roundWithQuestions(roundId: string) {
  return db().votingRound.findUnique({
    where: { id: roundId },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
}
type RoundWithQuestions = NonNullable<Awaited<ReturnType<typeof roundWithQuestions>>>;

/** The questions of a round as its ballot asks them, the same for every voter. */
async function questionsOf(round: RoundWithQuestions) {
  const questions = [];
  for (const q of round.questions) {
    if (q.kind === 'YES_NO') {
      questions.push({
        id: q.id,
        kind: 'YES_NO' as const,
        title: q.title,
        /** The question's own majority, of the yes and no votes. */
        majority: { numerator: q.majorityNumerator, denominator: q.majorityDenominator },
        amendments: [await amendmentOnBallot(q.amendmentId!)],
      });
    } else {
      const alternatives = (q.alternatives as { id: string; label: string }[]).filter((a) => a.id !== KEEP_CURRENT);
      const amendments = [];
      for (const a of alternatives) amendments.push(await amendmentOnBallot(a.id));
      questions.push({ id: q.id, kind: 'PREFERENTIAL' as const, title: q.title, amendments });
    }
  }
  return questions;
}

/**
 * The round and its questions as the ballot shows them, read once for every voter while none of their tables is
 * written (a voting rush reads the ballot for every ballot cast: its answer shows the receipt on it).
 */
function sharedBallot(roundId: string) {
  return keptRead(`ballot:${roundId}`, QUESTION_TABLES, async () => {
    const round = await roundWithQuestions(roundId);
    return round ? { round, questions: await questionsOf(round) } : null;
  });
}

/** The ballot of an open round, for a member who may vote in it. */
export async function ballotPaper(actor: Actor, slug: string, roundId: string, now = new Date()) {
  const program = await loadProgramFacts(db(), actor, { slug });
  const ballot = await sharedBallot(roundId);
  if (!ballot || ballot.round.programId !== program.id) throw new NotFoundError(`round ${roundId}`);
  const { round, questions } = ballot;
  const inCensus = actor ? (await db().censusEntry.count({ where: { roundId, memberId: actor.id } })) > 0 : false;
  enforce(canVote(actor, round, inCensus, now), actor, 'round.vote');
  const voted = actor ? (await db().voterRoll.count({ where: { roundId, memberId: actor.id } })) > 0 : false;
  // A binding round asks for a code: the voter's app's, if they have one, or a mailed one (ADR 0027).
  const hasApp =
    round.binding && actor
      ? !!(await db().member.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } }))?.totpEnabledAt
      : false;
  return {
    round: {
      id: round.id,
      number: round.number,
      title: round.title,
      closesAt: round.closesAt,
      method: round.method,
      binding: round.binding,
      hasApp,
    },
    questions,
    voted,
  };
}

/** Admissible amendments not yet in a round, grouped as they would be asked (moderators creating a round). */
export async function votableAmendments(actor: Actor, slug: string) {
  const program = await loadProgramFacts(db(), actor, { slug });
  enforce(canManageProgram(actor, program), actor, 'round.create');
  // A moderator is told why no round can be created now (the phase), not that their account lacks access.
  if (!canManageRounds(actor, program)) {
    return { choices: [], program: { slug: program.slug, phase: program.phase }, wrongPhase: true };
  }
  const rows = await db().amendment.findMany({
    where: { programId: program.id, status: 'ADMISSIBLE', roundId: null },
    select: {
      id: true,
      title: true,
      collisionGroup: true,
      needsUpdate: true,
      section: { select: { title: true } },
    },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const groups = new Map<string, typeof rows>();
  const choices: { group: string | null; amendments: typeof rows }[] = [];
  for (const row of rows) {
    if (row.collisionGroup) {
      const list = groups.get(row.collisionGroup);
      if (list) {
        list.push(row);
        continue;
      }
      groups.set(row.collisionGroup, [row]);
      choices.push({ group: row.collisionGroup, amendments: groups.get(row.collisionGroup)! });
    } else {
      choices.push({ group: null, amendments: [row] });
    }
  }
  return { choices, program: { slug: program.slug, phase: program.phase }, wrongPhase: false };
}
