import { useId, useRef, useState } from 'react';
import type { WriteEndedReason } from '~/modules/live-text/names.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';

/** What the editor knows once the right to write ended: why, since when, and what the server did not store. */
export interface WriteEndedState {
  reason: WriteEndedReason;
  since: Date;
  /** What was typed and not stored (empty: everything was; null: still being found out). */
  unsaved: string | null;
}

/**
 * Says why the editor turned read-only and since when, in the reader's language, and offers what the server did
 * not store to copy (issue 17): never silently dropped.
 */
export function WriteEndedNotice(props: { ended: WriteEndedState; documentKind: 'section' | 'amendment' }) {
  const t = useT();
  const formatDate = useFormatDate();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const { reason, since, unsaved } = props.ended;
  const time = formatDate(since, 'datetime');
  const why =
    reason === 'phase'
      ? t(props.documentKind === 'section' ? 'editor.writeEnded.phaseSection' : 'editor.writeEnded.phaseAmendment', {
          time,
        })
      : t(`editor.writeEnded.${reason}`, { time });
  const copy = () => {
    if (!unsaved) return;
    navigator.clipboard.writeText(unsaved).then(
      () => setCopied('yes'),
      () => {
        // No clipboard (an older browser, a permission refused): the text is selected for Ctrl+C instead.
        area.current?.select();
        setCopied('select');
      },
    );
  };
  return (
    <div className="notice notice-warning write-ended" role="alert" data-testid="write-ended">
      <p>{why}</p>
      {unsaved === null ? (
        <p>{t('editor.writeEnded.checking')}</p>
      ) : unsaved ? (
        <>
          <p id={`${id}-label`}>{t('editor.writeEnded.unsaved')}</p>
          <textarea
            ref={area}
            readOnly
            value={unsaved}
            rows={Math.min(8, unsaved.split('\n').length + 1)}
            aria-labelledby={`${id}-label`}
            data-testid="unsaved-text"
          />
          <p className="inline-actions">
            <button type="button" className="button button-secondary" onClick={copy}>
              {t('editor.writeEnded.copy')}
            </button>{' '}
            <span role="status">
              {copied === 'yes'
                ? t('editor.writeEnded.copied')
                : copied === 'select'
                  ? t('editor.writeEnded.selected')
                  : null}
            </span>
          </p>
        </>
      ) : (
        <p>{t('editor.writeEnded.allSaved')}</p>
      )}
    </div>
  );
}
