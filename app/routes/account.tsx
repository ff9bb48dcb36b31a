import { type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AccountSafety } from '~/components/account/account-safety.tsx';
import { ProfileForms } from '~/components/account/profile-forms.tsx';
import {
  accountPage,
  changeArea,
  changeDisplayName,
  changePassword,
  logOutEverywhere,
  logOutOtherDevices,
  requestEmailChange,
} from '~/modules/members/account-settings.server.ts';
import { deleteAccount } from '~/modules/members/deletion.server.ts';
import {
  ACCOUNT_INTENTS,
  ChangeAreaSchema,
  ChangeEmailSchema,
  ChangeNameSchema,
  ChangePasswordSchema,
  DeleteAccountSchema,
  type AccountIntent,
} from '~/modules/members/members.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { clearSessionCookie } from '~/utils/cookies.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  requireMember(request, context);
  return accountPage(actorOf(context));
});

type ActionData = { intent: AccountIntent; result: SubmissionResult<string[]>; done?: boolean };

export const action = /* @__PURE__ */ routeAction(
  { intents: ACCOUNT_INTENTS },
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
      const submission = parseWithZod(form, { schema: ChangeAreaSchema });
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

/** The member's own account: who they are, how they sign in, their devices, their data. */
export default function AccountPage() {
  const t = useT();
  const { member, devices, area, twoFactor } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs', { email: member.email })} · {t(`role.${member.role}`)}
      </p>

      <ProfileForms displayName={member.displayName} area={area} />
      <AccountSafety devices={devices} twoFactor={twoFactor} />
    </section>
  );
}
