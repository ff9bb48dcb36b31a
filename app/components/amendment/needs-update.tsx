import { Form } from '@remix-run/react';
import { useMemo, useState } from 'react';
import { DiffView } from '~/components/diff-view.tsx';
import { RichText } from '~/rich-text/render.tsx';
import { LiveSection } from '~/editor/live-section.tsx';
import { diffWords, type DiffPart } from '~/modules/amendments/diff.ts';
import { docToDiffText, type DocNode } from '~/rich-text/document.ts';
import { useT } from '~/utils/i18n.tsx';

/**
 * An amendment whose base moved under it, at the words it changes: the three texts side by side (the base it
 * was written against, the section's current text, what it proposed), what changed in the section, and for
 * its authors a live draft seeded from the current text in which they rewrite it.
 */
export function NeedsUpdate(props: {
  base: DocNode;
  current: DocNode;
  proposed: DocNode;
  currentDiff: DiffPart[];
  documentName: string;
  canUpdate: boolean;
  user: { id: string; name: string } | null;
  busy: boolean;
}) {
  const t = useT();
  const [live, setLive] = useState<DocNode | null>(null);
  const { current } = props;
  const parts = useMemo(() => diffWords(docToDiffText(current), docToDiffText(live ?? current)), [live, current]);
  return (
    <section className="needs-update" aria-labelledby="needs-update-title" data-testid="needs-update">
      <h2 id="needs-update-title">{t('rebase.title')}</h2>
      <p className="notice notice-warning">{t('rebase.explain')}</p>
      <div className="three-way">
        <div>
          <h3>{t('rebase.base')}</h3>
          <RichText doc={props.base} />
        </div>
        <div data-testid="three-way-current">
          <h3>{t('rebase.current')}</h3>
          <RichText doc={props.current} />
        </div>
        <div>
          <h3>{t('rebase.proposed')}</h3>
          <RichText doc={props.proposed} />
        </div>
      </div>
      <h3>{t('rebase.currentChange')}</h3>
      <DiffView parts={props.currentDiff} />
      {props.canUpdate ? (
        <>
          <h3>{t('rebase.editorTitle')}</h3>
          <LiveSection
            documentName={props.documentName}
            canWrite
            user={props.user}
            text={props.current}
            onText={setLive}
          />
          <DiffView parts={parts} />
          <Form method="post">
            <input type="hidden" name="intent" value="saveUpdate" />
            <button type="submit" className="button" disabled={props.busy}>
              {t('rebase.save')}
            </button>
          </Form>
        </>
      ) : (
        <p>{t('rebase.waiting')}</p>
      )}
    </section>
  );
}
