import { Form } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/** Hidden fields naming a change and what it is about. */
function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A title field and its Rename button. */
export function RenameForm(props: {
  fields: Record<string, string>;
  id: string;
  label: string;
  title: string;
  busy: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <Hidden fields={props.fields} />
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} name="title" defaultValue={props.title} key={props.title} required maxLength={200} />
      <button type="submit" className="button button-secondary" disabled={props.busy}>
        {t('structure.rename')}
      </button>
    </Form>
  );
}

/**
 * "Move up" and "Move down" for item `index` of `count`: the visible words, then hidden ones naming the item for
 * screen readers ("Move up section 1.2"), so that the name contains what is seen (WCAG 2.5.3).
 */
export function MoveButtons(props: {
  fields: Record<string, string>;
  index: number;
  count: number;
  name: string;
  busy: boolean;
}) {
  const t = useT();
  const button = (to: number, word: string) => (
    <button type="submit" name="index" value={to} className="button button-secondary" disabled={props.busy}>
      {word}
      <span className="visually-hidden"> {props.name}</span>
    </button>
  );
  return (
    <Form method="post" className="inline-actions">
      <Hidden fields={props.fields} />
      {props.index > 0 ? button(props.index - 1, t('structure.up')) : null}
      {props.index < props.count - 1 ? button(props.index + 1, t('structure.down')) : null}
    </Form>
  );
}
