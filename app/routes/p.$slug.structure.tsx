import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { SectionRow } from '~/components/structure/section-row.tsx';
import { MoveButtons, RenameForm } from '~/components/structure/structure-forms.tsx';
import { StructureChangeSchema } from '~/modules/programs/programs.schema.ts';
import { applyStructureChange, structurePage } from '~/modules/programs/structure-page.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

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
                <SectionRow
                  key={section.id}
                  slug={program.slug}
                  section={section}
                  chapterId={chapter.id}
                  index={si}
                  count={chapter.sections.length}
                  chapters={chapters}
                  manage={abilities.manage}
                  busy={busy}
                  error={errorFor(section.id)}
                />
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
