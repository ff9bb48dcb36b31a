import { Form } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/** A form that is one button: it posts its intent to the page's action. */
export function IntentButton(props: { intent: string; label: string; busy: boolean; className: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <button type="submit" className={`button ${props.className}`} disabled={props.busy}>
        {props.label}
      </button>
    </Form>
  );
}

/** Moderators declare a qualified amendment admissible or not, with a public reason. */
export function DecisionForm({ busy }: { busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="decision">
      <h2>{t('moderation.decide')}</h2>
      <div className="field">
        <label htmlFor="decision-reason">{t('moderation.reason')}</label>
        <p id="decision-reason-hint" className="field-hint">
          {t('moderation.reasonHint')}
        </p>
        <textarea
          id="decision-reason"
          name="reason"
          rows={3}
          required
          minLength={3}
          maxLength={500}
          aria-describedby="decision-reason-hint"
        />
      </div>
      <div className="inline-actions">
        <button type="submit" name="intent" value="admissible" className="button" disabled={busy}>
          {t('moderation.admissible')}
        </button>
        <button type="submit" name="intent" value="inadmissible" className="button button-danger" disabled={busy}>
          {t('moderation.inadmissible')}
        </button>
      </div>
    </Form>
  );
}

/**
 * Moderators merge a standing amendment into another of the same section, as its duplicate. The targets come
 * most alike first, and the first is preselected.
 */
export function MergeForm({
  targets,
  busy,
}: {
  targets: { id: string; title: string; similarity: number }[];
  busy: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="decision">
      <h2>{t('moderation.merge')}</h2>
      <div className="field">
        <label htmlFor="merge-into">{t('moderation.mergeInto')}</label>
        <select id="merge-into" name="intoId" required defaultValue={targets[0]?.id}>
          {targets.map((m) => (
            <option key={m.id} value={m.id}>
              {t('duplicates.option', { title: m.title, percent: Math.round(m.similarity * 100) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="merge-reason">{t('moderation.mergeReason')}</label>
        <textarea id="merge-reason" name="reason" rows={2} required minLength={3} maxLength={500} />
      </div>
      <button type="submit" name="intent" value="merge" className="button button-secondary" disabled={busy}>
        {t('moderation.merge')}
      </button>
    </Form>
  );
}
