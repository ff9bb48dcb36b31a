import { Form, Link, useNavigation } from '@remix-run/react';
import { useContentLang } from '~/utils/content-lang.tsx';
import { usePlainLinks } from '~/utils/plain-links.ts';
import { useEffect, useRef, useState } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

/** A qualified amendment as the queue lists it. */
export interface BulkRow {
  id: string;
  title: string;
  status: string;
  supports: number;
  supportsNeeded: number | null;
  qualifiedAt: string | Date | null;
}

/** Keys typed into these are words, not shortcuts. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether a key pressed on `target` is a shortcut rather than typing (a checkbox takes no words). */
export function isShortcut(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  return !(target && TYPING.has(target.tagName) && (target as HTMLInputElement).type !== 'checkbox');
}

/** "/" moves the focus to the element `id` (the queue's search field), whatever the queue holds. */
export function useSlashFocus(id: string) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || !isShortcut(event)) return;
      document.getElementById(id)?.focus();
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id]);
}

/**
 * The queue's qualified amendments as one form (issue 21, ADR 0036): a real checkbox per amendment, labelled by its
 * title, and one decision with its reason for all those selected. Keyboard-first: j/k move between amendments,
 * x selects, a/i choose the decision and go to the reason, Enter sends; / goes to search. Without JavaScript the
 * form works the same with the mouse or Tab.
 */
export function BulkDecisions(props: {
  slug: string;
  /** Where the form posts: the queue's page it shows, so that the answer comes back to it. */
  action: string;
  rows: BulkRow[];
  total: number;
  /** The position of the first row among all the qualified (from 1). */
  from: number;
  templates: { id: string; name: string; text: string }[];
  errors: string[];
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const lang = useContentLang();
  const follow = usePlainLinks();
  const busy = useNavigation().state !== 'idle';
  const list = useRef<HTMLUListElement>(null);
  const reason = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState(0);
  const [decision, setDecision] = useState<'ADMISSIBLE' | 'INADMISSIBLE' | ''>('');

  const boxes = () => [...(list.current?.querySelectorAll<HTMLInputElement>('input[name="picked"]') ?? [])];
  const recount = () => setSelected(boxes().filter((b) => b.checked).length);

  // After a decision the list changes under the boxes: count again what is still selected.
  useEffect(recount, [props.rows]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      const all = boxes();
      const at = all.findIndex((b) => b === document.activeElement);
      if (event.key === 'j' || event.key === 'k') {
        if (!all.length) return;
        const next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + (event.key === 'j' ? 1 : -1)));
        all[next]!.focus();
        all[next]!.scrollIntoView({ block: 'nearest' });
      } else if (event.key === 'x' && at >= 0) {
        all[at]!.click();
      } else if (event.key === 'a' || event.key === 'i') {
        setDecision(event.key === 'a' ? 'ADMISSIBLE' : 'INADMISSIBLE');
        reason.current?.focus();
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Form method="post" action={props.action} className="bulk-form" aria-describedby="bulk-keys">
      <p id="bulk-keys" className="muted">
        {t('bulk.keys')}
      </p>
      {props.total > props.rows.length ? (
        <p className="muted">
          {t('bulk.shown', { from: props.from, to: props.from + props.rows.length - 1, total: props.total })}
        </p>
      ) : null}
      <p className="field-checkbox">
        <input
          type="checkbox"
          id="bulk-all"
          onChange={(e) => {
            for (const b of boxes()) b.checked = e.currentTarget.checked;
            recount();
          }}
        />
        <label htmlFor="bulk-all">{t('bulk.selectAll')}</label>
      </p>
      {/* 200 rows: each is plain elements, its title in the program's language, its link a plain one (ADR 0044). */}
      <ul className="queue bulk-list" ref={list} data-testid="bulk-list" onClick={follow}>
        {props.rows.map((a) => (
          <li key={a.id} className="bulk-row">
            <input
              type="checkbox"
              name="picked"
              value={`${a.id}:${a.status}`}
              id={`pick-${a.id}`}
              aria-keyshortcuts="x"
              onChange={recount}
            />{' '}
            <label htmlFor={`pick-${a.id}`} lang={lang}>
              {a.title}
            </label>{' '}
            <a href={`/p/${props.slug}/amendments/${a.id}`} aria-label={t('bulk.open', { title: a.title })}>
              ↗
            </a>
            <span className="muted">
              {(a.supportsNeeded !== null
                ? ` — ${t('supports.progress', { count: a.supports, needed: a.supportsNeeded })}`
                : '') + (a.qualifiedAt ? ` — ${t('bulk.qualifiedOn', { date: formatDate(a.qualifiedAt) })}` : '')}
            </span>
          </li>
        ))}
      </ul>
      <fieldset className="bulk-decision">
        <legend>{t('bulk.legend')}</legend>
        <p role="status" aria-live="polite" data-testid="bulk-selected">
          {t('bulk.selected', { n: selected })}
        </p>
        <fieldset>
          <legend>{t('bulk.decision')}</legend>
          {(['ADMISSIBLE', 'INADMISSIBLE'] as const).map((d) => (
            <span key={d} className="field-checkbox">
              <input
                type="radio"
                name="decision"
                value={d}
                id={`bulk-${d}`}
                required
                checked={decision === d}
                onChange={() => setDecision(d)}
                aria-keyshortcuts={d === 'ADMISSIBLE' ? 'a' : 'i'}
              />
              <label htmlFor={`bulk-${d}`}>{t(d === 'ADMISSIBLE' ? 'bulk.admissible' : 'bulk.inadmissible')}</label>
            </span>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="bulk-template">{t('bulk.template')}</label>
          <span className="inline-form">
            <select
              id="bulk-template"
              name="templateId"
              defaultValue=""
              onChange={(e) => {
                const chosen = props.templates.find((x) => x.id === e.currentTarget.value);
                if (chosen && reason.current) reason.current.value = chosen.text;
              }}
            >
              <option value="">{t('bulk.noTemplate')}</option>
              {props.templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
            <Link to={`/p/${props.slug}/moderation/templates`}>{t('templates.title')}</Link>
          </span>
        </div>
        <div className="field">
          <label htmlFor="bulk-reason">{t('bulk.reason')}</label>
          <input id="bulk-reason" name="reason" ref={reason} maxLength={500} autoComplete="off" />
        </div>
        <ErrorList id="bulk-errors" errors={props.errors} />
        <button type="submit" name="intent" value="decideBulk" className="button" disabled={busy}>
          {t('bulk.submit')}
        </button>
      </fieldset>
    </Form>
  );
}
