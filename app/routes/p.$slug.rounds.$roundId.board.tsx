import type { MetaFunction } from '@remix-run/node';
import { ProgramText } from '~/utils/content-lang.tsx';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { findCode } from '~/modules/voting/ballot-board.server.ts';
import { getRound } from '~/modules/voting/round-view.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { routeLoader, routeAction } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const view = await getRound(actorOf(context), params.slug ?? '', params.roundId ?? '');
  return { view, closed: view.round.status === 'CLOSED' };
});

// A POST, not ?code= in the address: a code (which tells how someone voted, with the board) must not end up in
// proxies' access logs or the browser's history next to the visitor's address.
export const action = /* @__PURE__ */ routeAction({}, async ({ params, context, form }) => {
  const view = await getRound(actorOf(context), params.slug ?? '', params.roundId ?? '');
  const code = String(form.get('code') ?? '').slice(0, 40);
  if (view.round.status !== 'CLOSED' || !code.trim()) return { code, found: null, searched: false };
  return { code, found: await findCode(view.round.id, code), searched: true };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'board.title');

/** Each voter checks that their tracking code is on the board, with the answers they gave. */
export default function BoardPage() {
  const t = useT();
  const { view, closed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const code = result?.code ?? '';
  const searched = result?.searched ?? false;
  const found = result?.found ?? null;
  const titles = new Map(view.amendments.map((a) => [a.id, a.title]));
  const name = (id: string) => (id === 'keep' ? t('vote.keepCurrent') : (titles.get(id) ?? id));
  return (
    <article>
      <p className="muted">
        <Link to="..">{t('rounds.numbered', { n: view.round.number, title: view.round.title })}</Link>
      </p>
      <h1>{t('board.title')}</h1>
      {!closed ? (
        <p className="notice">{t('board.notYet')}</p>
      ) : (
        <>
          <p>{t('board.intro')}</p>
          <Form method="post" className="inline-form" role="search">
            <label htmlFor="code">{t('board.codeLabel')}</label>
            <input id="code" name="code" defaultValue={code} autoComplete="off" spellCheck={false} />
            <button type="submit" className="button">
              {t('board.find')}
            </button>
          </Form>
          {searched ? (
            found ? (
              <div className="notice" role="status" data-testid="code-found">
                <p>{t('board.found')}</p>
                <ol>
                  {view.questions.map((q) => {
                    const answer = found[q.id];
                    return (
                      <li key={q.id}>
                        {q.kind === 'YES_NO' ? <ProgramText>{q.title}</ProgramText> : t('vote.rankTitle')}
                        {t('punctuation.colon')}{' '}
                        <strong>
                          {typeof answer === 'string'
                            ? t(answer === 'YES' ? 'vote.yes' : answer === 'NO' ? 'vote.no' : 'vote.abstain')
                            : answer && answer.length
                              ? answer.map((g) => g.map(name).join(' = ')).join(' > ')
                              : t('vote.blank')}
                        </strong>
                      </li>
                    );
                  })}
                </ol>
              </div>
            ) : (
              <p className="notice notice-warning" role="status" data-testid="code-missing">
                {t('board.notFound')}
              </p>
            )
          ) : null}
          <h2>{t('board.offline')}</h2>
          <p>{t('board.offlineIntro')}</p>
          <p>
            <a href={`/p/${view.program.slug}/rounds/${view.round.id}/board.json`} download>
              {t('board.download')}
            </a>
          </p>
          {view.round.boardSha256 ? (
            <p className="field-hint">
              {t('board.sha')} <code data-testid="board-sha">{view.round.boardSha256}</code>
            </p>
          ) : null}
          <pre>
            <code>
              npm run plenum -- verify-tally plenum-{view.program.slug}-round-{view.round.number}-board.json
            </code>
          </pre>
        </>
      )}
    </article>
  );
}
