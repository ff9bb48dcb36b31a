import type { SerializeFrom } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useRef } from 'react';
import { RichText } from '~/rich-text/render.tsx';
import type { CommentView } from '~/modules/debate/debate.server.ts';
import { COMMENT_EDIT_MINUTES } from '~/policies/comment.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { BodyField, Disclosure, ReasonField, useClosedOnceSent, type DebateFormError } from './comment-forms.tsx';
import { DebatePages, type DebatePage } from './debate-pages.tsx';

type Comment = SerializeFrom<CommentView>;

interface Props {
  threads: Comment[];
  counts: { FOR: number; AGAINST: number; QUESTION: number };
  page: DebatePage;
  canPost: boolean;
  signedIn: boolean;
  error: DebateFormError | null;
  busy: boolean;
}

/**
 * The threaded debate on an amendment: for, against and questions, with replies. Every action is a plain form
 * (replies, edits, reports and moderation open in place; without JavaScript, through a link to the page with that
 * form open), so it works without JavaScript and with the keyboard.
 */
export function Discussion(props: Props) {
  const t = useT();
  const { counts } = props;
  return (
    <section className="debate" aria-labelledby="debate-title" data-testid="debate">
      <h2 id="debate-title">{t('debate.title')}</h2>
      <p className="muted">
        {t('debate.counts', { for: counts.FOR, against: counts.AGAINST, questions: counts.QUESTION })}
      </p>
      {props.page.count > 1 ? (
        <p className="muted" data-testid="debate-page">
          {t('debate.shown', {
            first: props.page.firstThread,
            last: props.page.lastThread,
            total: props.page.threads,
          })}
        </p>
      ) : null}
      {props.threads.length ? (
        <ol className="comments">
          {props.threads.map((c) => (
            <CommentItem key={c.id} comment={c} {...props} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('debate.empty')}</p>
      )}
      <DebatePages page={props.page} />
      {props.canPost ? (
        <NewComment error={props.error} busy={props.busy} />
      ) : (
        <p className="muted">{props.signedIn ? t('debate.closed') : t('debate.signIn')}</p>
      )}
    </section>
  );
}

function NewComment({ error, busy }: { error: DebateFormError | null; busy: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useClosedOnceSent(ref, 'comment-new', error);
  return (
    <div ref={ref}>
      <Form method="post" className="comment-form" data-testid="new-comment">
        <input type="hidden" name="intent" value="comment" />
        <fieldset>
          <legend>{t('debate.stance')}</legend>
          {(['FOR', 'AGAINST', 'QUESTION'] as const).map((stance) => (
            <span key={stance} className="field-radio">
              <input type="radio" id={`stance-${stance}`} name="stance" value={stance} required />
              <label htmlFor={`stance-${stance}`}>{t(`debate.stance.${stance}`)}</label>
            </span>
          ))}
        </fieldset>
        <BodyField form="comment-new" label={t('debate.body')} error={error} />
        <button type="submit" className="button" disabled={busy}>
          {t('debate.post')}
        </button>
      </Form>
    </div>
  );
}

function CommentItem(props: Props & { comment: Comment }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { comment: c, error, busy } = props;
  return (
    <li id={`comment-${c.id}`} className="comment" data-testid="comment">
      <p className="comment-meta">
        {c.stance ? (
          <span className={`badge stance-${c.stance.toLowerCase()}`}>{t(`debate.stance.${c.stance}`)}</span>
        ) : null}
        <strong>{c.author ?? t('debate.formerMember')}</strong>{' '}
        <time dateTime={new Date(c.createdAt).toISOString()}>{formatDate(c.createdAt, 'datetime')}</time>
        {c.editedAt ? <span className="muted"> ({t('debate.edited')})</span> : null}
        {c.reports ? <span className="badge badge-warning">{t('debate.reports', { n: c.reports })}</span> : null}
      </p>
      {c.hidden ? (
        <p className="comment-hidden" data-testid="comment-hidden">
          {t('debate.hidden', { reason: c.hidden.reason })}
        </p>
      ) : c.body ? (
        <div className="comment-body">
          <RichText doc={c.body} />
        </div>
      ) : null}
      <div className="comment-actions">
        {c.can.reply ? (
          <Disclosure summary={t('debate.reply')} form={`reply-${c.id}`} commentId={c.id} error={error}>
            <Form method="post">
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="parentId" value={c.id} />
              <BodyField form={`reply-${c.id}`} label={t('debate.replyBody')} error={error} />
              <button type="submit" className="button" disabled={busy}>
                {t('debate.postReply')}
              </button>
            </Form>
          </Disclosure>
        ) : null}
        {c.can.edit ? (
          <Disclosure summary={t('debate.edit')} form={`edit-${c.id}`} commentId={c.id} error={error}>
            <Form method="post">
              <input type="hidden" name="intent" value="editComment" />
              <input type="hidden" name="commentId" value={c.id} />
              <p className="field-hint">{t('debate.editHint', { minutes: COMMENT_EDIT_MINUTES })}</p>
              <BodyField form={`edit-${c.id}`} label={t('debate.body')} error={error} defaultValue={c.source ?? ''} />
              <button type="submit" className="button" disabled={busy}>
                {t('debate.save')}
              </button>
            </Form>
          </Disclosure>
        ) : null}
        {c.can.report ? (
          <Disclosure summary={t('debate.report')} form={`report-${c.id}`} commentId={c.id} error={error}>
            <Form method="post">
              <input type="hidden" name="intent" value="report" />
              <input type="hidden" name="commentId" value={c.id} />
              <ReasonField form={`report-${c.id}`} label={t('debate.reportReason')} error={error} />
              <button type="submit" className="button button-secondary" disabled={busy}>
                {t('debate.sendReport')}
              </button>
            </Form>
          </Disclosure>
        ) : null}
        {c.can.moderate ? (
          <Disclosure summary={t('debate.moderate')} form={`moderate-${c.id}`} commentId={c.id} error={error}>
            <Form method="post">
              <input type="hidden" name="commentId" value={c.id} />
              <ReasonField form={`moderate-${c.id}`} label={t('debate.hideReason')} error={error} />
              <div className="inline-actions">
                <button
                  type="submit"
                  name="intent"
                  value="hideComment"
                  className="button button-danger"
                  disabled={busy}
                >
                  {t('debate.hide')}
                </button>
                {c.reports ? (
                  <button
                    type="submit"
                    name="intent"
                    value="keepComment"
                    className="button button-secondary"
                    disabled={busy}
                  >
                    {t('debate.keep')}
                  </button>
                ) : null}
              </div>
            </Form>
          </Disclosure>
        ) : null}
      </div>
      {c.replies.length ? (
        <ol className="comments replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} {...props} comment={r} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
