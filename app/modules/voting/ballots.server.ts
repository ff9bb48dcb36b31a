import type { Actor } from '~/policies/actor.ts';
import { hasRole } from '~/policies/actor.ts';
import { canVote } from '~/policies/round.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { metrics } from '~/utils/metrics.server.ts';
import type { RequestContext } from '~/utils/request-context.ts';
import { canonicalAnswers, newNonce, trackingCode, validateAnswers } from './board.ts';
import type { AnswerError } from './board.ts';

import { answersOf, closingBoardSha256 } from './ballot-board.server.ts';
import { castingRules } from './definition.server.ts';
import { RoundKeyMissing, roundKey, seal, slotOf, unseal } from './keys.server.ts';
import { encodeReceiptAnswers } from './receipt.ts';
import { mailBallotConfirmation } from './ballot-mail.server.ts';
import { tallyRound } from './tally.ts';
import type { Answers, RoundDefinition } from './types.ts';
import { DomainError, NotFoundError, type DomainErrorKind } from '~/utils/domain-errors.ts';
import { bindingCodeProblem, type BindingCodeProblem } from './binding.server.ts';

/**
 * Ballots (docs/decisions/0014-secret-verifiable-ballots.md). Casting writes two rows that share nothing: the
 * voter roll says that a member voted; the ballot, with a random id and no time, holds the answers sealed with the
 * round's key, in the voter's slot (a keyed hash of the member) so that a new ballot replaces the last one. The
 * voter gets a tracking code derived from the answers and a random value; the server keeps it only inside the
 * sealed ballot. At the close every ballot is opened, counted and rewritten in the order of its code, without slot.
 * The board they make, once published, is read in ballot-board.server.ts.
 */

type AfterAnswer = RequestContext['afterAnswer'];

/** A ballot refused as a whole: the round is not open, the member is not in its census, or answers are wrong. */
export class BallotError extends DomainError {
  declare readonly key:
    | 'vote.errors.closed'
    | 'vote.errors.notOpenYet'
    | 'vote.errors.notInCensus'
    | 'vote.errors.invalidAnswers'
    | 'vote.errors.tooFast'
    | BindingCodeProblem;
  constructor(
    key: BallotError['key'],
    public readonly problems: AnswerError[] = [],
  ) {
    super(KIND_OF[key] ?? 'conflict', key);
  }
}

const KIND_OF: Partial<Record<BallotError['key'], DomainErrorKind>> = {
  'vote.errors.tooFast': 'throttled',
  'vote.errors.codeThrottled': 'throttled',
  'vote.errors.invalidAnswers': 'invalid',
  'vote.errors.codeRequired': 'invalid',
  'vote.errors.codeWrong': 'invalid',
};

export interface Receipt {
  roundId: string;
  code: string;
  nonce: string;
  answers: Answers;
  /**
   * The answers as the receipt page carries them: one length for every ballot of the round, so that the page's
   * size says nothing of them (see ./receipt.ts).
   */
  paddedAnswers: string;
  /** The voter had voted before: this ballot replaced their last one. */
  replaced: boolean;
}

/**
 * Casts (or casts again) the actor's ballot. Everything is checked before anything is written, and the roll
 * entry and the ballot are written in one transaction that holds the round open against its close.
 */
