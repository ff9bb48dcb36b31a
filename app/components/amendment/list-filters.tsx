import { AMENDMENT_STATUSES, type AmendmentFilters } from '~/utils/amendment-filters.ts';
import { useContentLang } from '~/utils/content-lang.tsx';
import { useT } from '~/utils/i18n.tsx';

/**
 * The amendment list's filters (chapter, status, competing, one's own), as fields of the caller's GET form: the
 * list and the amendment search offer the same ones, read back by `filtersOf`.
 */
export function AmendmentFilterFields(props: {
  chapters: { id: string; number: number | string; title: string }[];
  filters: AmendmentFilters;
  signedIn: boolean;
}) {
  const t = useT();
  const lang = useContentLang();
  const { filters } = props;
  return (
    <>
      <label htmlFor="filter-chapter">{t('amendments.list.chapter')}</label>
      <select id="filter-chapter" name="chapter" defaultValue={filters.chapterId ?? ''}>
        <option value="">{t('amendments.list.all')}</option>
        {props.chapters.map((c) => (
          // An option holds text only: the program's language goes on the option itself.
          <option key={c.id} value={c.id} lang={lang}>
            {c.number}. {c.title}
          </option>
        ))}
      </select>
      <label htmlFor="filter-status">{t('amendments.list.status')}</label>
      <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
        <option value="">{t('amendments.list.all')}</option>
        {AMENDMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`amendments.status.${s}`)}
          </option>
        ))}
      </select>
      <span className="field-checkbox">
        <input type="checkbox" id="filter-colliding" name="colliding" value="1" defaultChecked={filters.colliding} />
        <label htmlFor="filter-colliding">{t('amendments.list.onlyColliding')}</label>
      </span>
      {props.signedIn ? (
        <span className="field-checkbox">
          <input type="checkbox" id="filter-mine" name="mine" value="1" defaultChecked={filters.mine} />
          <label htmlFor="filter-mine">{t('amendments.list.onlyMine')}</label>
        </span>
      ) : null}
    </>
  );
}
