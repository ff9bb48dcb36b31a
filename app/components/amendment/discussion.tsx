import type { SerializeFrom } from '@remix-run/node';
import { Form, useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { RichText } from '~/rich-text/render.tsx';
import type { MessageKey } from '~/i18n/index.ts';
import type { CommentView } from '~/modules/debate/debate.server.ts';
import { COMMENT_EDIT_MINUTES } from '~/policies/comment.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { commentFormHref } from '~/modules/debate/comment-href.ts';
import { DebatePages, type DebatePage } from './debate-pages.tsx';

type Comment = SerializeFrom<CommentView>;

/** A refused debate form: which form, the message, and what was typed (given back, so nothing is lost). */
export interface DebateFormError {
  form: string;
  key: string;
  values?: Record<string, number>;
  body?: string;
}

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

function FormError({ error, form }: { error: DebateFormError | null; form: string }) {
  const t = useT();
  if (!error || error.form !== form) return null;
  return (
    <p className="field-errors" role="alert" id={`${form}-error`}>
      {t(error.key as MessageKey, error.values)}
    </p>
  );
}

function BodyField(props: { form: string; label: string; error: DebateFormError | null; defaultValue?: string }) {
  const t = useT();
  const failed = props.error?.form === props.form;
  return (
    <div className="field">
      <label htmlFor={`${props.form}-body`}>{props.label}</label>
      <p className="field-hint" id={`${props.form}-hint`}>
        {t('debate.bodyHint')}
      </p>
      <textarea
        id={`${props.form}-body`}
        name="body"
        rows={4}
        required
        maxLength={5000}
        defaultValue={failed ? props.error?.body : props.defaultValue}
        aria-invalid={failed || undefined}
        aria-describedby={`${props.form}-hint${failed ? ` ${props.form}-error` : ''}`}
      />
      <FormError error={props.error} form={props.form} />
    </div>
  );
}

/**
 * Once this element's form was sent and the page answered (anything but its refusal, which keeps it open with
 * what was typed), the form is emptied and its disclosure closed; other forms keep what is typed in them.
 * Without JavaScript the answer is a new page anyway.
 */
function useClosedOnceSent(ref: RefObject<HTMLElement | null>, form: string, error: DebateFormError | null) {
  const sending = useNavigation().state !== 'idle';
  const sent = useRef(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const mark = () => {
      sent.current = true;
    };
    element.addEventListener('submit', mark);
    return () => element.removeEventListener('submit', mark);
  }, [ref]);
  useEffect(() => {
    if (sending || !sent.current) return;
    sent.current = false;
    if (error?.form === form || !ref.current) return;
    for (const element of ref.current.querySelectorAll('form')) element.reset();
    if (ref.current instanceof HTMLDetailsElement) ref.current.open = false;
  }, [sending, error, form, ref]);
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

/**
 * An action that opens in place: a disclosure with its form, open again if its form was refused. The form is
 * rendered once the disclosure is opened (a debate's page holds 30 threads, each with its reply and report forms:
 * they were half of the page's HTML, rendered for every view and sent to every reader, opened by few). Opened before
 * the page's script runs, or without JavaScript, it offers a link that asks the server for the page with this form
 * open (`?form=`, commentFormHref).
 */
function Disclosure(props: {
  summary: string;
  form: string;
  commentId: string;
  error: DebateFormError | null;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  const [searchParams] = useSearchParams();
  const asked = props.error?.form === props.form || searchParams.get('form') === props.form;
  const [opened, setOpened] = useState(asked);
  useClosedOnceSent(ref, props.form, props.error);
  // Opened natively before the script ran: the form replaces the link at once.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={ref}
      className="comment-action"
      open={asked || undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {opened || asked ? (
        props.children
      ) : (
        <a href={commentFormHref(props.commentId, props.form)}>{t('debate.openForm')}</a>
      )}
    </details>
  );
}

function ReasonField(props: { form: string; label: string; error: DebateFormError | null }) {
  return (
    <div className="field">
      <label htmlFor={`${props.form}-reason`}>{props.label}</label>
      <textarea id={`${props.form}-reason`} name="reason" rows={2} required minLength={3} maxLength={500} />
      <FormError error={props.error} form={props.form} />
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
