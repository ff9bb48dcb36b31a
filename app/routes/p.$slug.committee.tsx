import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { addCommitteeMember, committeePage, removeCommitteeMember } from '~/modules/committee/committee.server.ts';
import { AddDrafterSchema as AddMemberSchema } from '~/modules/programs/programs.schema.ts';
import { requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

/** The program's drafting committee (ADR 0037): who sits on it, for every reader; moderators name and remove. */
export const loader = /* @__PURE__ */ routeLoader(async ({ params, actor }) => committeePage(actor, params.slug ?? ''));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.program.title} · Plenum` : 'Plenum' },
];

export const action = /* @__PURE__ */ routeAction(
  { intents: ['addMember', 'removeMember'] },
  async ({ request, params, context, actor, form, intent }) => {
    requireMember(request, context);
    const slug = params.slug ?? '';
    if (intent === 'removeMember') {
      await removeCommitteeMember({ actor, slug, memberId: String(form.get('memberId') ?? '') });
      return redirectWithFlash(`/p/${slug}/committee`, 'flash.committeeChanged');
    }
    const submission = parseWithZod(form, { schema: AddMemberSchema });
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
    await addCommitteeMember({ actor, slug, email: submission.value.email });
    return redirectWithFlash(`/p/${slug}/committee`, 'flash.committeeChanged');
  },
);

export default function CommitteePage() {
  const t = useT();
  const { members, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const idle = useNavigation().state === 'idle';
  const refusal = refusalOf(actionData);
  const [form, fields] = useForm({
    id: 'add-committee-member',
    lastResult: idle ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(AddMemberSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddMemberSchema }),
  });
  return (
    <section aria-labelledby="committee-title">
      <h1 id="committee-title">{t('committee.title')}</h1>
      <p>{t('committee.intro')}</p>
      {members.length ? (
        <ul className="drafters" data-testid="committee-members">
          {members.map((m) => (
            <li key={m.id}>
              {canManage ? (
                <Form method="post" className="inline-form">
                  <span>{m.name}</span>
                  <input type="hidden" name="intent" value="removeMember" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <button type="submit" className="button-small button-secondary" disabled={!idle}>
                    {t('drafters.remove', { name: m.name })}
                  </button>
                </Form>
              ) : (
                m.name
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('committee.empty')}</p>
      )}
      {canManage ? (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="addMember" />
          <Field field={fields.email} type="email" label={t('drafters.email')} autoComplete="off" />
          <ErrorList id={form.errorId} errors={refusal ? [refusal.message] : form.errors} />
          <button type="submit" className="button button-secondary" disabled={!idle}>
            {t('committee.add')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
