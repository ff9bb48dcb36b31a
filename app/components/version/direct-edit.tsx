import type { Source } from '~/modules/publication/versions.server.ts';
import { useFormatDate, useSignature, useT } from '~/utils/i18n.tsx';

/**
 * What a version says of a direct edit (issue 17): text changed outside amendments between two versions, in
 * which phases, when, and by whom if the program publishes drafters' names.
 */
export function DirectEditNote({ source }: { source: Source }) {
  const t = useT();
  const formatDate = useFormatDate();
  const signed = useSignature();
  const edit = source.edit;
  if (!edit) return null;
  const phases = edit.phases.map((p) => t(`phase.${p}`)).join(', ');
  return (
    <span data-testid="direct-edit">
      <strong>{t('version.directEdit')}</strong>{' '}
      {t('version.directEditWhen', { phases, from: formatDate(edit.from), to: formatDate(edit.to) })}
      {' — '}
      {!edit.named
        ? t('version.directEditUnnamed')
        : source.authors.length
          ? t('version.by', { names: source.authors.map(signed).join(', ') })
          : t('version.directEditNoWriter')}
    </span>
  );
}
