import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { ErrorList, Field } from '~/components/forms.tsx';
import { AddDrafterSchema } from '~/modules/programs/programs.schema.ts';
import type { loader as programLoader } from '~/routes/p.$slug.tsx';
import type { action, loader } from '~/routes/p.$slug.settings.tsx';
import { useT } from '~/utils/i18n.tsx';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';

/** The program's named drafters: the list, each with its Remove button, and the form that adds one by address. */
export function Drafters({ drafters }: { drafters: SerializeFrom<typeof loader>['drafters'] }) {
  const t = useT();
  const program = useRouteLoaderData<typeof programLoader>('routes/p.$slug')?.program;
  const actionData = useActionData<typeof action>();
  const idle = useNavigation().state === 'idle';
  const refusal = refusalOf(actionData);
  const drafterRefused = refusal?.intent === 'addDrafter' || refusal?.intent === 'removeDrafter';
  const [drafterForm, drafterFields] = useForm({
    id: 'add-drafter',
    lastResult:
      idle && (drafterRefused || (actionData && 'drafter' in actionData))
        ? lastResultOf(actionData, { key: 'drafter' })
        : undefined,
    constraint: getZodConstraint(AddDrafterSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddDrafterSchema }),
  });
  return (
    <>
      <h2 id="drafters">{t('drafters.title')}</h2>
      <p>{t(program?.draftingAccess === 'NAMED_DRAFTERS' ? 'drafters.introNamed' : 'drafters.introAll')}</p>
      {drafters.length ? (
        <ul className="drafters" aria-labelledby="drafters">
          {drafters.map((d) => (
            <li key={d.id}>
              <Form method="post" className="inline-form">
                <span>
                  {d.displayName} <span className="muted">({d.email})</span>
                </span>
                <input type="hidden" name="intent" value="removeDrafter" />
                <input type="hidden" name="memberId" value={d.id} />
                <button type="submit" className="button-small button-secondary" disabled={!idle}>
                  {t('drafters.remove', { name: d.displayName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('drafters.none')}</p>
      )}
      <Form method="post" {...getFormProps(drafterForm)}>
        <input type="hidden" name="intent" value="addDrafter" />
        <Field field={drafterFields.email} type="email" label={t('drafters.email')} autoComplete="off" />
        <ErrorList id={drafterForm.errorId} errors={drafterForm.errors} />
        <button type="submit" className="button button-secondary" disabled={!idle}>
          {t('drafters.add')}
        </button>
      </Form>
    </>
  );
}
