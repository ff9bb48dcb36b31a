import { Link, useParams, type useLoaderData } from '@remix-run/react';
import { RecommendationNote } from '~/components/committee/recommendation.tsx';
import { DiffView } from '~/components/diff-view.tsx';
import { ErrorList } from '~/components/forms.tsx';
import type { AmendmentOnBallot } from '~/modules/voting/ballot-paper.server.ts';
import { rankFormValue, YES_NO_FORM_VALUES } from '~/modules/voting/voting.schema.ts';
import type { loader } from '~/routes/p.$slug.rounds.$roundId.ballot.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';
import { useT } from '~/utils/i18n.tsx';
import { useMajorityWords } from './rules.tsx';

type Paper = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * One question of the ballot, numbered `qi + 1`: yes / no / abstain on an amendment, with its majority; or a
 * ranking of the competing amendments and the current text; then what the server refused in it (`problems`).
 */
export function BallotQuestion({
  method,
  q,
  qi,
  problems,
}: {
  method: Paper['round']['method'];
  q: Paper['questions'][number];
  qi: number;
  problems: string[];
}) {
  const t = useT();
  const majorityWords = useMajorityWords();
  return (
    <fieldset className="question card" data-testid={`question-${qi + 1}`}>
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
              {t(`vote.rankHow.${method}`)} {t('count.ties.current')}
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
      <ErrorList errors={problems} />
    </fieldset>
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
