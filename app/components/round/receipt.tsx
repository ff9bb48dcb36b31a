import { ProgramText } from '~/utils/content-lang.tsx';
import { Link, type useActionData, type useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import {
  decodeReceiptAnswers,
  htmlTextBytes,
  longestRankingBytes,
  padHtmlText,
  rankingText,
} from '~/modules/voting/receipt.ts';
import type { action, loader } from '~/routes/p.$slug.rounds.$roundId.ballot.tsx';
import { useT } from '~/utils/i18n.tsx';

type Paper = ReturnType<typeof useLoaderData<typeof loader>>;
type ReceiptData = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>['receipt']>;

/**
 * The receipt: the tracking code and what it says, to save or print; only the last one counts. Each answer's
 * words are padded with spaces (which browsers do not show) to the longest that question allows, so that the
 * page is one size for every choice of the round.
 */
export function ReceiptView({ paper, receipt }: { paper: Paper; receipt: ReceiptData }) {
  const t = useT();
  // The tab says what the page now is (the route's title is the ballot's: a page's meta cannot see its action's
  // answer). Pages without script keep the ballot's title.
  const title = t('receipt.title');
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · Plenum`;
    return () => {
      document.title = before;
    };
  }, [title]);
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
