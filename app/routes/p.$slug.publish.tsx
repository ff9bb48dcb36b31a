import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { ErrorList } from '~/components/forms.tsx';
import { storableText } from '~/modules/members/members.schema.ts';
import { publicationStatus } from '~/modules/publication/publication-status.server.ts';
import { publishVersion } from '~/modules/publication/publish.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';
import { ProgramText } from '~/utils/content-lang.tsx';

const PublishSchema = z.object({
  note: storableText().trim().min(3, 'version.errors.noteRequired').max(2000, 'version.errors.noteTooLong'),
});

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  return publicationStatus(actorOf(context), params.slug ?? '');
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form }) => {
  requireMember(request, context);
  const submission = parseWithZod(form, { schema: PublishSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const slug = params.slug ?? '';
  const number = await publishVersion({ actor, slug, note: submission.value.note });
  return redirectWithFlash(`/p/${slug}/v/${number}`, 'flash.versionPublished');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'version.publishTitle');

/** Moderators publish the program as it stands as its next version, with a note saying what it changes. */
export default function PublishPage() {
  const t = useT();
  const status = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'publish',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(PublishSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PublishSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t('version.publishTitle', {})}</h1>
      <p>{t('version.publishIntro', { n: status.next })}</p>
      <p data-testid="pending-changes">{t('version.pending', { n: status.pending })}</p>
      {status.conflicts.length ? (
        <div className="notice notice-warning" data-testid="conflicts">
          <p>{t('version.conflicts', { n: status.conflicts.length })}</p>
          <ul>
            {status.conflicts.map((c) => (
              <li key={c.id}>
                <Link to={`/p/${status.slug}/amendments/${c.id}#conflict`}>
                  <ProgramText>{c.title}</ProgramText>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.note.id}>{t('version.note')}</label>
          <textarea {...getTextareaProps(fields.note)} key={fields.note.key} rows={4} />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
          {t('version.publish', { n: status.next })}
        </button>
      </Form>
    </section>
  );
}
