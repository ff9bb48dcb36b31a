import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { CreateGroupSchema } from '~/modules/groups/groups.schema.ts';
import { createGroup, listGroups } from '~/modules/groups/groups.server.ts';
import { memberArea } from '~/modules/members/account-settings.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { pageTitle, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  const actor = actorOf(context);
  // Groups near the member's area first, if they gave one (and did not search elsewhere).
  const asked = new URL(request.url).searchParams.get('area');
  const area = (asked ?? (actor ? ((await memberArea(actor.id)) ?? '') : '')).slice(0, 120);
  const groups = await listGroups(actor, { area });
  return { groups, area, signedIn: actor !== null, moderator: actor?.role === 'MODERATOR' || actor?.role === 'ADMIN' };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, context, actor, form }) => {
  requireMember(request, context);
  const submission = parseWithZod(form, { schema: CreateGroupSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const id = await createGroup({ actor, ...submission.value });
  return redirectWithFlash(`/groups/${id}`, 'flash.groupCreated');
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'groups.title');

/** Local groups: those near you first, yours, and (for moderators) those waiting for validation. */
export default function GroupsPage() {
  const t = useT();
  const { groups, area, signedIn, moderator } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'new-group',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(CreateGroupSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateGroupSchema }),
  });
  const pending = groups.filter((g) => g.status === 'PENDING');
  const validated = groups.filter((g) => g.status === 'VALIDATED');
  const list = (items: typeof groups) => (
    <ul className="amendment-list">
      {items.map((g) => (
        <li key={g.id}>
          <Link to={`/groups/${g.id}`}>{g.name}</Link> <span className="muted">— {g.area}</span>{' '}
          {g.mine ? <span className="badge">{t('groups.yours')}</span> : null}
          {g.near ? <span className="badge">{t('groups.near')}</span> : null}
          <br />
          <span className="muted">{t('groups.size', { n: g.size })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section>
      <h1>{t('groups.title')}</h1>
      <p>{t('groups.intro')}</p>
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="area">{t('groups.areaSearch')}</label>
        <input id="area" name="area" defaultValue={area} />
        <button type="submit" className="button button-secondary">
          {t('groups.find')}
        </button>
      </Form>
      <h2>{t('groups.validated')}</h2>
      {validated.length ? list(validated) : <p className="muted">{t('groups.none')}</p>}
      {pending.length ? (
        <>
          <h2>{moderator ? t('groups.waiting') : t('groups.yourPending')}</h2>
          {list(pending)}
        </>
      ) : null}
      {signedIn ? (
        <section aria-labelledby="new-group-title" className="card narrow">
          <h2 id="new-group-title">{t('groups.create')}</h2>
          <p className="field-hint">{t('groups.createHint')}</p>
          <Form method="post" {...getFormProps(form)}>
            <Field field={fields.name} label={t('groups.name')} />
            <Field field={fields.area} label={t('groups.area')} hint={t('groups.areaHint')} />
            <div className="field">
              <label htmlFor={fields.description.id}>{t('groups.description')}</label>
              <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={4} />
              <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
            </div>
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>
              {t('groups.createSubmit')}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
