import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
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
  changeDisplayName,
  changePassword,
  logOutEverywhere,
  logOutOtherDevices,
  requestEmailChange,
} from '~/modules/members/account-settings.server.ts';
import { deleteAccount } from '~/modules/members/deletion.server.ts';
import { accountPage, changeArea } from '~/modules/members/account-settings.server.ts';
import {
  ChangeEmailSchema,
  ChangeNameSchema,
  ChangePasswordSchema,
  storableText,
} from '~/modules/members/members.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { clearSessionCookie } from '~/utils/cookies.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  const { member } = requireMember(request, context);
  return {
    member: { email: member.email, displayName: member.displayName, role: member.role },
    ...(await accountPage(actorOf(context))),
  };
});

const INTENTS = ['name', 'email', 'password', 'others', 'all', 'delete', 'area'] as const;
type Intent = (typeof INTENTS)[number];
type ActionData = { intent: Intent; result: SubmissionResult<string[]>; done?: boolean };

export const action = /* @__PURE__ */ routeAction(
  { intents: INTENTS },
  async ({ request, context, actor, form, intent }) => {
    const { sessionId } = requireMember(request, context);
    const here = '/account';
    if (intent === 'others') {
      await logOutOtherDevices(actor, sessionId);
      return redirectWithFlash(here, 'flash.loggedOutOthers');
    }
    if (intent === 'all') {
      await logOutEverywhere(actor);
      return redirectWithFlash('/', 'flash.loggedOutAll', {
        headers: new Headers({ 'Set-Cookie': clearSessionCookie() }),
      });
    }
    if (intent === 'name') {
      const submission = parseWithZod(form, { schema: ChangeNameSchema });
      if (submission.status !== 'success')
        return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
      await changeDisplayName(actor, submission.value.displayName);
      return redirectWithFlash(here, 'flash.nameChanged');
    }
    if (intent === 'email') {
      const submission = parseWithZod(form, { schema: ChangeEmailSchema });
      if (submission.status !== 'success') {
        return data<ActionData>({ intent, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
      }
      await requestEmailChange({ actor, address: context.clientAddress, ...submission.value });
      return data<ActionData>({ intent, result: submission.reply({ resetForm: true }), done: true });
    }
    if (intent === 'password') {
      const submission = parseWithZod(form, { schema: ChangePasswordSchema });
      const hideFields = ['currentPassword', 'newPassword', 'confirm'];
      if (submission.status !== 'success')
        return data<ActionData>({ intent, result: submission.reply({ hideFields }) }, { status: 400 });
      await changePassword({ actor, sessionId, address: context.clientAddress, ...submission.value });
      return redirectWithFlash(here, 'flash.passwordChanged');
    }
    if (intent === 'area') {
      const submission = parseWithZod(form, { schema: AreaSchema });
      if (submission.status !== 'success')
        return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
      await changeArea(actor, submission.value.area ?? null);
      return redirectWithFlash(here, 'flash.areaChanged');
    }
    const submission = parseWithZod(form, { schema: DeleteAccountSchema });
    if (submission.status !== 'success') {
      return data<ActionData>({ intent, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    }
    await deleteAccount({ actor, password: submission.value.password });
    return redirectWithFlash('/', 'flash.accountDeleted', {
      headers: new Headers({ 'Set-Cookie': clearSessionCookie() }),
    });
  },
);

const AreaSchema = z.object({
  area: storableText().trim().max(120, 'account.area.tooLong').optional(),
});

const DeleteAccountSchema = z.object({
  password: z.string({ required_error: 'errors.required' }).max(1024, 'errors.passwordTooLong'),
  confirm: z.literal('on', { errorMap: () => ({ message: 'account.delete.confirmRequired' }) }),
});

export default function AccountPage() {
  const t = useT();
  const { member, devices, area, twoFactor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const resultFor = (intent: Intent) =>
    actionData?.intent === intent || refusal?.intent === intent ? lastResultOf(actionData) : undefined;

  const [nameForm, nameFields] = useZodForm(ChangeNameSchema, {
    id: 'name-form',
    lastResult: resultFor('name'),
    defaultValue: { displayName: member.displayName },
  });
  const [emailForm, emailFields] = useZodForm(ChangeEmailSchema, { id: 'email-form', lastResult: resultFor('email') });
  const [areaForm, areaFields] = useZodForm(AreaSchema, {
    id: 'area-form',
    lastResult: resultFor('area'),
    defaultValue: { area: area ?? '' },
  });
  const [deleteForm, deleteFields] = useZodForm(DeleteAccountSchema, {
    id: 'delete-form',
    lastResult: resultFor('delete'),
  });
  const [passwordForm, passwordFields] = useZodForm(ChangePasswordSchema, {
    id: 'password-form',
    lastResult: resultFor('password'),
  });

  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs', { email: member.email })} · {t(`role.${member.role}`)}
      </p>

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
    </section>
  );
}