export async function castBallot(
  props: {
    actor: Actor;
    roundId: string;
    answers: unknown;
    definition?: RoundDefinition;
    slug?: string;
    /** A binding round's one-time code, and the client's address for its throttle (ADR 0027). */
    code?: string;
    address?: string;
    /**
     * Runs work once the answer is sent (the request context's afterAnswer): the voter's confirmation mail goes
     * through it, after the commit (docs/decisions/0032-voter-roll.md). Without it (benchmarks, counting tests)
     * no mail is sent.
     */
    afterCommit?: AfterAnswer;
  },
  now = new Date(),
): Promise<Receipt> {
  const actor = props.actor;
  if (!hasRole(actor, 'MEMBER')) throw new BallotError('vote.errors.notInCensus');
  await mayVote(actor, props.roundId, props.slug, now);
  const rules = props.definition ? { definition: props.definition } : await castingRules(props.roundId);
  const definition = rules.definition;
  const checked = validateAnswers(definition, props.answers);
  if (!checked.ok) throw new BallotError('vote.errors.invalidAnswers', checked.errors);
  if (!castAllowed(`${props.roundId}:${actor.id}`, now.getTime())) throw new BallotError('vote.errors.tooFast');
  const codeProblem = await bindingCodeProblem({
    memberId: actor.id,
    roundId: props.roundId,
    binding: 'binding' in rules ? rules.binding : undefined,
    code: props.code,
    address: props.address,
  });
  if (codeProblem) throw new BallotError(codeProblem);
  const canonical = canonicalAnswers(definition, checked.answers);
  const nonce = newNonce();
  const code = trackingCode(props.roundId, canonical, nonce);
  const key = await roundKey(props.roundId).catch(async (error: unknown) => {
    // A close that committed since mayVote() has destroyed the key: to the voter, the round is closed.
    if (!(error instanceof RoundKeyMissing)) throw error;
    const round = await db().votingRound.findUnique({ where: { id: props.roundId }, select: { status: true } });
    if (round?.status === 'CLOSED') throw new BallotError('vote.errors.closed');
    throw error;
  });
  const slot = slotOf(key, actor.id);
  const sealed = seal(key, JSON.stringify({ answers: canonical, nonce, code }), sealedSize(definition));
  // One statement, so one round trip and its own transaction: the round is held open against its close (FOR
  // SHARE: casts run side by side, the close's FOR UPDATE waits for those under way), the census checked, the
  // roll entry and the ballot written only if both hold.
  const [outcome] = await db().$queryRaw<{ open: number; census: number; first: number; stored: number }[]>`
    WITH round AS (
      SELECT id FROM "VotingRound"
      WHERE id = ${props.roundId} AND status = 'OPEN' AND "opensAt" <= ${now} AND "closesAt" > ${now}
      FOR SHARE
    ), census AS (
      SELECT 1 FROM "CensusEntry"
      WHERE "roundId" = ${props.roundId} AND "memberId" = ${actor.id} AND EXISTS (SELECT 1 FROM round)
    ), roll AS (
      INSERT INTO "VoterRoll" (id, "roundId", "memberId")
      SELECT ${newId()}, ${props.roundId}, ${actor.id} WHERE EXISTS (SELECT 1 FROM census)
      ON CONFLICT ("roundId", "memberId") DO NOTHING
      RETURNING 1
    ), turnout AS (
      -- Turnout over time: a count per hour (16 shards), raised at a first ballot only, never per member (ADR 0028).
      INSERT INTO "TurnoutCount" ("roundId", hour, shard, voters)
      SELECT ${props.roundId}, ${hourOf(now)}, floor(random() * 16)::int, 1 WHERE EXISTS (SELECT 1 FROM roll)
      ON CONFLICT ("roundId", hour, shard) DO UPDATE SET voters = "TurnoutCount".voters + 1
      RETURNING 1
    ), ballot AS (
      INSERT INTO "Ballot" (id, "roundId", slot, sealed)
      SELECT ${newId()}, ${props.roundId}, ${slot}, ${sealed} WHERE EXISTS (SELECT 1 FROM census)
      ON CONFLICT ("roundId", slot) DO UPDATE SET sealed = EXCLUDED.sealed
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM round)::int AS open, (SELECT count(*) FROM census)::int AS census,
           (SELECT count(*) FROM roll)::int AS first, (SELECT count(*) FROM ballot)::int AS stored`;
  if (!outcome?.open) {
    const round = await db().votingRound.findUnique({ where: { id: props.roundId }, select: { opensAt: true } });
    throw new BallotError(round && round.opensAt > now ? 'vote.errors.notOpenYet' : 'vote.errors.closed');
  }
  if (!outcome.census) throw new BallotError('vote.errors.notInCensus');
  if (outcome.stored !== 1) throw new Error('the ballot was not stored');
  metrics().ballotsCast.inc();
  const replaced = outcome.first === 0;
  // Committed: the voter hears when (never what), so that a ballot cast in their name does not go unnoticed.
  props.afterCommit?.('a ballot confirmation', () =>
    mailBallotConfirmation({ memberId: actor.id, roundId: props.roundId, replaced, at: now }),
  );
  const paddedAnswers = encodeReceiptAnswers(canonical, Buffer.byteLength(longestCanonical(definition), 'utf8'));
  return { roundId: props.roundId, code, nonce, answers: checked.answers, paddedAnswers, replaced };
}

/** The start of the hour a time falls in (UTC): turnout is counted per hour. */
export function hourOf(time: Date): Date {
  return new Date(Math.floor(time.getTime() / 3_600_000) * 3_600_000);
}

/**
 * The longest canonical answers a round allows: every yes/no answered ABSTAIN, every ranking one alternative per
 * rank. Sealed ballots and receipts are padded to it, so that sizes say nothing of answers.
 */
