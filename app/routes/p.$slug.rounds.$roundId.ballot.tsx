import { data, redirect, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react';
import { RecommendationNote } from '~/components/committee/recommendation.tsx';
import { DiffView } from '~/components/diff-view.tsx';
import { useMajorityWords } from '~/components/round/rules.tsx';
import { ErrorList } from '~/components/forms.tsx';
import { Time } from '~/components/time.tsx';
import { ballotPaper, type AmendmentOnBallot } from '~/modules/voting/ballot-paper.server.ts';
import { BallotError, castBallot } from '~/modules/voting/ballots.server.ts';
import { mailBallotCode } from '~/modules/voting/binding.server.ts';
import {
  decodeReceiptAnswers,
  htmlTextBytes,
  longestRankingBytes,
  padHtmlText,
  rankingText,
} from '~/modules/voting/receipt.ts';
import { answersFromForm, rankFormValue, YES_NO_FORM_VALUES } from '~/modules/voting/voting.schema.ts';

import { requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { ForbiddenError } from '~/utils/domain-errors.ts';
import { routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { STATUS_OF } from '~/utils/errors.server.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

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
  const majorityWords = useMajorityWords();
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
          <fieldset key={q.id} className="question card" data-testid={`question-${qi + 1}`}>
            <legend>
              <h2>
                {qi + 1}. {q.kind === 'YES_NO' ? q.title : t('vote.rankTitle')}
              </h2>
            </legend>
            {q.kind === 'YES_NO' ? (
              <>
                <p data-testid="question-majority">{t('count.adoptedIf', { rule: majorityWords(q.majority) })}</p>
                <AmendmentBrief amendment={q.amendments[0]!} />
                <div className="choices" role="radiogroup" aria-label={q.title}>
                  {(['YES', 'NO', 'ABSTAIN'] as const).map((answer) => (
                    <span className="field-checkbox" key={answer}>
                      <input
                        type="radio"
                        id={`q-${q.id}-${answer}`}
                        name={`q.${q.id}`}
                        value={YES_NO_FORM_VALUES[answer]}
                        required
                      />
                      <label htmlFor={`q-${q.id}-${answer}`}>
                        {t(answer === 'YES' ? 'vote.yes' : answer === 'NO' ? 'vote.no' : 'vote.abstain')}
                      </label>
                    </span>
                  ))}
                </div>
              </>
            ) : (
              <>
                <div data-testid="ranking-rules">
                  <p>{t('vote.rankIntro')}</p>
                  <p>
                    {t(`vote.rankHow.${paper.round.method}`)} {t('count.ties.current')}
                  </p>
                </div>
                <RankSelect questionId={q.id} id="keep" label={t('vote.keepCurrent')} size={q.amendments.length + 1} />
                {q.amendments.map((a) => (
                  <div key={a.id} className="alternative">
                    <RankSelect questionId={q.id} id={a.id} label={a.title} size={q.amendments.length + 1} />
                    <AmendmentBrief amendment={a} />
                  </div>
                ))}
              </>
            )}
            <ErrorList errors={problemsOf(q.id)} />
          </fieldset>
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

function RankSelect({ questionId, id, label, size }: { questionId: string; id: string; label: string; size: number }) {
  const t = useT();
  return (
    <div className="field field-inline">
      <label htmlFor={`rank-${questionId}-${id}`}>{t('vote.rankOf', { title: label })}</label>
      {/* Values of one length ("0" or "00" unranked): the ballot's size on the wire says nothing of the ranks. */}
      <select id={`rank-${questionId}-${id}`} name={`rank.${questionId}.${id}`} defaultValue={rankFormValue(0, size)}>
        <option value={rankFormValue(0, size)}>{t('vote.unranked')}</option>
        {Array.from({ length: size }, (_, i) => (
          <option key={i} value={rankFormValue(i + 1, size)}>
            {i + 1}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the voter decides on: the change itself, its justification, and the debate in brief. */
function AmendmentBrief({ amendment }: { amendment: AmendmentOnBallot }) {
  const t = useT();
  const { slug } = useParams();
  return (
    <div className="amendment-brief">
      <p className="muted">
        {t(`amendments.kind.${amendment.kind}`)} — <ProgramText>{amendment.section.title}</ProgramText>
        {amendment.newTitle ? (
          <>
            {' — '}
            <span data-testid="new-section-title">{t('vote.newSection', { title: amendment.newTitle })}</span>
          </>
        ) : null}{' '}
        —{' '}
        <Link to={`../../../amendments/${amendment.id}`} relative="path">
          {t('vote.readAmendment')}
        </Link>
      </p>
      <RecommendationNote recommendation={amendment.recommendation} slug={slug ?? ''} />
      <DiffView parts={amendment.diff} />
      <p>
        <strong>{t('vote.justification')}</strong> {amendment.justification}
      </p>
      <p data-testid="arguments">
        {t('vote.arguments', {
          for: amendment.arguments.for,
          against: amendment.arguments.against,
          questions: amendment.arguments.questions,
        })}
      </p>
      {amendment.arguments.firstFor ? (
        <blockquote>
          <strong>{t('vote.argumentFor')}</strong> {amendment.arguments.firstFor}
        </blockquote>
      ) : null}
      {amendment.arguments.firstAgainst ? (
        <blockquote>
          <strong>{t('vote.argumentAgainst')}</strong> {amendment.arguments.firstAgainst}
        </blockquote>
      ) : null}
    </div>
  );
}

type Paper = ReturnType<typeof useLoaderData<typeof loader>>;
type ReceiptData = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>['receipt']>;

/**
 * The receipt: the tracking code and what it says, to save or print; only the last one counts. Each answer's
 * words are padded with spaces (which browsers do not show) to the longest that question allows, so that the
 * page is one size for every choice of the round.
 */
function ReceiptView({ paper, receipt }: { paper: Paper; receipt: ReceiptData }) {
  const t = useT();
  const answers = decodeReceiptAnswers(receipt.answers);
  const titles = new Map(paper.questions.flatMap((q) => q.amendments.map((a) => [a.id, a.title] as const)));
  const name = (id: string) => (id === 'keep' ? t('vote.keepCurrent') : (titles.get(id) ?? id));
  const yesNo = { YES: t('vote.yes'), NO: t('vote.no'), ABSTAIN: t('vote.abstain') };
  const inWords = (q: Paper['questions'][number]) => {
    const answer = answers[q.id];
    if (q.kind === 'YES_NO') {
      const longest = Math.max(...Object.values(yesNo).map((w) => htmlTextBytes(w)));
      return padHtmlText(typeof answer === 'string' ? yesNo[answer] : '', longest);
    }
    const ids = ['keep', ...q.amendments.map((a) => a.id)];
    const longest = longestRankingBytes(ids, name, t('vote.blank'));
    const ranking = Array.isArray(answer) ? answer : [];
    return padHtmlText(ranking.length ? rankingText(ranking, name) : t('vote.blank'), longest);
  };
  return (
    <article className="receipt" data-testid="receipt">
      <h1>{t('receipt.title')}</h1>
      <p className="notice" role="status">
        {t('receipt.recorded')}
      </p>
      <p>{t('receipt.code')}</p>
      <p className="tracking-code" data-testid="tracking-code">
        {receipt.code}
      </p>
      <p>{t('receipt.explain')}</p>
      <h2>{t('receipt.answers')}</h2>
      <ol>
        {paper.questions.map((q) => (
          <li key={q.id}>
            {q.kind === 'YES_NO' ? <ProgramText>{q.title}</ProgramText> : t('vote.rankTitle')}
            {t('punctuation.colon')} <strong>{inWords(q)}</strong>
          </li>
        ))}
      </ol>
      <p className="field-hint">
        {t('receipt.nonce')} <code>{receipt.nonce}</code>
      </p>
      <p className="inline-actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link to="..">{t('receipt.back')}</Link>
      </p>
    </article>
  );
}
