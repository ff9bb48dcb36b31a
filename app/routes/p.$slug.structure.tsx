import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { StructureChangeSchema } from '~/modules/programs/programs.schema.ts';
import { applyStructureChange, structurePage } from '~/modules/programs/structure-page.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { ProgramText, useContentLang } from '~/utils/content-lang.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  const removeId = new URL(request.url).searchParams.get('remove');
  return structurePage(actorOf(context), params.slug ?? '', removeId);
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  const raw = Object.fromEntries(form);
  // Where the message goes on the page: beside the section or chapter the form was about.
  const target = [raw.sectionId, raw.chapterId, 'new'].find((v): v is string => typeof v === 'string')!;
  const parsed = StructureChangeSchema.safeParse(raw);
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? 'errors.required', target }, { status: 400 });
  }
  // A refusal (StructureError, 409) is answered by the wrapper and shown atop the page.
  await applyStructureChange(actor, slug, parsed.data);
  return redirectWithFlash(`/p/${slug}/structure`, 'flash.structureChanged');
});

/** Moderators (and named drafters while drafting) create, rename, reorder and remove chapters and sections. */
export default function ProgramStructurePage() {
  const t = useT();
  const contentLang = useContentLang();
  const outline = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  const { removing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const confirmRef = useRef<HTMLElement>(null);
  useEffect(() => confirmRef.current?.focus(), [removing?.id]);
  if (!outline) return null;
  const { program, chapters, abilities } = outline;
  const refusal = refusalOf(actionData);
  const errorFor = (target: string | null) =>
    actionData?.target === target && actionData.error ? (
      <ErrorList errors={[actionData.error]} />
    ) : target === null && refusal ? (
      <ErrorList errors={[refusal.message]} />
    ) : null;

  return (
    <section className="structure">
      <h1>{t('structure.title')}</h1>
      <p className="lead">{t('structure.intro')}</p>
      <p>
        <Link to={`/p/${program.slug}/import`} className="button button-secondary">
          {t('structure.importLink')}
        </Link>
      </p>
      {errorFor(null)}

      {removing ? (
        <section className="confirm" aria-labelledby="confirm-title" tabIndex={-1} ref={confirmRef}>
          <h2 id="confirm-title">{t('structure.removeSectionTitle', { n: removing.number, title: removing.title })}</h2>
          <p>{t('structure.removeSectionWarning')}</p>
          {removing.excerpt ? <blockquote className="excerpt">{removing.excerpt}</blockquote> : null}
          <Form method="post" action={`/p/${program.slug}/structure`} className="inline-actions">
            <input type="hidden" name="intent" value="removeSection" />
            <input type="hidden" name="sectionId" value={removing.id} />
            <button type="submit" className="button button-danger" disabled={busy}>
              {t('structure.removeSectionConfirm', { n: removing.number })}
            </button>
            <Link to={`/p/${program.slug}/structure`}>{t('structure.cancel')}</Link>
          </Form>
        </section>
      ) : null}

      <ol className="structure-chapters">
        {chapters.map((chapter, ci) => (
          <li key={chapter.id} className="structure-chapter" data-testid={`chapter-${chapter.id}`}>
            <h2 id={`chapter-${chapter.id}`}>
              {t('program.chapter', { n: chapter.number })} — <ProgramText>{chapter.title}</ProgramText>
            </h2>
            {errorFor(chapter.id)}
            <div className="structure-row">
              <RenameForm
                fields={{ intent: 'renameChapter', chapterId: chapter.id }}
                id={`title-${chapter.id}`}
                label={t('structure.chapterTitle', { n: chapter.number })}
                title={chapter.title}
                busy={busy}
              />
              <MoveButtons
                fields={{ intent: 'moveChapter', chapterId: chapter.id }}
                index={ci}
                count={chapters.length}
                name={t('structure.chapterN', { n: chapter.number })}
                busy={busy}
              />
              {chapter.sections.length === 0 ? (
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="intent" value="removeChapter" />
                  <input type="hidden" name="chapterId" value={chapter.id} />
                  <button type="submit" className="button button-danger" disabled={busy}>
                    {t('structure.removeChapter', { n: chapter.number })}
                  </button>
                </Form>
              ) : null}
            </div>

            <ol className="structure-sections">
              {chapter.sections.map((section, si) => (
                <li key={section.id} className="structure-section" data-testid={`section-${section.id}`}>
                  <p className="structure-section-title">
                    <Link to={`/p/${program.slug}/sections/${section.id}`}>
                      {section.number} <ProgramText>{section.title}</ProgramText>
                    </Link>
                  </p>
                  {errorFor(section.id)}
                  <div className="structure-row">
                    <RenameForm
                      fields={{ intent: 'renameSection', sectionId: section.id }}
                      id={`title-${section.id}`}
                      label={t('structure.sectionTitle', { n: section.number })}
                      title={section.title}
                      busy={busy}
                    />
                    <MoveButtons
                      fields={{ intent: 'moveSection', sectionId: section.id, chapterId: chapter.id }}
                      index={si}
                      count={chapter.sections.length}
                      name={t('structure.sectionN', { n: section.number })}
                      busy={busy}
                    />
                    {chapters.length > 1 ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="moveSection" />
                        <input type="hidden" name="sectionId" value={section.id} />
                        <input type="hidden" name="index" value={100_000} />
                        <label htmlFor={`to-${section.id}`}>{t('structure.moveTo', { n: section.number })}</label>
                        <select id={`to-${section.id}`} name="chapterId" defaultValue={chapter.id}>
                          {chapters.map((c) => (
                            <option key={c.id} value={c.id} lang={contentLang}>
                              {c.number}. {c.title}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button-secondary" disabled={busy}>
                          {t('structure.move')}
                        </button>
                      </Form>
                    ) : null}
                    {abilities.manage ? (
                      section.lockedAt ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="unlockSection" />
                          <input type="hidden" name="sectionId" value={section.id} />
                          <span className="badge">{t('structure.locked')}</span>
                          <button type="submit" className="button button-secondary" disabled={busy}>
                            {t('structure.unlock', { n: section.number })}
                          </button>
                        </Form>
                      ) : (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="lockSection" />
                          <input type="hidden" name="sectionId" value={section.id} />
                          <label htmlFor={`lock-${section.id}`}>
                            {t('structure.lockReason', { n: section.number })}
                          </label>
                          <input id={`lock-${section.id}`} name="reason" required minLength={3} maxLength={500} />
                          <button type="submit" className="button button-secondary" disabled={busy}>
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
              ))}
            </ol>

            <Form method="post" className="inline-form structure-add">
              <input type="hidden" name="intent" value="createSection" />
              <input type="hidden" name="chapterId" value={chapter.id} />
              <label htmlFor={`new-section-${chapter.id}`}>
                {t('structure.newSectionTitle', { n: chapter.number })}
              </label>
              {/* Keyed by the count: emptied once the section is added, kept (to correct) when refused. */}
              <input
                id={`new-section-${chapter.id}`}
                key={chapter.sections.length}
                name="title"
                required
                maxLength={200}
              />
              <button type="submit" className="button" disabled={busy}>
                {t('structure.addSection')}
              </button>
            </Form>
          </li>
        ))}
      </ol>

      <Form method="post" className="inline-form structure-add">
        <input type="hidden" name="intent" value="createChapter" />
        <label htmlFor="new-chapter">{t('structure.newChapterTitle')}</label>
        {/* Keyed by the count: emptied once the chapter is added (a second click would add it twice). */}
        <input id="new-chapter" key={chapters.length} name="title" required maxLength={200} />
        <button type="submit" className="button" disabled={busy}>
          {t('structure.addChapter')}
        </button>
      </Form>
      {errorFor('new')}
    </section>
  );
}

/** Hidden fields naming a change and what it is about. */
function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A title field and its Rename button. */
function RenameForm(props: {
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
function MoveButtons(props: {
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
