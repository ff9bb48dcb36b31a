import { useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { MessageKey } from '~/i18n/index.ts';
import { commentFormHref } from '~/modules/debate/comment-href.ts';
import { useT } from '~/utils/i18n.tsx';

// The pieces of the debate's forms (discussion.tsx): their fields and refusals, the disclosures they open in, and
// what happens once one is sent.

/** A refused debate form: which form, the message, and what was typed (given back, so nothing is lost). */
export interface DebateFormError {
  form: string;
  key: string;
  values?: Record<string, number>;
  body?: string;
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

export function BodyField(props: {
  form: string;
  label: string;
  error: DebateFormError | null;
  defaultValue?: string;
}) {
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
export function useClosedOnceSent(ref: RefObject<HTMLElement | null>, form: string, error: DebateFormError | null) {
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

/**
 * An action that opens in place: a disclosure with its form, open again if its form was refused. The form is
 * rendered once the disclosure is opened (a debate's page holds 30 threads, each with its reply and report forms:
 * they were half of the page's HTML, rendered for every view and sent to every reader, opened by few). Opened before
 * the page's script runs, or without JavaScript, it offers a link that asks the server for the page with this form
 * open (`?form=`, commentFormHref).
 */
export function Disclosure(props: {
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

export function ReasonField(props: { form: string; label: string; error: DebateFormError | null }) {
  return (
    <div className="field">
      <label htmlFor={`${props.form}-reason`}>{props.label}</label>
      <textarea id={`${props.form}-reason`} name="reason" rows={2} required minLength={3} maxLength={500} />
      <FormError error={props.error} form={props.form} />
    </div>
  );
}
