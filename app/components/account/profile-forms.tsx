import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import {
  CurrentPasswordField,
  DisplayNameField,
  EmailField,
  ErrorList,
  Field,
  NewPasswordFields,
  useZodForm,
} from '~/components/forms.tsx';
import {
  ChangeAreaSchema,
  ChangeEmailSchema,
  ChangeNameSchema,
  ChangePasswordSchema,
} from '~/modules/members/members.schema.ts';
import { useT } from '~/utils/i18n.tsx';
import { useAccountResult } from './account-result.ts';

/** Who the member is to others and how they sign in: their name, area, address and password. */
export function ProfileForms({ displayName, area }: { displayName: string; area: string | null }) {
  const t = useT();
  const { actionData, resultFor } = useAccountResult();
  const [nameForm, nameFields] = useZodForm(ChangeNameSchema, {
    id: 'name-form',
    lastResult: resultFor('name'),
    defaultValue: { displayName },
  });
  const [emailForm, emailFields] = useZodForm(ChangeEmailSchema, { id: 'email-form', lastResult: resultFor('email') });
  const [areaForm, areaFields] = useZodForm(ChangeAreaSchema, {
    id: 'area-form',
    lastResult: resultFor('area'),
    defaultValue: { area: area ?? '' },
  });
  const [passwordForm, passwordFields] = useZodForm(ChangePasswordSchema, {
    id: 'password-form',
    lastResult: resultFor('password'),
  });
  return (
    <>
      <h2>{t('account.name.title')}</h2>
      <Form method="post" {...getFormProps(nameForm)}>
        <input type="hidden" name="intent" value="name" />
        <DisplayNameField field={nameFields.displayName} />
        <button type="submit" className="button">
          {t('account.save')}
        </button>
      </Form>

      <h2>{t('account.area.title')}</h2>
      <Form method="post" {...getFormProps(areaForm)}>
        <input type="hidden" name="intent" value="area" />
        <Field field={areaFields.area} label={t('account.area.label')} hint={t('account.area.why')} />
        <button type="submit" className="button">
          {t('account.area.submit')}
        </button>
      </Form>

      <h2>{t('account.email.title')}</h2>
      {actionData?.intent === 'email' && actionData.done ? <p role="status">{t('account.email.sent')}</p> : null}
      <Form method="post" {...getFormProps(emailForm)}>
        <input type="hidden" name="intent" value="email" />
        <EmailField field={emailFields.newEmail} label={t('fields.newEmail')} />
        <CurrentPasswordField field={emailFields.password} />
        <ErrorList id={emailForm.errorId} errors={emailForm.errors} />
        <button type="submit" className="button">
          {t('account.email.submit')}
        </button>
      </Form>

      <h2>{t('account.password.title')}</h2>
      <Form method="post" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <CurrentPasswordField field={passwordFields.currentPassword} />
        <NewPasswordFields
          field={passwordFields.newPassword}
          confirm={passwordFields.confirm}
          label={t('fields.newPassword')}
        />
        <ErrorList id={passwordForm.errorId} errors={passwordForm.errors} />
        <button type="submit" className="button">
          {t('account.password.submit')}
        </button>
      </Form>
    </>
  );
}