function longestCanonical(definition: RoundDefinition): string {
  const longest: Answers = {};
  for (const q of definition.questions) {
    longest[q.id] = q.kind === 'YES_NO' ? 'ABSTAIN' : q.alternatives.map((a) => [a.id]);
  }
  return canonicalAnswers(definition, longest);
}

/** The length every sealed ballot of a round is padded to: that of the longest possible content. */
export function sealedSize(definition: RoundDefinition): number {
  const content = JSON.stringify({
    answers: longestCanonical(definition),
    nonce: newNonce(),
    code: 'XXXX-XXXX-XXXX-XXXX',
  });
  return Buffer.byteLength(content, 'utf8');
}

/**
 * A voter may change their mind, not flood the server: at most CAST_LIMIT ballots a minute per voter and round
 * (in this process). Nothing about it is stored.
 */
const CAST_LIMIT = 10;
const recentCasts = new Map<string, number[]>();
function castAllowed(key: string, now: number): boolean {
  const recent = (recentCasts.get(key) ?? []).filter((t) => now - t < 60_000);
  if (recent.length >= CAST_LIMIT) return false;
  recent.push(now);
  recentCasts.set(key, recent);
  if (recentCasts.size > 100_000) {
    for (const [k, times] of recentCasts) if (times.every((t) => now - t >= 60_000)) recentCasts.delete(k);
  }
  return true;
}

/**
 * The policy's answer (canVote) before anything is sealed. The cast's one statement checks the same facts again
 * under lock, since the round may close between the two: this is the rule, that is the race's guard.
 */
async function mayVote(actor: NonNullable<Actor>, roundId: string, slug: string | undefined, now: Date) {
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    select: {
      status: true,
      opensAt: true,
      closesAt: true,
      program: { select: { slug: true } },
      census: { where: { memberId: actor.id }, select: { memberId: true } },
    },
  });
  if (!round || (slug !== undefined && round.program.slug !== slug)) throw new NotFoundError(`round ${roundId}`);
  if (canVote(actor, round, round.census.length > 0, now)) return;
  // The policy said no: the voter is told which of its conditions failed.
  if (round.status === 'CLOSED' || now >= round.closesAt) throw new BallotError('vote.errors.closed');
  if (round.status !== 'OPEN' || now < round.opensAt) throw new BallotError('vote.errors.notOpenYet');
  throw new BallotError('vote.errors.notInCensus');
}

/**
 * At the close (inside its transaction): opens every sealed ballot, counts them, and rewrites them as the public
 * board, sorted by tracking code, with new ids and without slots. Returns the results and the board's SHA-256.
 */
export async function closeBallots(tx: Tx, definition: RoundDefinition) {
  const key = await roundKey(definition.id);
  const rows = await tx.$queryRaw<{ sealed: Uint8Array }[]>`
    SELECT sealed FROM "Ballot" WHERE "roundId" = ${definition.id} AND sealed IS NOT NULL`;
  const ballots = rows.map((row) => {
    const ballot = JSON.parse(unseal(key, row.sealed)) as { answers: string; nonce: string; code: string };
    // Sealed ballots cannot be altered (GCM) and were checked when cast; checked again, since they are counted.
    const checked = validateAnswers(definition, answersOf(ballot.answers));
    if (!checked.ok || trackingCode(definition.id, ballot.answers, ballot.nonce) !== ballot.code) {
      throw new Error('a sealed ballot does not match its round');
    }
    return ballot;
  });
  ballots.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const parsed = ballots.map((b) => ({ answers: answersOf(b.answers) }));
  const results = tallyRound(definition, parsed);
  await tx.$executeRaw`DELETE FROM "Ballot" WHERE "roundId" = ${definition.id}`;
  for (let i = 0; i < ballots.length; i += 5000) {
    const chunk = ballots.slice(i, i + 5000);
    await tx.$executeRaw`
      INSERT INTO "Ballot" (id, "roundId", code, nonce, answers)
      SELECT unnest(${chunk.map(() => newId())}::text[]), ${definition.id}, unnest(${chunk.map((b) => b.code)}::text[]),
             unnest(${chunk.map((b) => b.nonce)}::text[]), unnest(${chunk.map((b) => b.answers)}::text[])`;
  }
  // The roll's size is stated beside the ballots: one roll entry per counted ballot, which anyone can check.
  const rollSize = await tx.voterRoll.count({ where: { roundId: definition.id } });
  return { results, rollSize, boardSha256: await closingBoardSha256(tx, definition, ballots, results, rollSize) };
}
