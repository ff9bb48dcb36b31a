import { getFormProps } from '@conform-to/react';
import { Form, Link } from '@remix-run/react';
import { CurrentPasswordField, ErrorList, useZodForm } from '~/components/forms.tsx';
import { DeleteAccountSchema } from '~/modules/members/members.schema.ts';
import { useT } from '~/utils/i18n.tsx';
import { useAccountResult } from './account-result.ts';

/** The account's safety and end: two-factor, the devices signed in, the data export, deleting the account. */
export function AccountSafety({ devices, twoFactor }: { devices: number; twoFactor: boolean }) {
  const t = useT();
  const { resultFor } = useAccountResult();
  const [deleteForm, deleteFields] = useZodForm(DeleteAccountSchema, {
    id: 'delete-form',
    lastResult: resultFor('delete'),
  });
  return (
    <>
      <h2>{t('twoFactor.title')}</h2>
      <p>{twoFactor ? t('twoFactor.statusOn') : t('twoFactor.statusOff')}</p>
      <p>
        <Link to="/account/two-factor">{t('twoFactor.manage')}</Link>
      </p>

      <h2>{t('account.devices.title')}</h2>
      <p>{t('account.devices.count', { n: devices })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="others" />
        <button type="submit" className="button button-secondary">
          {t('account.devices.logoutOthers')}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="all" />
        <button type="submit" className="button button-secondary">
          {t('account.devices.logoutAll')}
        </button>
      </Form>

      <h2>{t('account.data.title')}</h2>
      <p>{t('account.data.intro')}</p>
      <p>
        <a href="/account/export.json" download className="button button-secondary">
          {t('account.data.export')}
        </a>
      </p>

      <h2>{t('account.delete.title')}</h2>
      <p>{t('account.delete.intro')}</p>
      <Form method="post" {...getFormProps(deleteForm)}>
        <input type="hidden" name="intent" value="delete" />
        <CurrentPasswordField field={deleteFields.password} label={t('account.delete.password')} />
        <div className="field-checkbox">
          <input
            type="checkbox"
            id={deleteFields.confirm.id}
            name={deleteFields.confirm.name}
            aria-describedby={deleteFields.confirm.errorId}
          />
          <label htmlFor={deleteFields.confirm.id}>{t('account.delete.confirm')}</label>
        </div>
        <ErrorList id={deleteFields.confirm.errorId} errors={deleteFields.confirm.errors} />
        <button type="submit" className="button button-danger">
          {t('account.delete.submit')}
        </button>
      </Form>
    </>
  );
}
