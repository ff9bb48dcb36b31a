import type { Phase, RoundStatus } from '~/generated/prisma/enums.ts';
import { hasRole, type Actor } from './actor.ts';
import { canKnowProgram, canManageProgram, canReadDraft } from './program.ts';

type Program = { phase: Phase; draftIsPublic: boolean };

/** Whoever reads the program reads its rounds: their rules, census size, turnout and, after the close, results. */
export function canReadRounds(actor: Actor, program: Program): boolean {
  return canReadDraft(actor, program);
}

/**
 * A closed round is public record: its rules, results and ballot board, for whoever may know the program. What
 * "public from the moment they exist" means (issue 17, item 9): once a program is visible to the public (its draft
 * is open, or a version of it is published: canKnowProgram), each of its rounds is public from its close, in
 * whatever phase the program is; nothing waits for PUBLISHED. A program hidden from the public (draft closed,
 * nothing published) stays hidden, and its rounds with it: for a visitor, they do not exist. A round not yet
 * closed goes with the draft (canReadRounds): only readers of the draft see it scheduled or open.
 */
export function canReadRound(
  actor: Actor,
  program: Program & { published: boolean },
  round: { status: RoundStatus },
): boolean {
  return canReadRounds(actor, program) || (round.status === 'CLOSED' && canKnowProgram(actor, program));
}

/** Moderators create rounds and move their closing time, while the program takes amendments or votes. */
export function canManageRounds(actor: Actor, program: Program): boolean {
  return canManageProgram(actor, program) && (program.phase === 'AMENDING' || program.phase === 'VOTING');
}

/** A member of the round's census votes while it is open, as often as they like: the last ballot counts. */
export function canVote(
  actor: Actor,
  round: { status: RoundStatus; opensAt: Date; closesAt: Date },
  inCensus: boolean,
  now = new Date(),
): boolean {
  return (
    hasRole(actor, 'MEMBER') && inCensus && round.status === 'OPEN' && now >= round.opensAt && now < round.closesAt
  );
}

/**
 * Results exist for nobody before the close, moderators and administrators included: the ballots are sealed
 * with a key the database does not hold (docs/decisions/0014-secret-verifiable-ballots.md). Only turnout shows.
 */
export function canSeeResults(round: { status: RoundStatus }): boolean {
  return round.status === 'CLOSED';
}

/**
 * Who voted in a closed round (the roll: names, never answers) is for the members of its census, who may check
 * it, and for moderators, who settle reports about it; never for the public nor for members outside the census:
 * being a member of a movement may be sensitive (docs/decisions/0032-voter-roll.md). Nobody sees it before the
 * close, when who has voted yet would say who still may.
 */
export function canSeeRoll(actor: Actor, round: { status: RoundStatus }, inCensus: boolean): boolean {
  return round.status === 'CLOSED' && ((hasRole(actor, 'MEMBER') && inCensus) || hasRole(actor, 'MODERATOR'));
}

/** A member on a closed round's roll may tell the moderators they did not vote (once per round). */
export function canReportRoll(actor: Actor, round: { status: RoundStatus }, onRoll: boolean): boolean {
  return round.status === 'CLOSED' && hasRole(actor, 'MEMBER') && onRoll;
}
