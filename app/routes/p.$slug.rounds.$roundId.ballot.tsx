import { data, redirect, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { BallotQuestion } from '~/components/round/ballot-question.tsx';
import { ReceiptView } from '~/components/round/receipt.tsx';
import { Time } from '~/components/time.tsx';
import { ballotPaper } from '~/modules/voting/ballot-paper.server.ts';
import { BallotError, castBallot } from '~/modules/voting/ballots.server.ts';
import { mailBallotCode } from '~/modules/voting/binding.server.ts';
import { answersFromForm } from '~/modules/voting/voting.schema.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { ForbiddenError } from '~/utils/domain-errors.ts';
import { routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { STATUS_OF } from '~/utils/errors.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context, actor }) => {
  requireMember(request, context);
  const round = `/p/${params.slug}/rounds/${params.roundId}`;
  // Not open (yet or any more), or not in the census: no error, the round's page says which.
  // eslint-disable-next-line no-restricted-syntax -- a refusal to vote here is a redirect, not an error page
  return ballotPaper(actor, params.slug ?? '', params.roundId ?? '').catch((error: unknown) => {
    if (error instanceof ForbiddenError) throw redirect(round);
    throw error;
  });
});

/**
 * The ballot and the receipt are nobody else's: never kept by a cache, nor by the browser's history. Never
 * compressed either: a receipt is padded to one size per round, and compression would make its size depend on
 * the answers again (ADR 0014).
 */
const PRIVATE = 'no-store, no-transform';
export const headers: HeadersFunction = () => ({ 'Cache-Control': PRIVATE });

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  requireMember(request, context);
  if (intent === 'send-code') {
    // A binding round: a one-time code is mailed (refusals, e.g. too many codes, are answered by the wrapper).
    await mailBallotCode(actor, params.slug ?? '', params.roundId ?? '');
    return data(
      { receipt: null, error: null, problems: [], codeSent: true },
      { headers: { 'Cache-Control': PRIVATE } },
    );
  }
  // A refused ballot says which answers are wrong (`problems`) and, like the receipt, is never cached: it is
  // answered here, not by the wrapper's generic refusal.
  // eslint-disable-next-line no-restricted-syntax -- BallotError carries per-question problems the page shows
  const receipt = await castBallot({
    actor,
    roundId: params.roundId ?? '',
    slug: params.slug ?? '',
    answers: answersFromForm(form),
    code: typeof form.get('code') === 'string' ? String(form.get('code')) : undefined,
    address: context.clientAddress,
    afterCommit: context.afterAnswer,
  }).catch((error: unknown) => {
    if (error instanceof BallotError) return error;
    throw error;
  });
  if (receipt instanceof BallotError) {
    return data(
      { receipt: null, error: receipt.key, problems: receipt.problems },
      { status: STATUS_OF[receipt.kind], headers: { 'Cache-Control': PRIVATE } },
    );
  }
  // The receipt is shown once, here: the server keeps its code only inside the sealed ballot. Every field is
  // one length for every choice of the round (the answers padded), so the answer's size says nothing.
  return data(
    {
      receipt: { code: receipt.code, nonce: receipt.nonce, answers: receipt.paddedAnswers },
      error: null,
      problems: [],
    },
    { headers: { 'Cache-Control': PRIVATE } },
  );
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vote.title');

/** The ballot: yes / no / abstain on each amendment, a ranking for each collision group; then the receipt. */
export default function BallotPage() {
  const t = useT();
  const paper = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  if (result?.receipt) return <ReceiptView paper={paper} receipt={result.receipt} />;
  const refusal = refusalOf(result);
  const problemsOf = (questionId: string) =>
    (result?.problems ?? []).filter((p) => p.questionId === questionId).map((p) => p.key);
  const general = (result?.problems ?? []).filter((p) => p.questionId === null).map((p) => p.key);
  return (
    <article className="ballot">
      <p className="muted">
        <Link to="..">{t('rounds.numbered', { n: paper.round.number, title: paper.round.title })}</Link>
      </p>
      <h1>{t('vote.title')}</h1>
      <p>
        {t('vote.closesAt')} <Time value={paper.round.closesAt} style="datetime" />
      </p>
      <p className="notice">{paper.voted ? t('vote.againIntro') : t('vote.intro')}</p>
      {result?.error ? <ErrorList id="ballot-errors" errors={[result.error, ...general]} /> : null}
      {paper.round.binding ? (
        <div className="notice" data-testid="binding-round">
          <p>{paper.round.hasApp ? t('vote.code.introApp') : t('vote.code.intro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="send-code" />
            <button type="submit" className="button button-secondary" disabled={navigation.state !== 'idle'}>
              {t('vote.code.send')}
            </button>
          </Form>
          {result && 'codeSent' in result && result.codeSent ? <p role="status">{t('vote.code.sent')}</p> : null}
          {refusal ? <ErrorList errors={[refusal.message]} /> : null}
        </div>
      ) : null}
      <Form method="post" aria-describedby={result?.error ? 'ballot-errors' : undefined}>
        {paper.questions.map((q, qi) => (
          <BallotQuestion key={q.id} method={paper.round.method} q={q} qi={qi} problems={problemsOf(q.id)} />
        ))}
        {paper.round.binding ? (
          <div className="field">
            <label htmlFor="ballot-code">{t('vote.code.label')}</label>
            <input
              id="ballot-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={64}
              required
            />
          </div>
        ) : null}
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('vote.cast')}
        </button>
      </Form>
    </article>
  );
}
