import { t } from '~/i18n/index.ts';
import { appConfig } from '~/utils/config.server.ts';
import { db } from '~/utils/db.server.ts';
import { sendMail } from '~/utils/mail.server.ts';
import { mailLocale } from '../members/accounts.server.ts';
import { keptRead } from '~/utils/kept-reads.server.ts';

/** A formatter per language: making one costs more than the rest of the mail (a voting rush mails every voter). */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string) {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format;
}

/**
 * The mail a voter gets at each ballot (docs/decisions/0032-voter-roll.md): when it was recorded, or replaced,
 * and what to do if it was not them; never what it says. Sent after the cast's commit, so a ballot refused or
 * rolled back mails nothing. The text is the same for every choice of the round.
 */
export async function mailBallotConfirmation(props: {
  memberId: string;
  roundId: string;
  /** The member had voted before: this ballot replaced their last one. */
  replaced: boolean;
  at: Date;
}): Promise<void> {
  const [member, round] = await Promise.all([
    db().member.findUnique({
      where: { id: props.memberId },
      select: { email: true, locale: true, deletedAt: true },
    }),
    // The same for every voter of the round: read once for all while the round and its program are not written.
    keptRead(`ballotMail:${props.roundId}`, ['VotingRound', 'Program'], () =>
      db().votingRound.findUnique({
        where: { id: props.roundId },
        select: {
          id: true,
          number: true,
          title: true,
          closesAt: true,
          program: { select: { slug: true, title: true } },
        },
      }),
    ),
  ]);
  if (!member || member.deletedAt || !round) return;
  const locale = await mailLocale(member.locale);
  const origin = appConfig().publicOrigin;
  const format = dateFormat(locale);
  const values = {
    program: round.program.title,
    title: round.title,
    n: round.number,
    at: `${format.format(props.at)} UTC`,
    closes: `${format.format(round.closesAt)} UTC`,
    link: `${origin}/p/${round.program.slug}/rounds/${round.id}`,
    reset: `${origin}/forgot-password`,
  };
  await sendMail({
    to: member.email,
    subject: t(locale, props.replaced ? 'mail.ballot.replacedSubject' : 'mail.ballot.subject', values),
    text: t(locale, props.replaced ? 'mail.ballot.replacedBody' : 'mail.ballot.body', values),
  });
}
