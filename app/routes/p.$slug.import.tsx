import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { ErrorList } from '~/components/forms.tsx';
import { RichText } from '~/rich-text/render.tsx';
import { countWords } from '~/rich-text/document.ts';
import { previewImport, type ImportWarning } from '~/modules/programs/import.server.ts';
import { programToShape } from '~/modules/programs/programs.server.ts';
import { ImportedOutlineSchema, programLanguage } from '~/modules/programs/programs.schema.ts';
import { appendOutline } from '~/modules/programs/structure.server.ts';
import type { OutlineToAdd } from '~/modules/programs/structure.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { jsonField } from '~/utils/forms.server.ts';
import { useT } from '~/utils/i18n.tsx';
import type { loader as programLoader } from './p.$slug.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/index.ts';

async function requireShaper(request: Request, context: LoaderFunctionArgs['context'], slug: string) {
  requireMember(request, context);
  await programToShape(actorOf(context), slug);
}

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  await requireShaper(request, context, params.slug ?? '');
  return null;
});

type ActionData =
  | { step: 'preview'; outline: OutlineToAdd; warnings: ImportWarning[]; fileName: string; language?: Locale }
  | { step: 'error'; error: string };

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  const slug = params.slug ?? '';
  await requireShaper(request, context, slug);
  // The file's language (ADR 0038), asked on a first import only: absent, the program's stays.
  const language = programLanguage()
    .optional()
    .safeParse(form.get('language') ?? undefined);
  if (!language.success) return data<ActionData>({ step: 'error', error: 'import.errors.language' }, { status: 400 });

  if (intent === 'create') {
    // The preview's outline comes back from the browser: it is checked again, as any input.
    const outline = ImportedOutlineSchema.safeParse(jsonField(form, 'outline'));
    if (!outline.success) return data<ActionData>({ step: 'error', error: 'import.errors.stale' }, { status: 400 });
    await appendOutline({ actor, slug, outline: outline.data, language: language.data });
    return redirectWithFlash(`/p/${slug}/structure`, 'flash.imported');
  }

  const file = form.get('file');
  if (!(file instanceof File) || !file.name) {
    return data<ActionData>({ step: 'error', error: 'import.errors.required' }, { status: 400 });
  }
  // A file that cannot be imported is an ImportError (400), shown beside the file field.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const preview = await previewImport({ name: file.name, bytes }, context.locale);
  return data<ActionData>({ step: 'preview', ...preview, fileName: file.name, language: language.data });
});

/** Moderators (and named drafters while drafting) add chapters and sections from a Markdown or Word file. */
export default function ImportPage() {
  const t = useT();
  const outline = useRouteLoaderData<typeof programLoader>('routes/p.$slug');
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const previewRef = useRef<HTMLHeadingElement>(null);
  const preview = actionData?.step === 'preview' ? actionData : null;
  const error = actionData?.step === 'error' ? actionData.error : refusalOf(actionData)?.message;
  useEffect(() => previewRef.current?.focus(), [preview]);
  if (!outline) return null;
  const firstNumber = outline.chapters.length + 1;
  const sectionCount = preview?.outline.chapters.reduce((n, c) => n + c.sections.length, 0) ?? 0;
  // A first import says which language its text is in; later ones add to the program's text, in its language.
  const firstImport = outline.chapters.length === 0;
  const languageError =
    firstImport && (error === 'import.errors.language' || error === 'import.errors.languageOfProgram');

  return (
    <section className="import">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      {preview ? (
        <ProgramLanguage language={preview.language ?? outline.program.language}>
          <h2 ref={previewRef} tabIndex={-1} data-testid="import-preview-title">
            {t('import.previewTitle', { chapters: preview.outline.chapters.length, sections: sectionCount })}
          </h2>
          <p>
            <strong>{preview.fileName}</strong> — {t('import.previewIntro')}
          </p>
          {preview.warnings.length ? (
            <section className="notice notice-warning" aria-labelledby="import-warnings">
              <h3 id="import-warnings">{t('import.warningsTitle')}</h3>
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w.key}>
                    {t(w.key, { count: w.count ?? 0 })}
                    {w.where?.length ? (
                      <ul>
                        {w.where.map((place, i) => (
                          <li key={i}>{place}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ol className="import-preview" data-testid="import-preview">
            {preview.outline.chapters.map((c, ci) => (
              <li key={ci}>
                <h3>
                  {t('program.chapter', { n: firstNumber + ci })} — <ProgramText>{c.title}</ProgramText>
                </h3>
                <ol>
                  {c.sections.map((s, si) => (
                    <li key={si}>
                      <details>
                        <summary>
                          {firstNumber + ci}.{si + 1} <ProgramText>{s.title}</ProgramText>{' '}
                          <span className="muted">({t('import.words', { n: countWords(s.content) })})</span>
                        </summary>
                        <RichText doc={s.content} />
                      </details>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          <Form method="post" className="inline-actions">
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="outline" value={JSON.stringify(preview.outline)} />
            {preview.language ? <input type="hidden" name="language" value={preview.language} /> : null}
            <button type="submit" className="button" disabled={busy}>
              {t('import.confirm', { chapters: preview.outline.chapters.length, sections: sectionCount })}
            </button>
            <Link to={`/p/${outline.program.slug}/import`} reloadDocument>
              {t('import.another')}
            </Link>
          </Form>
        </ProgramLanguage>
      ) : (
        <Form method="post" encType="multipart/form-data" className="import-form">
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input
              id="import-file"
              type="file"
              name="file"
              required
              accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={error ? 'import-error' : undefined}
              aria-invalid={error ? true : undefined}
            />
            {error && !languageError ? <ErrorList id="import-error" errors={[error]} /> : null}
          </div>
          {firstImport ? (
            <div className="field">
              <label htmlFor="import-language">{t('programs.language')}</label>
              <p id="import-language-hint" className="field-hint">
                {t('programs.languageHint')}
              </p>
              <select
                id="import-language"
                name="language"
                defaultValue={outline.program.language}
                aria-describedby={languageError ? 'import-language-hint import-language-error' : 'import-language-hint'}
                aria-invalid={languageError ? true : undefined}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
              {languageError ? <ErrorList id="import-language-error" errors={[error]} /> : null}
            </div>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {t('import.preview')}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/p/${outline.program.slug}/structure`}>{t('structure.title')}</Link>
      </p>
    </section>
  );
}
