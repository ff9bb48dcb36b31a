import { Form, Link } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

type Step = 'submit' | 'withdraw';

const WORDS = {
  submit: {
    title: 'amendments.confirm.submitTitle',
    text: 'amendments.confirm.submitText',
    yes: 'amendments.confirm.submit',
    ask: 'amendments.page.submit',
    style: '',
  },
  withdraw: {
    title: 'amendments.confirm.withdrawTitle',
    text: 'amendments.confirm.withdrawText',
    yes: 'amendments.confirm.withdraw',
    ask: 'amendments.page.withdraw',
    style: 'button-danger',
  },
} as const;

/**
 * A step that cannot be undone, in two clicks: the first asks (a plain GET to `?confirm=<step>`, so it works
 * without JavaScript), the second, on the question, does it. Cancel goes back to the page as it was.
 */
export function ConfirmStep(props: { step: Step; asking: boolean; busy: boolean; hint?: string }) {
  const t = useT();
  const words = WORDS[props.step];
  if (!props.asking) {
    return (
      <Form method="get" preventScrollReset className={`amendment-${props.step}`}>
        <input type="hidden" name="confirm" value={props.step} />
        {props.hint ? <p className="field-hint">{props.hint}</p> : null}
        <button type="submit" className={`button ${props.step === 'submit' ? '' : 'button-danger'}`}>
          {t(words.ask)}
        </button>
      </Form>
    );
  }
  return (
    <section
      className="notice notice-warning"
      aria-labelledby={`confirm-${props.step}-title`}
      data-testid={`confirm-${props.step}`}
    >
      <h2 id={`confirm-${props.step}-title`}>{t(words.title)}</h2>
      <p>{t(words.text)}</p>
      <Form method="post" className="inline-actions">
        <input type="hidden" name="intent" value={props.step} />
        <button type="submit" className={`button ${words.style}`} disabled={props.busy}>
          {t(words.yes)}
        </button>
        <Link to="." preventScrollReset className="button button-secondary">
          {t('amendments.confirm.cancel')}
        </Link>
      </Form>
    </section>
  );
}
