import { Form } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { RichText } from '~/rich-text/render.tsx';
import type { DocNode } from '~/rich-text/document.ts';
import { useT } from '~/utils/i18n.tsx';

/**
 * An adopted amendment that no longer applies cleanly (the section's words it changes moved since): the three
 * texts side by side, and for moderators a form in which they write the section's text that honours the vote,
 * with a public reason. Nothing is applied by force.
 */
export function ApplicationConflict(props: {
  base: DocNode;
  current: DocNode;
  proposed: DocNode;
  proposedMarkdown: string;
  canResolve: boolean;
  busy: boolean;
  errors?: { text?: string[]; reason?: string[] };
}) {
  const t = useT();
  return (
    <section id="conflict" className="needs-update" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p className="notice notice-warning">{t('conflict.explain')}</p>
      <div className="three-way">
        <div>
          <h3>{t('rebase.base')}</h3>
          <RichText doc={props.base} />
        </div>
        <div>
          <h3>{t('rebase.current')}</h3>
          <RichText doc={props.current} />
        </div>
        <div>
          <h3>{t('conflict.adopted')}</h3>
          <RichText doc={props.proposed} />
        </div>
      </div>
      {props.canResolve ? (
        <Form method="post">
          <input type="hidden" name="intent" value="resolveConflict" />
          <div className="field">
            <label htmlFor="resolution-text">{t('conflict.text')}</label>
            <p id="resolution-hint" className="field-hint">
              {t('conflict.textHint')}
            </p>
            <textarea
              id="resolution-text"
              name="text"
              rows={10}
              defaultValue={props.proposedMarkdown}
              aria-describedby="resolution-hint"
              required
            />
            <ErrorList errors={props.errors?.text} />
          </div>
          <div className="field">
            <label htmlFor="resolution-reason">{t('moderation.reason')}</label>
            <input id="resolution-reason" name="reason" required minLength={3} maxLength={500} />
            <ErrorList errors={props.errors?.reason} />
          </div>
          <button type="submit" className="button" disabled={props.busy}>
            {t('conflict.apply')}
          </button>
        </Form>
      ) : (
        <p>{t('conflict.waiting')}</p>
      )}
    </section>
  );
}
