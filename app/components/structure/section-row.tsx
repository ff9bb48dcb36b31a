import type { SerializeFrom } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { loader as programLoader } from '~/routes/p.$slug.tsx';
import { ProgramText, useContentLang } from '~/utils/content-lang.tsx';
import { useT } from '~/utils/i18n.tsx';
import { MoveButtons, RenameForm } from './structure-forms.tsx';

type Chapter = SerializeFrom<typeof programLoader>['chapters'][number];

/**
 * One section on the structure page: rename it, move it within its chapter or to another, lock or unlock it
 * (moderators), or ask to remove it.
 */
export function SectionRow(props: {
  slug: string;
  section: Chapter['sections'][number];
  /** The chapter it is in, and its place there among `count` sections. */
  chapterId: string;
  index: number;
  count: number;
  chapters: Chapter[];
  /** Whether the reader manages the program (locking is theirs). */
  manage: boolean;
  busy: boolean;
  /** The message about this section's last change, if refused. */
  error: ReactNode;
}) {
  const t = useT();
  const contentLang = useContentLang();
  const { section } = props;
  return (
    <li className="structure-section" data-testid={`section-${section.id}`}>
      <p className="structure-section-title">
        <Link to={`/p/${props.slug}/sections/${section.id}`}>
          {section.number} <ProgramText>{section.title}</ProgramText>
        </Link>
      </p>
      {props.error}
      <div className="structure-row">
        <RenameForm
          fields={{ intent: 'renameSection', sectionId: section.id }}
          id={`title-${section.id}`}
          label={t('structure.sectionTitle', { n: section.number })}
          title={section.title}
          busy={props.busy}
        />
        <MoveButtons
          fields={{ intent: 'moveSection', sectionId: section.id, chapterId: props.chapterId }}
          index={props.index}
          count={props.count}
          name={t('structure.sectionN', { n: section.number })}
          busy={props.busy}
        />
        {props.chapters.length > 1 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="moveSection" />
            <input type="hidden" name="sectionId" value={section.id} />
            <input type="hidden" name="index" value={100_000} />
            <label htmlFor={`to-${section.id}`}>{t('structure.moveTo', { n: section.number })}</label>
            <select id={`to-${section.id}`} name="chapterId" defaultValue={props.chapterId}>
              {props.chapters.map((c) => (
                <option key={c.id} value={c.id} lang={contentLang}>
                  {c.number}. {c.title}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-secondary" disabled={props.busy}>
              {t('structure.move')}
            </button>
          </Form>
        ) : null}
        {props.manage ? (
          section.lockedAt ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="unlockSection" />
              <input type="hidden" name="sectionId" value={section.id} />
              <span className="badge">{t('structure.locked')}</span>
              <button type="submit" className="button button-secondary" disabled={props.busy}>
                {t('structure.unlock', { n: section.number })}
              </button>
            </Form>
          ) : (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="lockSection" />
              <input type="hidden" name="sectionId" value={section.id} />
              <label htmlFor={`lock-${section.id}`}>{t('structure.lockReason', { n: section.number })}</label>
              <input id={`lock-${section.id}`} name="reason" required minLength={3} maxLength={500} />
              <button type="submit" className="button button-secondary" disabled={props.busy}>
                {t('structure.lock')}
              </button>
            </Form>
          )
        ) : null}
        <Link to={`?remove=${section.id}`} className="button button-danger">
          {t('structure.remove')}
          <span className="visually-hidden"> {t('structure.sectionN', { n: section.number })}</span>
        </Link>
      </div>
    </li>
  );
}
