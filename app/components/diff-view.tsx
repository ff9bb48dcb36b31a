import { useId, useState } from 'react';
import type { DiffPart } from '~/modules/amendments/diff.ts';
import { useContentLang } from '~/utils/content-lang.tsx';
import { useT } from '~/utils/i18n.tsx';

/**
 * A word-level difference, inline (removed words struck, added words underlined) or side by side. Colour is
 * never the only sign: <del> and <ins> carry meaning, and screen readers hear "removed" and "added".
 */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  // The program's words in its language; the hidden "added"/"removed" in the page's (ADR 0038).
  const lang = useContentLang();
  const changed = parts.some((p) => p.op !== 'equal');
  const piece = (p: DiffPart, i: number) =>
    p.op === 'equal' ? (
      <span key={i} lang={lang}>
        {p.text}
      </span>
    ) : p.op === 'insert' ? (
      <ins key={i}>
        <span className="visually-hidden">[{t('amendments.page.inserted')}: </span>
        <span lang={lang}>{p.text}</span>
        <span className="visually-hidden">]</span>
      </ins>
    ) : (
      <del key={i}>
        <span className="visually-hidden">[{t('amendments.page.deleted')}: </span>
        <span lang={lang}>{p.text}</span>
        <span className="visually-hidden">]</span>
      </del>
    );
  return (
    <section className="diff" aria-labelledby={`${id}-title`} data-testid="diff">
      <div className="diff-head">
        <h2 id={`${id}-title`}>{t('amendments.page.changes')}</h2>
        <div role="group" aria-label={t('amendments.page.changes')} className="inline-actions">
          <button
            type="button"
            className="button-small button-secondary"
            aria-pressed={mode === 'inline'}
            onClick={() => setMode('inline')}
          >
            {t('amendments.page.inline')}
          </button>
          <button
            type="button"
            className="button-small button-secondary"
            aria-pressed={mode === 'side'}
            onClick={() => setMode('side')}
          >
            {t('amendments.page.sideBySide')}
          </button>
        </div>
      </div>
      {!changed ? (
        <p className="muted">{t('amendments.page.noChange')}</p>
      ) : mode === 'inline' ? (
        <div className="diff-text" data-testid="diff-inline">
          {parts.map(piece)}
        </div>
      ) : (
        <div className="diff-columns" data-testid="diff-side">
          <div>
            <h3>{t('amendments.page.before')}</h3>
            <div className="diff-text">{parts.filter((p) => p.op !== 'insert').map(piece)}</div>
          </div>
          <div>
            <h3>{t('amendments.page.after')}</h3>
            <div className="diff-text">{parts.filter((p) => p.op !== 'delete').map(piece)}</div>
          </div>
        </div>
      )}
    </section>
  );
}
