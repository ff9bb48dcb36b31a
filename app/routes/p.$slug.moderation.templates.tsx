import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import {
  createReasonTemplate,
  deleteReasonTemplate,
  reasonTemplates,
  updateReasonTemplate,
} from '~/modules/amendments/reason-templates.server.ts';
import { ReasonTemplateCommandSchema } from '~/modules/amendments/moderation.schema.ts';
import { ErrorList } from '~/components/forms.tsx';
import { refusalOf } from '~/utils/refusal.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context, actor }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  return { slug, templates: await reasonTemplates(actor, slug) };
});

export const action = /* @__PURE__ */ routeAction(
  { intents: ['createTemplate', 'updateTemplate', 'deleteTemplate'] },
  async ({ request, params, context, actor, form }) => {
    requireMember(request, context);
    const slug = params.slug ?? '';
    const parsed = ReasonTemplateCommandSchema.safeParse(Object.fromEntries(form));
    const target = String(form.get('id') ?? 'new');
    if (!parsed.success) return data({ target, errors: parsed.error.issues.map((i) => i.message) }, { status: 400 });
    const command = parsed.data;
    if (command.intent === 'createTemplate') await createReasonTemplate({ actor, slug, ...command });
    if (command.intent === 'updateTemplate') await updateReasonTemplate({ actor, slug, ...command });
    if (command.intent === 'deleteTemplate') {
      await deleteReasonTemplate({ actor, slug, id: command.id });
      return redirectWithFlash(`/p/${slug}/moderation/templates`, 'flash.templateDeleted');
    }
    return redirectWithFlash(`/p/${slug}/moderation/templates`, 'flash.templateSaved');
  },
);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'templates.title');

/** One template's form: its name and reason; `id` absent for a new one. */
function TemplateForm(props: { id?: string; name?: string; text?: string; errors: string[] }) {
  const t = useT();
  const busy = useNavigation().state !== 'idle';
  const key = props.id ?? 'new';
  return (
    <Form method="post" className="stack" data-testid={`template-${key}`}>
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <label htmlFor={`name-${key}`}>{t('templates.name')}</label>
      <input id={`name-${key}`} name="name" defaultValue={props.name} required minLength={2} maxLength={80} />
      <label htmlFor={`text-${key}`}>{t('templates.text')}</label>
      <textarea id={`text-${key}`} name="text" defaultValue={props.text} required minLength={3} maxLength={500} />
      <ErrorList errors={props.errors} />
      <p className="inline-form">
        <button
          type="submit"
          name="intent"
          value={props.id ? 'updateTemplate' : 'createTemplate'}
          className="button"
          disabled={busy}
        >
          {t(props.id ? 'templates.save' : 'templates.create')}
        </button>
        {props.id ? (
          <button type="submit" name="intent" value="deleteTemplate" className="button button-secondary" formNoValidate>
            {t('templates.delete', { name: props.name ?? '' })}
          </button>
        ) : null}
      </p>
    </Form>
  );
}

/** Moderators keep the program's reason templates: add, rewrite, delete. */
export default function ReasonTemplatesPage() {
  const t = useT();
  const { slug, templates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refusal = refusalOf(answer);
  const errorsOf = (key: string) => {
    if (answer && 'target' in answer && answer.target === key) return answer.errors ?? [];
    return [];
  };
  return (
    <section className="narrow">
      <h1>{t('templates.title')}</h1>
      <p className="lead">{t('templates.intro')}</p>
      <ErrorList errors={refusal ? [refusal.message] : []} />
      {templates.length ? (
        <ul className="queue">
          {templates.map((x) => (
            <li key={x.id}>
              <TemplateForm id={x.id} name={x.name} text={x.text} errors={errorsOf(x.id)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('templates.none')}</p>
      )}
      <h2>{t('templates.new')}</h2>
      {/* Keyed by the count: once a template is added (or deleted), the form comes back empty. */}
      <TemplateForm key={templates.length} errors={errorsOf('new')} />
      <p>
        <Link to={`/p/${slug}/moderation/queue`}>{t('templates.back')}</Link>
      </p>
    </section>
  );
}
