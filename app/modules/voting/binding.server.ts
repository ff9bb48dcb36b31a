import { randomInt } from 'node:crypto';
import { TokenPurpose } from '~/generated/prisma/enums.ts';
import { t } from '~/i18n/index.ts';
import { enforce, hasRole, type Actor } from '~/policies/actor.ts';
import { canVote } from '~/policies/round.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { mailLocale } from '../members/accounts.server.ts';
import { ThrottledError } from '../members/errors.ts';
import { hashToken } from '../members/tokens.server.ts';
import { checkSecondFactor, TwoFactorError } from '../members/two-factor.server.ts';

// Binding rounds (ADR 0027): a ballot comes with a one-time code, mailed for ten minutes, or the voter's
// authenticator code. The check runs before the cast: without a right code, nothing is stored.

const BALLOT_CODE_TTL_MS = 10 * 60_000;
/** At most this many codes mailed to one member an hour, whatever the round: the form must not become a mail bomb. */
export const MAX_BALLOT_CODES_PER_HOUR = 5;

/** The stored form of a mailed code: the SHA-256 of the round, the member and the code together. */
function ballotCodeId(roundId: string, memberId: string, code: string) {
  return hashToken(`ballot:${roundId}:${memberId}:${code}`);
}

/** Mails the voter a six-digit code for this binding round, valid ten minutes and once. */
export async function mailBallotCode(actor: Actor, slug: string, roundId: string, now = new Date()): Promise<void> {
  enforce(hasRole(actor, 'MEMBER'), actor, 'round.vote');
  const round = await db().votingRound.findUnique({
    where: { id: roundId },
    select: {
      binding: true,
      status: true,
      opensAt: true,
      closesAt: true,
      number: true,
      title: true,
      program: { select: { slug: true } },
      census: { where: { memberId: actor.id }, select: { memberId: true } },
    },
  });
  if (!round || round.program.slug !== slug) throw new NotFoundError(`round ${roundId}`);
  enforce(canVote(actor, round, round.census.length > 0, now), actor, 'round.vote');
  if (!round.binding) throw new DomainError('conflict', 'vote.code.notBinding');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const member = await db().$transaction(async (tx) => {
    // The member's row is locked while counting: a burst of requests gets no more codes than a sequence.
    await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${actor.id} FOR UPDATE`;
    const recent = await tx.emailToken.count({
      where: {
        memberId: actor.id,
        purpose: TokenPurpose.BALLOT_CODE,
        createdAt: { gt: new Date(now.getTime() - 3600_000) },
      },
    });
    if (recent >= MAX_BALLOT_CODES_PER_HOUR) throw new DomainError('throttled', 'vote.code.tooMany');
    const row = await tx.member.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, locale: true } });
    await tx.emailToken.create({
      data: {
        id: ballotCodeId(roundId, actor.id, code),
        memberId: actor.id,
        purpose: TokenPurpose.BALLOT_CODE,
        email: row.email,
        expiresAt: new Date(now.getTime() + BALLOT_CODE_TTL_MS),
      },
    });
    return row;
  });
  const locale = await mailLocale(member.locale);
  await sendMail({
    to: member.email,
    subject: t(locale, 'mail.ballotCode.subject', { code }),
    text: t(locale, 'mail.ballotCode.body', { code, round: `${round.number}. ${round.title}` }),
  });
}

/** Why a ballot's code is refused, if it is. */
export type BindingCodeProblem = 'vote.errors.codeRequired' | 'vote.errors.codeWrong' | 'vote.errors.codeThrottled';

/**
 * In a binding round, checks (and uses up) the code that came with a ballot: the voter's authenticator code, or a
 * code mailed for this round. Null when the round is not binding or the code is right; throttled like logins.
 */
export async function bindingCodeProblem(props: {
  memberId: string;
  roundId: string;
  /** Whether the round is binding, when the caller read it already. */
  binding?: boolean;
  code?: string;
  address?: string;
}): Promise<BindingCodeProblem | null> {
  const binding =
    props.binding ??
    (await db().votingRound.findUnique({ where: { id: props.roundId }, select: { binding: true } }))?.binding;
  if (!binding) return null;
  const code = props.code?.trim() ?? '';
  if (!code) return 'vote.errors.codeRequired';
  const member = await db().member.findUniqueOrThrow({
    where: { id: props.memberId },
    select: { id: true, totpSecret: true, totpEnabledAt: true },
  });
  const mailed = async (typed: string) => {
    if (!/^\d{6}$/.test(typed)) return false;
    const { count } = await db().emailToken.updateMany({
      where: {
        id: ballotCodeId(props.roundId, member.id, typed),
        memberId: member.id,
        purpose: TokenPurpose.BALLOT_CODE,
        usedAt: null,
        expiresAt: { gt: new Date() },
      },
      data: { usedAt: new Date() },
    });
    return count === 1;
  };
  try {
    await checkSecondFactor({ member, code, address: props.address ?? 'unknown', recovery: false, other: mailed });
    return null;
  } catch (error) {
    if (error instanceof ThrottledError) return 'vote.errors.codeThrottled';
    if (error instanceof TwoFactorError) return 'vote.errors.codeWrong';
    throw error;
  }
}
