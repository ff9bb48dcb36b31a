import type { SerializeFrom } from '@remix-run/node';
import { Link, useLocation } from '@remix-run/react';
import type { RoundView } from '~/modules/voting/round-view.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

type View = SerializeFrom<RoundView>;

/**
 * The reader's own part in a round: while it is open, whether they voted and the link to (re)vote, or why they
 * may not; once closed, whether their ballot was counted and, for those who may, the voter roll.
 */
export function MyVote({ view }: { view: View }) {
  const { round, me } = view;
  if (round.status === 'OPEN') return <MyVoteWhileOpen view={view} />;
  if (round.status === 'CLOSED' && (me.inCensus || me.canSeeRoll)) return <MyBallotOnceClosed view={view} />;
  return null;
}

function MyVoteWhileOpen({ view: { round, me } }: { view: View }) {
  const t = useT();
  const formatDate = useFormatDate();
  const location = useLocation();
  return (
    <section aria-labelledby="vote-title" className="card">
      <h2 id="vote-title">{t('rounds.yourVote')}</h2>
      {me.canVote ? (
        <>
          <p data-testid="my-vote">
            {me.voted
              ? t('rounds.votedAgain', { closes: formatDate(round.closesAt, 'datetime') })
              : t('rounds.notVotedYet')}
          </p>
          <Link to="ballot" className="button">
            {me.voted ? t('rounds.changeVote') : t('rounds.vote')}
          </Link>
        </>
      ) : !me.signedIn ? (
        <p data-testid="my-vote">
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('rounds.logInToVote')}</Link>
        </p>
      ) : (
        <p data-testid="my-vote">
          {me.inCensus
            ? t('rounds.cannotVote')
            : me.outsideRegister
              ? me.outsideRegister.key === 'expired'
                ? t('rounds.notInRegister.expired', { date: formatDate(me.outsideRegister.date, 'day') })
                : t(`rounds.notInRegister.${me.outsideRegister.key}`)
              : t('rounds.notInCensus')}
        </p>
      )}
      <p className="field-hint">{t('rounds.secrecyLine')}</p>
    </section>
  );
}

function MyBallotOnceClosed({ view: { me } }: { view: View }) {
  const t = useT();
  return (
    <section aria-labelledby="my-ballot-title" className="card">
      <h2 id="my-ballot-title">{t('rounds.yourVote')}</h2>
      {me.inCensus ? (
        <p data-testid="my-vote">{me.counted ? t('rounds.ballotCounted') : t('rounds.notOnRoll')}</p>
      ) : null}
      {me.canSeeRoll ? (
        <p>
          <Link to="roll">{t('rounds.rollLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}
